import { EarshotError } from '../../errors.ts';

export interface ImportProblem {
  line?: number;
  /** The field as the user wrote it (a CSV column, a front-matter key, a JSON property). */
  field?: string;
  message: string;
}

/** Enough to fix a file in one pass without burying the user when every line is wrong. */
const MAX_LISTED = 20;
/** A page can list more than a terminal message; past this many the file is better fixed at its source. */
const MAX_KEPT = 1000;

/** An import file's problems: the message lists the first few, `problems` holds them as data, by line. */
export class ImportInvalidError extends EarshotError {
  constructor(
    message: string,
    /** Up to 1,000 problems in line order; `total` counts them all. */
    readonly problems: readonly ImportProblem[],
    readonly total: number,
  ) {
    super({ code: 'import_invalid', message });
    this.name = 'ImportInvalidError';
  }
}

/** Collects problems across a whole file so one error can list them all. */
export class ImportProblems {
  private readonly listed: ImportProblem[] = [];
  private readonly kept: ImportProblem[] = [];
  private total = 0;

  constructor(private readonly file: string) {}

  get count(): number {
    return this.total;
  }

  add(problem: ImportProblem): void {
    this.total++;
    if (this.listed.length < MAX_LISTED) this.listed.push(problem);
    if (this.kept.length < MAX_KEPT) this.kept.push(problem);
  }

  throwIfAny(): void {
    if (this.total > 0) throw this.toError();
  }

  toError(): ImportInvalidError {
    // Streaming finds problems in line order, but one record's fields may sit on several lines.
    const byLine = this.listed.toSorted(inLineOrder);
    const kept = this.kept.toSorted(inLineOrder);
    const lines = byLine.map((problem) => formatProblem(this.file, problem));
    if (this.total === 1) return new ImportInvalidError(lines.join(''), kept, this.total);
    const more = this.total - this.listed.length;
    if (more > 0) lines.push(`…and ${more} more ${more === 1 ? 'problem' : 'problems'} not shown`);
    return new ImportInvalidError(
      `${this.file} has ${this.total} problems; fix them and import again:\n${lines.join('\n')}`,
      kept,
      this.total,
    );
  }
}

const inLineOrder = (a: ImportProblem, b: ImportProblem) => (a.line ?? 0) - (b.line ?? 0);

export function formatProblem(file: string, { line, field, message }: ImportProblem): string {
  const where = line === undefined ? file : `${file} line ${line}`;
  return field === undefined ? `${where}: ${message}` : `${where}: field "${field}": ${message}`;
}

export function importError(message: string, cause?: unknown): EarshotError {
  return new EarshotError({ code: 'import_invalid', message, cause });
}
