import { unguardFormula } from './csv-formula-guard.ts';
import { ENTRY_FIELDS, REQUIRED_FIELDS, SOURCE_FIELDS, splitTopics } from './entry-fields.ts';
import type { ImportProblem } from './import-problems.ts';

/** One header cell: what the user called it and which entry field (`kind`, `source.url`) it fills. */
export interface CsvColumn {
  label: string;
  path: string;
}

/** Column names are matched case-insensitively; source fields may be written with or without `source.`. */
const PATH_BY_NAME = new Map<string, string>();
for (const field of ENTRY_FIELDS) {
  if (field !== 'source') PATH_BY_NAME.set(field.toLowerCase(), field);
}
for (const field of SOURCE_FIELDS) {
  PATH_BY_NAME.set(field.toLowerCase(), `source.${field}`);
  PATH_BY_NAME.set(`source.${field}`.toLowerCase(), `source.${field}`);
}

const ACCEPTED = ENTRY_FIELDS.flatMap((field) =>
  field === 'source' ? SOURCE_FIELDS.map((name) => `${name} (or source.${name})`) : [field],
).join(', ');

/** Reads the header row, returning its columns or everything wrong with it. */
export function readCsvHeader(
  cells: readonly string[],
  line: number,
): { columns: CsvColumn[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const columns: CsvColumn[] = [];
  cells.forEach((label, index) => {
    const path = PATH_BY_NAME.get(label.toLowerCase());
    if (label === '') {
      problems.push({ line, message: `column ${index + 1} has no name; name it or delete the column` });
    } else if (path === undefined) {
      problems.push({
        line,
        message: `unknown column "${label}"; rename or remove it. Accepted columns: ${ACCEPTED}`,
      });
    } else {
      const same = columns.find((column) => column.path === path);
      if (same)
        problems.push({ line, message: `columns "${same.label}" and "${label}" both set ${path}; keep one` });
      columns.push({ label, path });
    }
  });
  for (const field of REQUIRED_FIELDS) {
    if (!columns.some((column) => column.path === field)) {
      problems.push({ line, message: `missing column "${field}"; every entry needs one` });
    }
  }
  return { columns, problems };
}

/** Fields written as one `;`-separated cell. */
const LIST_FIELDS = new Set(['topics', 'roles']);

/**
 * Builds an entry-shaped record from one row. Empty cells are left out; topics and roles are split on
 * `;`; a cell an export guarded against running as a formula loses its guard.
 */
export function csvRecord(cells: readonly string[], columns: readonly CsvColumn[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const source: Record<string, string> = {};
  columns.forEach(({ path }, index) => {
    const cell = unguardFormula(cells[index] ?? '');
    if (cell === '') return;
    if (path.startsWith('source.')) source[path.slice('source.'.length)] = cell;
    else if (!LIST_FIELDS.has(path)) record[path] = cell;
    else if (splitTopics(cell).length > 0) record[path] = splitTopics(cell);
  });
  if (Object.keys(source).length > 0) record.source = source;
  return record;
}
