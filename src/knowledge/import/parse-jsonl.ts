import { createInterface } from 'node:readline';
import { EntryCollector } from './entry-collector.ts';
import { openImportFile } from './open-import-file.ts';
import { type ParsedEntry, type ParseEntryFileOptions, PROGRESS_INTERVAL } from './parsed-entry.ts';

/** Parses a JSON Lines file (one entry object per line, blank lines skipped), streaming it line by line. */
export async function parseJsonl(path: string, options: ParseEntryFileOptions = {}): Promise<ParsedEntry[]> {
  const handle = await openImportFile(path);
  const collector = new EntryCollector(path);
  const lines = createInterface({
    input: handle.createReadStream({ encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (line % PROGRESS_INTERVAL === 0) options.onProgress?.(line);
    if (text.trim() === '') continue;
    const record = parseObject(line === 1 ? text.replace(/^\uFEFF/, '') : text);
    if (typeof record === 'string') collector.problem({ line, message: record });
    else collector.add(record, line);
  }
  options.onProgress?.(line);
  return collector.finish('write one JSON object per line, such as {"kind": "tip", "body": "…"}');
}

/** Returns the line's object with `null` values removed (exporters often write null for "not given"), or a problem. */
function parseObject(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message}); each line must be one complete JSON object`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `must be a JSON object such as {"kind": "tip", "body": "…"} (got ${Array.isArray(value) ? 'a list' : JSON.stringify(value)})`;
  }
  return withoutNulls(value as Record<string, unknown>);
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  // Most lines have no nulls; copying every record would cost more than validating it.
  if (!hasNull(record)) return record;
  // fromEntries (not assignment) so a "__proto__" key stays an ordinary, reportable field.
  return Object.fromEntries(
    Object.entries(record)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => [key, isObject(value) ? withoutNulls(value) : value]),
  );
}

function hasNull(record: Record<string, unknown>): boolean {
  for (const value of Object.values(record)) {
    if (value === null || (isObject(value) && hasNull(value))) return true;
  }
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
