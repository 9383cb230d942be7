import { EntryCollector } from './entry-collector.ts';
import { readFrontMatter } from './front-matter.ts';
import { markdownRecord } from './markdown-record.ts';
import { openImportFile } from './open-import-file.ts';
import type { ParsedEntry, ParseEntryFileOptions } from './parsed-entry.ts';

const HOW_TO_WRITE = 'write fields such as "kind: tip" between two "---" lines, then the body below them';

/**
 * Parses a Markdown file holding one entry: fields in YAML front matter, the body after it.
 * Without a `title` field, the body's first `# Heading` becomes the title.
 */
export async function parseMarkdown(
  path: string,
  options: ParseEntryFileOptions = {},
): Promise<ParsedEntry[]> {
  const handle = await openImportFile(path);
  const text = await handle.readFile({ encoding: 'utf8' }).finally(() => handle.close());
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  options.onProgress?.(lines.length);
  const collector = new EntryCollector(path);
  if (text.trim() === '') return collector.finish(HOW_TO_WRITE);

  const frontMatter = readFrontMatter(lines);
  if (!('fields' in frontMatter)) {
    collector.problem(frontMatter);
    return collector.finish(HOW_TO_WRITE);
  }
  const { record, labels, problems } = markdownRecord(frontMatter);
  for (const problem of problems) collector.problem(problem);
  collector.add(record, 1, (path) => {
    if (path === 'body') {
      return {
        field: 'body',
        line: frontMatter.bodyLine,
        hint: 'write the entry below the closing "---" line',
      };
    }
    const field = labels.get(path) ?? path;
    const parent = path.split('.')[0] ?? path;
    return { field, line: frontMatter.lineOf.get(field) ?? frontMatter.lineOf.get(parent) };
  });
  return collector.finish(HOW_TO_WRITE);
}
