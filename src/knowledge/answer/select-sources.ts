import type { Entry } from '../entry.ts';
import { FIELD_KINDS } from '../entry.ts';
import type { Source } from './answer-types.ts';
import { overdueSince } from './freshness.ts';
import type { JudgedHit } from './relevance.ts';

/** A hit with how likely it answers: judged, or listed for a question that names only facets. */
type Ranked = Pick<JudgedHit, 'hit' | 'relevance'>;

const MAX_FIELD_SOURCES = 5;
const MAX_OBJECTIVE_SOURCES = 3;

/**
 * When nothing answers, the likeliest hits at or above this are shown as the closest the knowledge base
 * has. On the tune parts of the six sets (2026-12-01), with two entries shown: 0.15 put a relevant entry
 * among them for 6 of the 14 answerable questions told "nothing heard", and showed something for 48 of
 * the 88 unanswerable ones (0.1: 7 and 60; 0.2: 4 and 38). Labelled as not an answer, a near miss costs
 * a glance; a missed answer costs the rep the deal's question.
 */
export const CLOSEST_FLOOR = 0.15;
const MAX_CLOSEST = 2;

export interface SourceEntry {
  source: Source;
  entry: Entry;
}

/**
 * Picks the entries an answer cites from the relevant hits, best first (relevance.ts): the best field
 * entries and the best research/expert entries, numbered in that order so [1] is the strongest source.
 */
export function selectSources(relevant: Ranked[], now = new Date()): SourceEntry[] {
  const isField = (judged: Ranked) => FIELD_KINDS.includes(judged.hit.entry.kind);
  const field = relevant.filter(isField).slice(0, MAX_FIELD_SOURCES);
  const objective = relevant.filter((judged) => !isField(judged)).slice(0, MAX_OBJECTIVE_SOURCES);
  const chosen = new Set([...field, ...objective]);
  return relevant
    .filter((judged) => chosen.has(judged))
    .map((judged, index) => ({ entry: judged.hit.entry, source: toSource(judged, index + 1, now) }));
}

/** The hits that came closest to answering, likeliest first, for an answer that says nothing answers. */
export function selectClosest(judged: Ranked[], now = new Date()): SourceEntry[] {
  return judged
    .filter((j) => j.relevance >= CLOSEST_FLOOR)
    .sort((a, b) => b.relevance - a.relevance)
    .slice(0, MAX_CLOSEST)
    .map((j, index) => ({ entry: j.hit.entry, source: toSource(j, index + 1, now) }));
}

function toSource({ hit, relevance }: Ranked, n: number, now: Date): Source {
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
    score: relevance,
    staleSince: overdueSince(entry.reviewBy, now),
  };
}
