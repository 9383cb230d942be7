import type { SearchHit } from '../search/knowledge-search.ts';
import { askedFor } from './asked-for.ts';
import { sentenceScorer } from './excerpt.ts';
import { gatherEvidence } from './hit-evidence.ts';
import {
  asksAboutUs,
  type FeatureName,
  fieldShare,
  type QueryContext,
  type RelevanceFeatures,
  relevanceFeatures,
} from './relevance-features.ts';

export type { FeatureName, RelevanceFeatures } from './relevance-features.ts';

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
 * Fitted on the tune parts of the development sets with `npm run bench:heard -- --fit` (lexical search
 * only). `scoreShare` is 0 until the index reports IDF, and `similarity` without embeddings, so their
 * weights stay 0 until a fit where they are measured.
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
