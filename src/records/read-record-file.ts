import { extname } from 'node:path';
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ImportProblems } from '../knowledge/import/import-problems.ts';
import { openImportFile } from '../knowledge/import/open-import-file.ts';
import { valueAt } from './value-at.ts';

export interface RecordFileSpec<T> {
  /** Validates one record whose keys are the spec's field names. */
  schema: z.ZodType<T>;
  /** Field names as the schema spells them; CSV headers and JSON keys match them ignoring case, spaces, `_` and `-`. */
  fields: readonly string[];
  /** Fields that hold lists: in CSV one cell separated by `;` or `|`. */
  listFields?: readonly string[];
  /** What one record describes, for messages ("account", "reference"). */
  noun: string;
}

export interface FileRecord<T> {
  line: number;
  value: T;
}

/**
 * Reads a CSV (header row) or JSON Lines file of small records (accounts, references, trigger events),
 * validating every record; any problem fails the whole file, listing each with its line and field.
 */
export async function readRecordFile<T>(path: string, spec: RecordFileSpec<T>): Promise<FileRecord<T>[]> {
  const handle = await openImportFile(path);
  const text = await handle.readFile('utf8').finally(() => handle.close());
  const problems = new ImportProblems(path);
  const kind = extname(path).toLowerCase();
  const raw =
    kind === '.csv'
      ? csvRecords(text, spec, problems)
      : kind === '.jsonl' || kind === '.ndjson' || kind === '.json'
        ? jsonLines(text, spec, problems)
        : null;
  if (raw === null) {
    problems.add({
      message: `is not a .csv or .jsonl file; save the ${spec.noun}s as CSV with a header row or as JSON Lines`,
    });
    problems.throwIfAny();
    return [];
  }
  const records: FileRecord<T>[] = [];
  for (const { line, fields } of raw) {
    const withNul = Object.entries(fields).filter(([, value]) => JSON.stringify(value)?.includes('\\u0000'));
    for (const [field] of withNul) {
      problems.add({
        line,
        field,
        message: 'must not contain a NUL byte (\\0); remove it (the file may be binary or UTF-16)',
      });
    }
    if (withNul.length > 0) continue;
    const parsed = spec.schema.safeParse(fields);
    if (parsed.success) {
      records.push({ line, value: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      problems.add({ line, field: issue.path.join('.') || undefined, message: describe(issue, fields) });
    }
  }
  if (records.length === 0 && problems.count === 0) {
    problems.add({
      message: `has no ${spec.noun}s; add one ${spec.noun} per line (CSV: below a header row)`,
    });
  }
  problems.throwIfAny();
  return records;
}

const canonical = (key: string) => key.toLowerCase().replace(/[\s_-]/g, '');

function fieldMatcher(spec: RecordFileSpec<unknown>) {
  const byKey = new Map(spec.fields.map((field) => [canonical(field), field]));
  return (key: string) => byKey.get(canonical(key));
}

function csvRecords(text: string, spec: RecordFileSpec<unknown>, problems: ImportProblems) {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    problems.add({
      line: typeof error.lines === 'number' ? error.lines : undefined,
      message: `not valid CSV (${error.message}); put cells with commas in double quotes`,
    });
    return [];
  }
  const [header, ...body] = rows;
  if (!header) return [];
  const match = fieldMatcher(spec);
  const columns = header.map((label) => ({ label, field: match(label) }));
  for (const column of columns) {
    if (!column.field) {
      problems.add({
        line: 1,
        field: column.label,
        message: `unknown column; use ${spec.fields.join(', ')}`,
      });
    }
  }
  if (columns.some((column) => !column.field)) return [];
  const lists = new Set(spec.listFields ?? []);
  // Blank lines are skipped by the parser, so line numbers come from counting records; good enough
  // for files without multi-line cells, which these small files rarely have.
  return body.map((cells, index) => {
    const fields: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const cell = cells[i]?.trim() ?? '';
      if (cell === '' || !column.field) return;
      fields[column.field] = lists.has(column.field)
        ? cell
            .split(/[;|]/)
            .map((item) => item.trim())
            .filter(Boolean)
        : cell;
    });
    return { line: index + 2, fields };
  });
}

function jsonLines(text: string, spec: RecordFileSpec<unknown>, problems: ImportProblems) {
  const match = fieldMatcher(spec);
  const records: Array<{ line: number; fields: Record<string, unknown> }> = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = index + 1;
    if (rawLine.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(rawLine);
    } catch {
      problems.add({ line, message: `is not valid JSON; each line must be one ${spec.noun} object` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.add({ line, message: `must be a JSON object describing one ${spec.noun}` });
      return;
    }
    const fields: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const field = match(key);
      if (!field) {
        problems.add({ line, field: key, message: `unknown field; use ${spec.fields.join(', ')}` });
        continue;
      }
      fields[field] = item;
    }
    records.push({ line, fields });
  });
  return records;
}

function describe(issue: z.core.$ZodIssue, fields: Record<string, unknown>): string {
  const value = valueAt(fields, issue.path);
  if (value === undefined) return issue.code === 'custom' ? issue.message : 'is required';
  return `${issue.message} (got ${JSON.stringify(value)?.slice(0, 60)})`;
}

/** Plain text that must not be blank. */
export const requiredText = (what: string) => z.string(`must be ${what}`).trim().min(1, `must be ${what}`);

/** Reads an ISO date or timestamp. */
export const isoDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'must be an ISO date such as 2026-11-02 or 2026-11-02T09:30:00Z',
  })
  .transform((value) => new Date(value));
