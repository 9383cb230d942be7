import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { type CsvColumn, csvRecord, readCsvHeader } from './csv-columns.ts';
import { CsvLineCounter } from './csv-lines.ts';
import { EntryCollector, type LocateField } from './entry-collector.ts';
import { openImportFile } from './open-import-file.ts';
import { type ParsedEntry, type ParseEntryFileOptions, PROGRESS_INTERVAL } from './parsed-entry.ts';

const CSV_OPTIONS = {
  bom: true,
  raw: true,
  trim: true,
  skip_empty_lines: true,
  relax_column_count: true,
  // A lone quote inside an unquoted cell (`5" screen`) can only mean a literal quote.
  relax_quotes: true,
  // Spreadsheets write CRLF between rows but LF inside quoted cells.
  record_delimiter: ['\r\n', '\n'],
};

/** Parses a CSV file with a header row naming entry fields, streaming it record by record. */
export async function parseCsv(path: string, options: ParseEntryFileOptions = {}): Promise<ParsedEntry[]> {
  const handle = await openImportFile(path);
  const collector = new EntryCollector(path);
  const lines = new CsvLineCounter();
  let columns: CsvColumn[] | undefined;
  let locate: LocateField = (path) => ({ field: path });
  let records = 0;

  const readRecord = (record: string[], line: number): boolean => {
    if (columns === undefined) {
      const header = readCsvHeader(record, line);
      for (const problem of header.problems) collector.problem(problem);
      columns = header.columns;
      const labelByPath = new Map(header.columns.map((column) => [column.path, column.label]));
      locate = (path) => ({ field: labelByPath.get(path) ?? path });
      // No row can be read without a sound header.
      return header.problems.length === 0;
    }
    if (++records % PROGRESS_INTERVAL === 0) options.onProgress?.(lines.linesRead);
    if (record.length !== columns.length) {
      collector.problem({ line, message: cellCountMessage(record.length, columns.length) });
      return true;
    }
    collector.add(csvRecord(record, columns), line, locate);
    return true;
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const parser = pipeline(
        handle.createReadStream(),
        parse(CSV_OPTIONS),
        (error) => error && reject(error),
      );
      // Records are handled synchronously as they are parsed, so none is lost if a later one is malformed.
      parser.on('data', ({ record, raw }: { record: string[]; raw: string }) => {
        if (!readRecord(record, lines.recordStart(raw))) {
          parser.destroy();
          resolve();
        }
      });
      parser.on('end', resolve);
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const raw = typeof error.raw === 'string' ? error.raw : '';
    collector.problem({ line: lines.recordStart(raw), message: describeCsvError(error) });
  }
  options.onProgress?.(lines.linesRead);
  return collector.finish(
    columns === undefined
      ? 'start with a header row such as "kind,title,body", then one row per entry'
      : 'add one row per entry below the header',
  );
}

function cellCountMessage(cells: number, columns: number): string {
  return (
    `has ${cells} ${cells === 1 ? 'cell' : 'cells'} but the header has ${columns} columns; ` +
    'put cells that contain commas or line breaks in double quotes'
  );
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell starting in this row is never closed; add the missing closing quote (")';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'text follows the closing quote of a cell; inside a quoted cell write a quote as two quotes ("")';
    default:
      return `not valid CSV (${error.message})`;
  }
}
