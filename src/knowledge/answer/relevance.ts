import { OBJECTIVE_KINDS } from '../entry.ts';
import type { SearchHit } from '../search/knowledge-search.ts';
import { type AskedFor, askedFor, holdsAskedFor } from './asked-for.ts';
import { sentenceScorer } from './excerpt.ts';
import { type Evidence, type EvidenceField, gatherEvidence, type HitEvidence } from './hit-evidence.ts';
import { readingUnits } from './sentences.ts';

/**
 * What the "heard" decision looks at, per hit; each is 0..1. Shares are of the question's IDF weight,
 * so a rare word counts for more than a common one.
 */
export interface RelevanceFeatures {
  /** Share of the question the index found in the title and body. */
  coverage: number;
  /** Share found anywhere in the entry: title, body, topics or account. */
  fieldCoverage: number;
  /** Share found in the title: a title about the question is strong evidence. */
  titleCoverage: number;
  /** Share found in topics, account or its industry, labels: the curator or the rep filed it so. */
  metaCoverage: number;
  /** Share of terms found in two or more fields: title, body, topics and account agreeing. */
  agreement: number;
  /**
   * The heaviest question term the entry lacks that other hits hold: the knowledge base speaks of it,
   * just not here ("CityGov" and "renewal date" both known, never together).
   */
  missingKnown: number;
  /** Share of the question no hit holds at all: something never recorded, or a word of framing. */
  missingUnknown: number;
  /** 1 when the entry lacks a name or acronym the question asks about ("Initech", "SIEM"). */
  missingName: number;
  /** 1 when the entry holds a name or acronym the question asks about. */
  heldName: number;
  /** How far the entry's share falls short of the best share any hit holds. */
  coverageGap: number;
  /** 1 when the entry holds just one term of a question that has several: one word is weak evidence. */
  oneTerm: number;
  /** Distinct question terms held, counted up to three. */
  terms: number;
  /** The hit's lexical score over the best lexical score of the query. */
  relativeScore: number;
  /**
   * The hit's lexical score over what an entry holding every term once would score (the summed IDF),
   * capped at 1.5 and scaled to 0..1; 0 where the index does not report IDF.
   */
  scoreShare: number;
  /** The question asks for a number, duration, amount or name, and the entry states one (0.5: a number only). */
  factHeld: number;
  /** The question asks for such a fact and the entry states none. */
  factMissing: number;
  /** The largest share of the question one sentence of the entry holds: its terms together, not scattered. */
  sentenceCoverage: number;
  /** One sentence holds both some of the question's terms and the fact it asks for. */
  sentenceFact: number;
  /** The question asks what we do or have ("do we…", "is our…"), and the entry is research or expert content. */
  ownObjective: number;
  /** The same question, and the entry is field chatter or a tip: what someone heard rather than what is so. */
  ownField: number;
  /** Cosine similarity to the question when vector search took part, else 0. */
  similarity: number;
}

export type FeatureName = keyof RelevanceFeatures;

/**
 * A logistic model: P(relevant) = 1 / (1 + e^-(bias + Σ weight·feature)). A hit is cited at or above
 * `threshold`, and, next to a much likelier hit, only at or above `relativeFloor` times its likelihood.
 */
export interface RelevanceModel {
  bias: number;
  weights: Record<FeatureName, number>;
  threshold: number;
  relativeFloor: number;
}

/**
 * Fitted on the tune parts of the development sets (`npm run bench:heard`), lexical search only.
 * Without embeddings `similarity` is always 0, so its weight is a prior, to be fitted where vectors run.
 */
export const RELEVANCE_MODEL: RelevanceModel = {
  bias: -3.86,
  weights: {
    coverage: 0.77,
    fieldCoverage: 1.58,
    titleCoverage: 0.48,
    metaCoverage: 2.18,
    agreement: 1.29,
    missingKnown: -0.52,
    missingUnknown: 0.47,
    missingName: -0.9,
    heldName: 0.82,
    coverageGap: -0.62,
    oneTerm: 0.08,
    terms: 1.19,
    relativeScore: 1.01,
    scoreShare: 0,
    factHeld: -1.62,
    factMissing: -1.46,
    ownObjective: 0.57,
    ownField: -0.48,
    sentenceCoverage: 0.13,
    sentenceFact: 2.02,
    similarity: 0,
  },
  threshold: 0.31,
  relativeFloor: 0.7,
};

export interface JudgedHit {
  hit: SearchHit;
  features: RelevanceFeatures;
  /** Estimated probability that the entry answers the question. */
  relevance: number;
}

/** The question as asked (names keep their capitals) and as searched. */
export interface Asked {
  question: string;
  query: string;
}

export interface Judgement {
  /** Every hit in search order, with its features and relevance. */
  judged: JudgedHit[];
  /** The hits that answer the question on their own, most likely first; empty: nothing heard. */
  relevant: JudgedHit[];
  /** Each analyzed query term's share of the question's weight, for choosing what to quote. */
  termWeights: ReadonlyMap<string, number>;
}

/**
 * Vector similarity at which a hit counts as relevant whatever its words, as before this model:
 * kept as a rule until the model can be fitted where embeddings run.
 */
export const MIN_SIMILARITY = 0.55;

/** Judges every hit on its own and keeps those likely enough to answer the question. */
export function judgeHits(asked: Asked, hits: SearchHit[], model = RELEVANCE_MODEL): Judgement {
  const evidence = gatherEvidence(asked, hits);
  const facts = askedFor(asked.question);
  const own = asksAboutUs(asked.question);
  const shares = evidence.hits.map((hitEvidence) => fieldShare(evidence, hitEvidence));
  const context: QueryContext = {
    bestLexicalScore: Math.max(0, ...hits.map((hit) => hit.lexicalScore)),
    bestCoverage: Math.max(0, ...shares),
    facts,
    own,
    scoreSentence: sentenceScorer(asked.query, {
      question: asked.question,
      weights: evidence.question.weight,
    }),
  };
  const judged = evidence.hits.map((hitEvidence) => {
    const features = relevanceFeatures(evidence, hitEvidence, context);
    return { hit: hitEvidence.hit, features, relevance: probability(model, features) };
  });
  return { judged, relevant: relevantOf(judged, model), termWeights: evidence.question.weight };
}

/** The judged hits the model cites, likeliest first. */
export function relevantOf(judged: JudgedHit[], model: Pick<RelevanceModel, 'threshold' | 'relativeFloor'>) {
  const floor = Math.max(
    model.threshold,
    model.relativeFloor * Math.max(0, ...judged.map((j) => j.relevance)),
  );
  return (
    judged
      .filter((j) => j.relevance >= floor || j.features.similarity >= MIN_SIMILARITY)
      // Stable: equally likely hits keep their search order.
      .sort((a, b) => b.relevance - a.relevance)
  );
}

export function probability(model: RelevanceModel, features: RelevanceFeatures): number {
  let z = model.bias;
  for (const name of Object.keys(model.weights) as FeatureName[]) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

/** What the features of one hit are measured against: the best of the query's hits, and what is asked. */
export interface QueryContext {
  bestLexicalScore: number;
  /** The highest `fieldCoverage` of any hit. */
  bestCoverage: number;
  /** The kinds of fact the question asks for (asked-for.ts). */
  facts: AskedFor[];
  /** The question asks what we (the seller) do or have. */
  own: boolean;
  /** Scores one sentence: its weighted share of the question's terms, and whether it holds the asked fact. */
  scoreSentence: (text: string) => { termScore: number; fact: number };
}

/** "Do we…", "does our…", "can we…", "what's our…": a question about the seller's own product or policy. */
const ABOUT_US =
  /\b(?:do|does|did|can|could|will|would|should|is|are|have|has)\s+(?:we|our|us)\b|\b(?:what|which|how)(?:'s| is| are)\s+our\b|\bwe\s+(?:support|offer|have|charge|accept|sign|handle|run|store|bill|allow)\b/i;

function asksAboutUs(question: string): boolean {
  return ABOUT_US.test(question);
}

function fieldShare(evidence: Evidence, { matched }: HitEvidence): number {
  const { terms, weight } = evidence.question;
  return terms.reduce((sum, term) => sum + (weight.get(term) ?? 0) * (matched.get(term)?.strength ?? 0), 0);
}

/** The features of one hit; the only place they are computed. */
export function relevanceFeatures(
  evidence: Evidence,
  { hit, matched }: HitEvidence,
  context: QueryContext,
): RelevanceFeatures {
  const { terms, weight, names, idfTotal } = evidence.question;
  const share = (held: (fields: Set<EvidenceField>) => boolean) =>
    terms.reduce((sum, term) => {
      const match = matched.get(term);
      return match && held(match.fields) ? sum + (weight.get(term) ?? 0) * match.strength : sum;
    }, 0);
  const missingKnown = terms.reduce(
    (most, term) =>
      matched.has(term) || !evidence.known.has(term) ? most : Math.max(most, weight.get(term) ?? 0),
    0,
  );
  const missingUnknown = terms.reduce(
    (sum, term) => (evidence.known.has(term) ? sum : sum + (weight.get(term) ?? 0)),
    0,
  );
  const fieldCoverage = share(() => true);
  const nameList = [...names];
  const fact =
    context.facts.length > 0 ? holdsAskedFor(`${hit.entry.title}. ${hit.entry.body}`, context.facts) : 0;
  const objective = OBJECTIVE_KINDS.includes(hit.entry.kind);
  let sentenceCoverage = 0;
  let sentenceFact = 0;
  for (const unit of readingUnits(`${hit.entry.title}\n\n${hit.entry.body}`)) {
    const scored = context.scoreSentence(unit.text);
    sentenceCoverage = Math.max(sentenceCoverage, scored.termScore);
    if (scored.termScore > 0 && scored.fact === 1) sentenceFact = 1;
  }
  return {
    coverage: hit.coverage,
    fieldCoverage,
    titleCoverage: share((fields) => fields.has('title')),
    metaCoverage: share((fields) => fields.has('meta')),
    agreement: share((fields) => fields.size >= 2),
    missingKnown,
    missingUnknown,
    missingName: nameList.some((term) => !matched.has(term)) ? 1 : 0,
    heldName: nameList.some((term) => matched.has(term)) ? 1 : 0,
    coverageGap: Math.max(0, context.bestCoverage - fieldCoverage),
    oneTerm: terms.length > 1 && matched.size === 1 ? 1 : 0,
    terms: Math.min(matched.size, 3) / 3,
    relativeScore: context.bestLexicalScore > 0 ? hit.lexicalScore / context.bestLexicalScore : 0,
    scoreShare: idfTotal ? Math.min(1.5, hit.lexicalScore / idfTotal) / 1.5 : 0,
    factHeld: fact,
    factMissing: context.facts.length > 0 && fact === 0 ? 1 : 0,
    ownObjective: context.own && objective ? 1 : 0,
    ownField: context.own && !objective ? 1 : 0,
    sentenceCoverage,
    sentenceFact,
    similarity: hit.similarity ?? 0,
  };
}
