import { extname } from 'node:path';
import { importError } from './import-problems.ts';
import { parseCsv } from './parse-csv.ts';
import { parseJsonl } from './parse-jsonl.ts';
import { parseMarkdown } from './parse-markdown.ts';
import type { ParsedEntry, ParseEntryFileOptions } from './parsed-entry.ts';

export type { ParsedEntry, ParseEntryFileOptions } from './parsed-entry.ts';

type Parser = (path: string, options?: ParseEntryFileOptions) => Promise<ParsedEntry[]>;

const PARSERS: Record<string, Parser> = {
  '.jsonl': parseJsonl,
  '.ndjson': parseJsonl,
  '.csv': parseCsv,
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
};

export const SUPPORTED_EXTENSIONS = Object.keys(PARSERS);

/**
 * Reads an import file into validated entries, choosing the format by extension. The whole file is
 * checked first; any problem throws one `import_invalid` EarshotError listing them with their lines.
 */
export function parseEntryFile(path: string, options: ParseEntryFileOptions = {}): Promise<ParsedEntry[]> {
  const parser = PARSERS[extname(path).toLowerCase()];
  if (!parser) {
    const given =
      extname(path) === '' ? 'has no extension' : `has an unsupported extension "${extname(path)}"`;
    return Promise.reject(
      importError(
        `${path}: ${given}; use one of ${SUPPORTED_EXTENSIONS.join(', ')} (JSON Lines, CSV or Markdown)`,
      ),
    );
  }
  return parser(path, options);
}
