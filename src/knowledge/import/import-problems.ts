import { EarshotError } from '../../errors.ts';

export interface ImportProblem {
  line?: number;
  /** The field as the user wrote it (a CSV column, a front-matter key, a JSON property). */
  field?: string;
  message: string;
}

/** Enough to fix a file in one pass without burying the user when every line is wrong. */
const MAX_LISTED = 20;

/** Collects problems across a whole file so one error can list them all. */
export class ImportProblems {
  private readonly listed: ImportProblem[] = [];
  private total = 0;

  constructor(private readonly file: string) {}

  get count(): number {
    return this.total;
  }

  add(problem: ImportProblem): void {
    this.total++;
    if (this.listed.length < MAX_LISTED) this.listed.push(problem);
  }

  throwIfAny(): void {
    if (this.total > 0) throw this.toError();
  }

  toError(): EarshotError {
    // Streaming finds problems in line order, but one record's fields may sit on several lines.
    const byLine = this.listed.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const lines = byLine.map((problem) => formatProblem(this.file, problem));
    if (this.total === 1) return importError(lines.join(''));
    const more = this.total - this.listed.length;
    if (more > 0) lines.push(`…and ${more} more ${more === 1 ? 'problem' : 'problems'} not shown`);
    return importError(
      `${this.file} has ${this.total} problems; fix them and import again:\n${lines.join('\n')}`,
    );
  }
}

export function formatProblem(file: string, { line, field, message }: ImportProblem): string {
  const where = line === undefined ? file : `${file} line ${line}`;
  return field === undefined ? `${where}: ${message}` : `${where}: field "${field}": ${message}`;
}

export function importError(message: string, cause?: unknown): EarshotError {
  return new EarshotError({ code: 'import_invalid', message, cause });
}
