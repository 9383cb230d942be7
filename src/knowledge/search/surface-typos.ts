import { type Language, termOf, termWithoutMemo } from './analyzer.ts';
import { forEachToken } from './tokenizer.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/**
 * Words typed shorter than this are not corrected as typed: a real word of five or six letters the
 * entries never use ("recent", "point") is too often one slip from one they do.
 */
const MIN_WORD = 7;
const LONGEST_WORD = 24;

/** A question's word as typed (lowercased), with the language whose analysis gave its term. */
export interface TypedWord {
  word: string;
  language: Language;
}

/** Each analysed term of the text with the word it came from, for correcting a misspelling as typed. */
export function typedWords(text: string, languages: readonly Language[]): Map<string, TypedWord> {
  const found = new Map<string, TypedWord>();
  forEachToken(text, (token, unicode, joins) => {
    if (joins > 0) return;
    const word = token.toLowerCase();
    if (!/^[a-z]+$/.test(word)) return;
    for (const language of languages) {
      const term = termOf(token, unicode, language);
      if (term !== '' && !found.has(term)) found.set(term, { word, language });
    }
  });
  return found;
}

/**
 * Known terms one edit (Damerau: a swap of neighbours counts as one) from the word as typed, stemmed in
 * its language. The stem of a misspelt word can be far from the right stem ("garnishmnets" keeps its
 * ending and stems to "garnishmnet", four edits from "garnish"; "ripling" stems to "ripl", too short to
 * correct), so the word is corrected before stemming, the way a speller would.
 */
export function surfaceCorrections(
  { word, language }: TypedWord,
  knows: (term: string) => boolean,
  limit: number,
): string[] {
  if (word.length < MIN_WORD || word.length > LONGEST_WORD) return [];
  const own = termWithoutMemo(word, language);
  const found: string[] = [];
  const consider = (candidate: string) => {
    if (found.length >= limit) return;
    const term = termWithoutMemo(candidate, language);
    if (term !== '' && term !== own && !found.includes(term) && knows(term)) found.push(term);
  };
  // Swaps and dropped letters first: the commonest slips of a typing hand. The first letter stays, as
  // in TypoVocabulary: it is seldom the one mistyped.
  for (let i = 1; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) consider(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  for (let i = 1; i <= word.length; i++) {
    for (const letter of LETTERS) consider(word.slice(0, i) + letter + word.slice(i));
  }
  for (let i = 1; i < word.length; i++) consider(word.slice(0, i) + word.slice(i + 1));
  for (let i = 1; i < word.length; i++) {
    for (const letter of LETTERS) {
      if (letter !== word[i]) consider(word.slice(0, i) + letter + word.slice(i + 1));
    }
  }
  return found;
}
