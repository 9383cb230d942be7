import { SOURCE_FIELDS, splitTopics } from './entry-fields.ts';
import type { FrontMatter } from './front-matter.ts';
import type { ImportProblem } from './import-problems.ts';
import { takeTitleHeading } from './markdown-title.ts';

export interface MarkdownRecord {
  record: Record<string, unknown>;
  /** How the user wrote a field whose name differs from its schema path (`url` for `source.url`). */
  labels: Map<string, string>;
  problems: ImportProblem[];
}

/**
 * Builds an entry-shaped record from front matter and body. Empty values mean "not given",
 * topics may be a `;`-separated string, and plain `url:`/`channel:`… keys fill `source` as in CSV.
 */
export function markdownRecord({ fields: written, lineOf, body }: FrontMatter): MarkdownRecord {
  const problems: ImportProblem[] = [];
  const labels = new Map<string, string>();
  const fields = withoutEmpty(written);
  const flat = SOURCE_FIELDS.filter((name) => fields[name] !== undefined);
  if (flat.length > 0 && fields.source !== undefined) {
    for (const name of flat) {
      problems.push({
        line: lineOf.get(name),
        field: name,
        message: `is given next to "source:"; move ${name} under "source:" or write all source fields without it`,
      });
    }
  } else if (flat.length > 0) {
    fields.source = Object.fromEntries(flat.map((name) => [name, fields[name]]));
    for (const name of flat) labels.set(`source.${name}`, name);
  }
  if (fields.body !== undefined) {
    problems.push({
      line: lineOf.get('body'),
      field: 'body',
      message: 'write the body below the closing "---" line, not in the front matter',
    });
  }
  if (typeof fields.topics === 'string') fields.topics = splitTopics(fields.topics);
  if (typeof fields.roles === 'string') fields.roles = splitTopics(fields.roles);

  let bodyLines = body;
  if (fields.title === undefined) {
    const heading = takeTitleHeading(body);
    if (heading) ({ title: fields.title, body: bodyLines } = heading);
  }
  const record = Object.fromEntries(
    Object.entries(fields).filter(([key]) => !flat.includes(key) && key !== 'body'),
  );
  return { record: { ...record, body: bodyLines.join('\n') }, labels, problems };
}

/** Empty values (`title:`) mean "not given", as empty cells do in CSV. */
function withoutEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => [key, isRecord(value) ? withoutEmpty(value) : value]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
