import { strToU8, zipSync } from 'fflate';
import { stringify } from 'yaml';
import type { Entry } from '../../knowledge/entry.ts';
import { guardFormula } from '../../knowledge/import/csv-formula-guard.ts';
import { importRecord } from './export-entries.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  /** `.jsonl`, `.csv`, `.zip` (one Markdown file per entry). */
  extension: string;
  /** As the audit log names it. */
  label: string;
}

/** Entries in one of the import formats; each reads back through the import to the same entries. */
export function exportFile(entries: Entry[], format: ExportFormat): ExportFile {
  switch (format) {
    case 'jsonl':
      return {
        body: entries.map((entry) => `${JSON.stringify(importRecord(entry))}\n`).join(''),
        contentType: 'application/x-ndjson; charset=utf-8',
        extension: '.jsonl',
        label: 'JSONL',
      };
    case 'csv':
      return {
        body: entriesCsv(entries),
        contentType: 'text/csv; charset=utf-8',
        extension: '.csv',
        label: 'CSV',
      };
    case 'markdown':
      return {
        body: markdownZip(entries),
        contentType: 'application/zip',
        extension: '.zip',
        label: 'Markdown (zip)',
      };
  }
}

/** The import's CSV columns; source fields by their short names, topics and roles `;`-separated. */
const CSV_COLUMNS = [
  'externalId',
  'kind',
  'title',
  'body',
  'url',
  'channel',
  'author',
  'account',
  'contributor',
  'topics',
  'stage',
  'industry',
  'roles',
  'createdAt',
  'reviewBy',
  'status',
] as const;

/** A header row, then one row per entry; every cell quoted, so commas and line breaks in text stay in it. */
export function entriesCsv(entries: Entry[]): string {
  const rows = entries.map((entry) => {
    const record = importRecord(entry);
    const source = (record.source ?? {}) as Record<string, string>;
    return CSV_COLUMNS.map((column) => {
      const value = column in source ? source[column] : record[column];
      if (value === undefined || value === null) return '';
      return Array.isArray(value) ? value.join('; ') : String(value);
    });
  });
  return [[...CSV_COLUMNS], ...rows].map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}

function csvCell(value: string): string {
  return `"${guardFormula(value).replaceAll('"', '""')}"`;
}

/** One entry as a Markdown file: its fields as YAML front matter, its text as the body. */
export function entryMarkdown(entry: Entry): string {
  const { body, ...fields } = importRecord(entry);
  // Plain strings and lists only: the import reads front matter with YAML's failsafe schema (all text).
  const frontMatter = stringify(fields, {
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
  });
  return `---\n${frontMatter}---\n${String(body)}\n`;
}

/** Every entry as its own `.md` file (the Markdown import holds one entry per file), in one zip. */
export function markdownZip(entries: Entry[]): Uint8Array<ArrayBuffer> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of entries) {
    const base = (entry.externalId ?? `entry-${entry.id}`).replace(/[^\w.-]+/g, '_').slice(0, 80);
    let name = `${base}.md`;
    for (let n = 2; name in files; n += 1) name = `${base}-${n}.md`;
    files[name] = strToU8(entryMarkdown(entry));
  }
  // A copy on its own ArrayBuffer, as web responses take it.
  return new Uint8Array(zipSync(files, { level: 6 }));
}
