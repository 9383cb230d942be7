import { analyze, type Language } from '../search/analyzer.ts';
import { BoundedMemo } from '../search/bounded-memo.ts';
import { LANGUAGES } from '../search/language.ts';
import { type AskedFor, holdsAskedFor } from './asked-for.ts';

/** What one sentence analyses to, in one language: its distinct terms, and the asked-for facts it holds. */
interface SentenceAnalysis {
  terms: readonly string[];
  /** `holdsAskedFor` per kinds asked (joined), filled in as questions ask for them. */
  facts?: Map<string, number>;
}

// An answer scores every sentence of its 20 hits, and the same entries come up question after question:
// each sentence is analysed once, not once per question. Keyed by the text itself, so an edited entry's
// new sentences are analysed afresh; bounded, because entries are many.
const GENERATION = 2_000;
const memos = Object.fromEntries(
  LANGUAGES.map((language) => [language, new BoundedMemo<SentenceAnalysis>(GENERATION)]),
) as Record<Language, BoundedMemo<SentenceAnalysis>>;

function analysisOf(text: string, language: Language): SentenceAnalysis {
  const memo = memos[language];
  let analysis = memo.get(text);
  if (analysis === undefined) {
    analysis = { terms: [...new Set(analyze(text, language))] };
    memo.set(text, analysis);
  }
  return analysis;
}

/** The distinct terms `analyze(text, language)` gives, in order. */
export function sentenceTerms(text: string, language: Language): readonly string[] {
  return analysisOf(text, language).terms;
}

/** `holdsAskedFor(text, kinds)`, remembered with the sentence's terms. */
export function sentenceHolds(text: string, language: Language, kinds: AskedFor[]): number {
  if (kinds.length === 0) return 0;
  const analysis = analysisOf(text, language);
  const key = kinds.join();
  analysis.facts ??= new Map();
  let held = analysis.facts.get(key);
  if (held === undefined) {
    held = holdsAskedFor(text, kinds);
    analysis.facts.set(key, held);
  }
  return held;
}
