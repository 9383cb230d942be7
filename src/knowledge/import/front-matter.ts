import { isMap, isScalar, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import type { ImportProblem } from './import-problems.ts';

export interface FrontMatter {
  fields: Record<string, unknown>;
  /** The file line each key is written on, by dotted path (`title`, `source.url`). */
  lineOf: Map<string, number>;
  body: string[];
  /** The file line the body starts on. */
  bodyLine: number;
}

const HOW_TO = 'start the file with a line "---", then fields such as "kind: tip", then another "---" line';

/** Splits a Markdown file into YAML front matter (between `---` lines) and the body after it. */
export function readFrontMatter(lines: readonly string[]): FrontMatter | ImportProblem {
  if (lines[0]?.trimEnd() !== '---') return { line: 1, message: `has no front matter; ${HOW_TO}` };
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end === -1)
    return { line: 1, message: 'front matter is never closed; add a "---" line after the fields' };

  const lineCounter = new LineCounter();
  // The failsafe schema keeps every value as text, so `externalId: 42` or `createdAt: 2026-11-02` arrive as written.
  const document = parseDocument(lines.slice(1, end).join('\n'), {
    schema: 'failsafe',
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const [error] = document.errors;
  if (error) {
    const line = 1 + lineCounter.linePos(error.pos[0]).line;
    return {
      line,
      message: `front matter is not valid YAML (${error.message}); write one "field: value" per line`,
    };
  }
  if (document.contents !== null && !isMap(document.contents)) {
    return { line: 2, message: 'front matter must be "field: value" lines, such as "kind: tip"' };
  }
  const lineOf = new Map<string, number>();
  if (document.contents) recordKeyLines(document.contents, '', lineCounter, lineOf);
  return {
    fields: (document.toJS() ?? {}) as Record<string, unknown>,
    lineOf,
    body: lines.slice(end + 1),
    bodyLine: end + 2,
  };
}

function recordKeyLines(
  map: YAMLMap,
  prefix: string,
  counter: LineCounter,
  lineOf: Map<string, number>,
): void {
  for (const { key, value } of map.items) {
    if (!isScalar(key) || !key.range) continue;
    const path = `${prefix}${String(key.value)}`;
    // +1 because the YAML starts on the line after the opening "---".
    lineOf.set(path, counter.linePos(key.range[0]).line + 1);
    if (isMap(value)) recordKeyLines(value, `${path}.`, counter, lineOf);
  }
}
