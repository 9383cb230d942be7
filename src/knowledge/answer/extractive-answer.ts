import type { Source, Statement } from './answer-types.ts';
import { excerpt } from './excerpt.ts';
import type { SourceEntry } from './select-sources.ts';

export interface ExtractiveOptions {
  /** The question as asked: says whether a number, duration or name is wanted. */
  question: string;
  /** The question as searched. */
  query: string;
  /** Weight of each analyzed query term; rarer terms weigh more. */
  weights?: ReadonlyMap<string, number>;
}

/** The deterministic answer: one quoted, cited statement per selected entry, with no model involved. */
export function extractiveStatements(sources: SourceEntry[], options: ExtractiveOptions) {
  const field: Statement[] = [];
  const objective: Statement[] = [];
  for (const { source, entry } of sources) {
    const quote = excerpt(entry.body, options.query, options);
    if (source.kind === 'chatter') {
      field.push({ text: `${attribution(source)} heard: "${quote}"`, citations: [source.n] });
    } else if (source.kind === 'tip') {
      field.push({ text: `Tip from ${source.author ?? 'a rep'}: ${quote}`, citations: [source.n] });
    } else {
      objective.push({ text: `${source.title}: ${quote}`, citations: [source.n] });
    }
  }
  return { field, objective };
}

function attribution(source: Source) {
  const who = source.author ?? 'A rep';
  return source.account ? `${who} (${source.account})` : who;
}
