import type { Entry } from '../entry.ts';
import { FIELD_KINDS } from '../entry.ts';
import type { SearchHit } from '../search/knowledge-search.ts';
import type { Source } from './answer-types.ts';

/** A hit counts as heard when it holds at least this share of the question's (IDF-weighted) terms... */
export const MIN_COVERAGE = 0.5;
/** ...or, with vector search, is at least this similar in meaning. */
export const MIN_SIMILARITY = 0.55;

const MAX_FIELD_SOURCES = 5;
const MAX_OBJECTIVE_SOURCES = 3;

export interface SourceEntry {
  source: Source;
  entry: Entry;
}

export function isRelevant(hit: SearchHit): boolean {
  return hit.coverage >= MIN_COVERAGE || (hit.similarity ?? 0) >= MIN_SIMILARITY;
}

/**
 * Picks the entries an answer cites: the best field entries and the best research/expert entries,
 * numbered in rank order so [1] is always the strongest source.
 */
export function selectSources(relevant: SearchHit[]): SourceEntry[] {
  const field = relevant.filter((hit) => FIELD_KINDS.includes(hit.entry.kind)).slice(0, MAX_FIELD_SOURCES);
  const objective = relevant
    .filter((hit) => !FIELD_KINDS.includes(hit.entry.kind))
    .slice(0, MAX_OBJECTIVE_SOURCES);
  const chosen = new Set([...field, ...objective]);
  return relevant
    .filter((hit) => chosen.has(hit))
    .map((hit, index) => ({ entry: hit.entry, source: toSource(hit, index + 1) }));
}

function toSource(hit: SearchHit, n: number): Source {
  const { entry } = hit;
  return {
    n,
    id: entry.id,
    externalId: entry.externalId,
    kind: entry.kind,
    title: entry.title,
    url: entry.sourceUrl,
    author: entry.sourceAuthor ?? entry.contributor,
    account: entry.sourceAccount,
    channel: entry.sourceChannel,
    createdAt: entry.createdAt,
    score: hit.score,
  };
}
