import { entryInputSchema } from '../entry.ts';
import { describeIssues } from './describe-issues.ts';
import { type ImportProblem, ImportProblems } from './import-problems.ts';
import type { ParsedEntry } from './parsed-entry.ts';

/**
 * Maps a schema path (`source.url`) to the name the user wrote, the line it is on if known,
 * and optionally a format-specific hint on how to fix it.
 */
export type LocateField = (path: string) => { field: string; line?: number; hint?: string };

const asWritten: LocateField = (path) => ({ field: path });

/**
 * Validates records one by one and keeps going after a bad one, so the whole file is checked
 * before anything is imported. Records are plain objects shaped like `EntryInput` before validation.
 */
export class EntryCollector {
  private readonly entries: ParsedEntry[] = [];
  private readonly problems: ImportProblems;
  private readonly lineByExternalId = new Map<string, number>();

  constructor(file: string) {
    this.problems = new ImportProblems(file);
  }

  add(record: Record<string, unknown>, line: number, locate: LocateField = asWritten): void {
    const result = entryInputSchema.safeParse(record);
    if (!result.success) {
      for (const { path, message } of describeIssues(result.error.issues, record)) {
        const found = locate(path);
        const hinted = found.hint ? `${message}; ${found.hint}` : message;
        this.problem({ line: found.line ?? line, field: found.field, message: hinted });
      }
    }
    this.checkUnique(record.externalId, line, locate);
    // Once the file is known to be bad nothing will be imported, so stop holding entries.
    if (result.success && this.problems.count === 0) this.entries.push({ entry: result.data, line });
  }

  problem(problem: ImportProblem): void {
    this.problems.add(problem);
  }

  /** Throws the collected problems, or that the file has no entries; otherwise returns the entries. */
  finish(howToAddEntries: string): ParsedEntry[] {
    this.problems.throwIfAny();
    if (this.entries.length === 0) {
      this.problem({ message: `has no entries; ${howToAddEntries}` });
      this.problems.throwIfAny();
    }
    return this.entries;
  }

  private checkUnique(externalId: unknown, line: number, locate: LocateField): void {
    if (typeof externalId !== 'string' || externalId.trim() === '') return;
    const id = externalId.trim();
    const firstLine = this.lineByExternalId.get(id);
    if (firstLine === undefined) {
      this.lineByExternalId.set(id, line);
      return;
    }
    this.problem({
      line,
      field: locate('externalId').field,
      message: `"${id}" is also used on line ${firstLine}; give each entry its own externalId`,
    });
  }
}
