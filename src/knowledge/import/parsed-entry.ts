import type { EntryInput } from '../entry.ts';

/** A validated entry and the line of the import file it starts on, so callers can point back at it. */
export interface ParsedEntry {
  entry: EntryInput;
  line: number;
}

export interface ParseEntryFileOptions {
  /** Called every {@link PROGRESS_INTERVAL} records and once at the end with the number of lines read so far. */
  onProgress?: (linesRead: number) => void;
}

export const PROGRESS_INTERVAL = 10_000;
