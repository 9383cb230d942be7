import { analyzeQuery } from './analyzer.ts';

/** How a document matched one thing the question asked about. */
export type MatchVia = 'literal' | 'synonym' | 'typo';

/** One way to match a concept: its analysed terms, all of which a document must hold (a phrase when several). */
export interface QueryAlternative {
  terms: string[];
  /** 1 for the question's own word; less for a synonym or a typo correction. */
  weight: number;
  via: MatchVia;
}

/** One thing the question asks about: one analysed word of the literal question, and the ways to match it. */
export interface QueryConcept {
  /** The question's own analysed term. */
  term: string;
  /** The literal term first (weight 1), then synonyms and typo corrections. */
  alternatives: QueryAlternative[];
}

/** A question as the index searches it. Coverage is measured over `concepts`, whatever matched them. */
export interface WeightedQuery {
  concepts: QueryConcept[];
}

/**
 * The query that matches the text's own analysed terms and nothing else; `isKnown` (does any entry
 * hold this term?) picks each word's form as in `analyzeQuery`.
 */
export function literalQuery(text: string, isKnown: (term: string) => boolean): WeightedQuery {
  return {
    concepts: [...new Set(analyzeQuery(text, isKnown))].map((term) => ({
      term,
      alternatives: [{ terms: [term], weight: 1, via: 'literal' }],
    })),
  };
}
