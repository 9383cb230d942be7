import { analyze, analyzeQuery } from './analyzer.ts';
import { LANGUAGES } from './language.ts';
import { surfaceCorrections, type TypedWord, typedWords } from './surface-typos.ts';
import { acronymTable, type PhraseSynonyms, type Thesaurus } from './thesaurus.ts';
import { translations } from './translations.ts';
import type { SimilarTerm } from './typo-vocabulary.ts';
import type { QueryAlternative, QueryConcept, WeightedQuery } from './weighted-query.ts';

/** A synonym counts this much of the question's own word. */
export const SYNONYM_WEIGHT = 0.5;
/** A correction of a misspelt word counts this much, less again for two edits. */
export const TYPO_WEIGHT = 0.5;
const TWO_EDIT_FACTOR = 0.7;
/** Corrections kept per misspelt word. */
const MAX_CORRECTIONS = 3;
/** Words (as analysed) shorter than this are not corrected: too many real words lie one edit away. */
const MIN_TYPO_LENGTH = 5;
const ONE_EDIT_UP_TO = 7;

/** The index's vocabulary, for correcting words it does not know. */
export interface Vocabulary {
  knows(term: string): boolean;
  similarTerms(term: string, maxEdits: number, limit: number): SimilarTerm[];
}

export interface ExpansionOptions {
  /** Synonym groups: the sales thesaurus and the workspace's own. */
  thesaurus?: Thesaurus;
  /** Given, words no entry holds are matched to close vocabulary terms (typo tolerance). */
  vocabulary?: Vocabulary;
}

/**
 * The question as weighted terms. Each analysed word is a concept matched by itself (weight 1), by its
 * synonyms (SYNONYM_WEIGHT) and, when no entry holds it, by vocabulary terms one or two edits away
 * (TYPO_WEIGHT). A phrase of the question found in the thesaurus ("security review") lends its synonyms
 * ("infosec") to each of its words, splitting the weight between them, so a document saying "infosec"
 * scores as one synonym yet covers both words. Synonyms of a correction count too ("churm" → churn →
 * retention), at both discounts.
 */
export function expandQuery(text: string, options: ExpansionOptions = {}): WeightedQuery {
  // Analysed as a whole (the question's language comes from the whole text); with a vocabulary, each
  // word takes the form (in the question's language, English or another) that entries actually use.
  const vocabulary = options.vocabulary;
  const terms = vocabulary ? analyzeQuery(text, (term) => vocabulary.knows(term)) : analyze(text);
  const words = terms.map((term) => ({ term }));
  const concepts = new Map<string, QueryConcept>();
  for (const { term } of words) {
    if (!concepts.has(term))
      concepts.set(term, { term, alternatives: [{ terms: [term], weight: 1, via: 'literal' }] });
  }
  const corrected = options.vocabulary
    ? addCorrections(text, words, concepts, options)
    : new Map<string, string>();
  const translated = translations(text);
  for (const [term, english] of translated) {
    // A word of the question's frame ("cuánto dura"), as English drops "how long … take".
    if (english.length === 0 && concepts.size > 1) concepts.delete(term);
    // The word's meaning in English: found in English entries the way a synonym is.
    for (const meaning of english) {
      if (!concepts.has(meaning))
        addAlternative(concepts.get(term), { terms: [meaning], weight: SYNONYM_WEIGHT, via: 'synonym' });
    }
  }
  if (options.thesaurus) {
    addSynonyms(terms, concepts, options.thesaurus, corrected, translated);
    // Read against the vocabulary, a phrase can lose the form the thesaurus knows it by ("sign off" is
    // sign + signoff, and no entry says "signoff"): the text's full analysis still finds the phrase.
    const full = vocabulary ? analyze(text) : terms;
    if (full.join(' ') !== terms.join(' '))
      addSynonyms(full, concepts, options.thesaurus, corrected, translated);
    addSynonyms(terms, concepts, acronymTable(), corrected, translated);
  }
  return { concepts: [...concepts.values()] };
}

/** Adds typo alternatives; returns each corrected word's best correction. */
function addCorrections(
  text: string,
  words: Array<{ term: string }>,
  concepts: Map<string, QueryConcept>,
  options: ExpansionOptions,
): Map<string, string> {
  const vocabulary = options.vocabulary as Vocabulary;
  const knows = (term: string) => vocabulary.knows(term);
  const best = new Map<string, string>();
  let typed: Map<string, TypedWord> | undefined;
  for (const { term } of words) {
    if (best.has(term) || !/^\p{L}+$/u.test(term)) continue;
    // A word the thesaurus knows is a real word, just not one anybody wrote down here.
    if (vocabulary.knows(term) || options.thesaurus?.has(term)) continue;
    const corrections: Array<{ term: string; distance: number }> = [];
    if (term.length >= MIN_TYPO_LENGTH) {
      // Counted on the stem: "identity" is "ident", one edit from too many words to allow two.
      const maxEdits = term.length <= ONE_EDIT_UP_TO ? 1 : 2;
      corrections.push(...vocabulary.similarTerms(term, maxEdits, MAX_CORRECTIONS));
    }
    if (corrections.length === 0) {
      // No stem close by: the word as typed may be one slip from a known word whose stem is not.
      typed ??= typedWords(text, LANGUAGES);
      const word = typed.get(term);
      for (const correction of word ? surfaceCorrections(word, knows, MAX_CORRECTIONS) : [])
        corrections.push({ term: correction, distance: 1 });
    }
    for (const { term: correction, distance } of corrections) {
      const weight = TYPO_WEIGHT * (distance === 1 ? 1 : TWO_EDIT_FACTOR);
      addAlternative(concepts.get(term), { terms: [correction], weight, via: 'typo' });
    }
    if (corrections[0]) best.set(term, corrections[0].term);
  }
  return best;
}

/** Gives the synonyms of each thesaurus phrase in `literal` to those of its terms that are concepts. */
function addSynonyms(
  literal: string[],
  concepts: Map<string, QueryConcept>,
  thesaurus: PhraseSynonyms,
  corrected: Map<string, string>,
  translated: Map<string, string[]>,
): void {
  // A foreign word is looked up by its English meaning: "prueba" finds the group of "trial".
  const sequence = literal.map((term) => corrected.get(term) ?? translated.get(term)?.[0] ?? term);
  for (let start = 0; start < sequence.length; ) {
    let matched = 1;
    // The longest phrase of the thesaurus starting here: "security review" before "security".
    for (let length = Math.min(thesaurus.longestPhrase, sequence.length - start); length >= 1; length--) {
      const span = sequence.slice(start, start + length);
      const synonyms = thesaurus.synonymsOf(span.join(' '));
      if (synonyms.length === 0) continue;
      const covered = [...new Set(literal.slice(start, start + length))].filter((term) => concepts.has(term));
      matched = length;
      if (covered.length === 0) break;
      const viaTypo = literal.slice(start, start + length).some((term) => corrected.has(term));
      const weight = (SYNONYM_WEIGHT * (viaTypo ? TYPO_WEIGHT : 1)) / covered.length;
      for (const terms of synonyms) {
        // "Churn at renewal": renewal is asked for in its own right, not as a stand-in for churn.
        if (terms.every((term) => concepts.has(term))) continue;
        for (const term of covered) addAlternative(concepts.get(term), { terms, weight, via: 'synonym' });
      }
      break;
    }
    start += matched;
  }
}

/** Adds the alternative unless the concept has it already, keeping the higher weight. */
function addAlternative(concept: QueryConcept | undefined, alternative: QueryAlternative): void {
  if (!concept) return;
  const key = alternative.terms.join(' ');
  const known = concept.alternatives.find((existing) => existing.terms.join(' ') === key);
  if (!known) concept.alternatives.push(alternative);
  else if (known.weight < alternative.weight && known.via !== 'literal') known.weight = alternative.weight;
}
