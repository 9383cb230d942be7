import type { Entry } from '../entry.ts';
import { FIELD_KINDS } from '../entry.ts';
import type { SearchHit } from '../search/knowledge-search.ts';
import type { Source } from './answer-types.ts';

/**
 * Something was heard when the best hit holds at least this share of the question's (IDF-weighted)
 * terms, or, with vector search, is at least MIN_SIMILARITY alike in meaning.
 */
export const MIN_COVERAGE = 0.4;
export const MIN_SIMILARITY = 0.55;
/**
 * Once something was heard, other hits count too when they hold one facet of the question (a question
 * like "SSO and security reviews" has two) and score near the best: this keeps "Ledgerline was 22%
 * cheaper" in an answer about "pricing against Ledgerline" without letting one stray word in.
 */
const MIN_SUPPORTING_COVERAGE = 0.2;
const MIN_SUPPORTING_SCORE_SHARE = 0.35;

const MAX_FIELD_SOURCES = 5;
const MAX_OBJECTIVE_SOURCES = 3;

export interface SourceEntry {
  source: Source;
  entry: Entry;
}

/** The hits an answer may use, best first; empty when nothing relevant was heard. */
export function relevantHits(hits: SearchHit[]): SearchHit[] {
  const similar = (hit: SearchHit) => (hit.similarity ?? 0) >= MIN_SIMILARITY;
  if (!hits.some((hit) => hit.coverage >= MIN_COVERAGE || similar(hit))) return [];
  const bestLexical = Math.max(...hits.map((hit) => hit.lexicalScore));
  return hits.filter(
    (hit) =>
      similar(hit) ||
      hit.coverage >= MIN_COVERAGE ||
      (hit.coverage >= MIN_SUPPORTING_COVERAGE &&
        hit.lexicalScore >= MIN_SUPPORTING_SCORE_SHARE * bestLexical),
  );
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
