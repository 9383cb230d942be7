import { BoundedMemo } from './bounded-memo.ts';
import { englishStem } from './english-stem.ts';
import { detectLanguage, foldWord, guessLanguage, LANGUAGES, type Language, STOPWORDS } from './language.ts';
import { stemFolded } from './stemmers.ts';
import { CAPITALIZED_KEEPWORDS } from './stopwords.ts';
import { forEachToken } from './tokenizer.ts';

export type { Language } from './language.ts';
export { detectLanguage } from './language.ts';
export { forEachToken } from './tokenizer.ts';

const LATIN_WORD = /^[\p{sc=Latin}\p{N}\p{M}'.&]+$/u;
const ASCII_WORD = /^[a-z]+$/;
const DIGIT = /^[0-9]$/;
const FRENCH_ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=.)/;

// Word forms follow Zipf's law, so a memo of token → term skips most stemming work.
const memos = Object.fromEntries(
  LANGUAGES.map((language) => [language, new BoundedMemo<string>(20_000)]),
) as Record<Language, BoundedMemo<string>>;

/**
 * Turns text into index terms: lowercased, stopwords dropped, words stemmed in the text's language
 * (detected when not given), accents folded, compounds also joined ("on-prem" → on, prem, onprem).
 */
export function analyze(text: string, language: Language = detectLanguage(text)): string[] {
  const found: string[] = [];
  forEachToken(text, (token, unicode) => {
    const term = termOf(token, unicode, language);
    if (term !== '') found.push(term);
  });
  return found;
}

/** The index term for one token in the given language (English by default), or '' for a stopword. */
export function termOf(token: string, unicode: boolean, language: Language = 'en'): string {
  const memo = memos[language];
  let term = memo.get(token);
  if (term === undefined) {
    term = toTerm(token, unicode, language);
    memo.set(token, term);
  }
  return term;
}

/**
 * The terms to search for a question. Each word is analyzed in the question's language first, then in
 * English and the other languages; `isKnown` (does any entry hold this term?) picks the first form that
 * entries use. So a misdetected short question still meets its entries, and an English question finds a
 * name as a French entry stemmed it. Compounds prefer their joined form when entries use it ("e-mail"
 * finds "email" without needing "mail").
 */
export function analyzeQuery(text: string, isKnown: (term: string) => boolean): string[] {
  const words = queryWords(text, isKnown);
  const terms: string[] = [];
  for (const options of words) {
    let best = options[0] as string[];
    let bestKnown = -1;
    for (const option of options) {
      const known = option.filter(isKnown).length;
      if (known === option.length) {
        best = option;
        break;
      }
      if (known > bestKnown) {
        best = option;
        bestKnown = known;
      }
    }
    for (const term of best) if (!terms.includes(term)) terms.push(term);
  }
  return terms;
}

/**
 * Each word of a question as alternative term lists, preferred first; see `analyzeQuery`. Given
 * `isKnown`, a long German word no entry holds is also offered as two words entries do hold
 * (Sicherheitsfragebogen → Sicherheit, Fragebogen).
 */
export function queryWords(text: string, isKnown?: (term: string) => boolean): string[][][] {
  const guess = guessLanguage(text);
  const primary = guess.language;
  const candidates: Language[] = [primary];
  const addCandidate = (language: Language) => {
    if (!candidates.includes(language)) candidates.push(language);
  };
  if (!guess.confident) for (const language of guess.ranked) addCandidate(language);
  addCandidate('en');
  for (const language of LANGUAGES) addCandidate(language);
  // A word that is a function word in any language the question shows signs of carries no topic.
  const stopIn = guess.confident ? [primary] : [primary, ...guess.ranked];

  const slots: Array<string[][] | null> = [];
  forEachToken(text, (token, unicode, joins) => {
    const options: string[][] = [];
    if (!stopIn.some((language) => termOf(token, unicode, language) === '')) {
      for (const language of candidates) {
        const term = termOf(token, unicode, language);
        if (term !== '' && !options.some((option) => option[0] === term)) options.push([term]);
      }
    }
    if (joins === 0) {
      if (
        isKnown &&
        primary === 'de' &&
        options.length > 0 &&
        !options.some(([term]) => isKnown(term as string))
      )
        options.push(...germanSplits(token, unicode, isKnown));
      slots.push(options.length > 0 ? options : null);
      return;
    }
    const parts = slots.splice(slots.length - joins, joins);
    const partTerms = parts.flatMap((part) => (part === null ? [] : [(part[0] as string[])[0] as string]));
    if (partTerms.length > 0 && !options.some((option) => option.join(' ') === partTerms.join(' ')))
      options.push(partTerms);
    slots.push(options.length > 0 ? options : null);
  });
  return slots.filter((slot): slot is string[][] => slot !== null);
}

// German writes compounds as one word; a question's compound may be an entry's two words.
const MIN_COMPOUND = 10;
const MIN_PART = 4;

/**
 * The ways to cut a German word in two, each part at least MIN_PART letters, the head also without a
 * linking s (Sicherheits-fragebogen → Sicherheit + fragebogen): shortest head first.
 */
export function germanCompoundParts(token: string): Array<{ head: string; tail: string }> {
  const parts: Array<{ head: string; tail: string }> = [];
  for (let at = MIN_PART; at <= token.length - MIN_PART; at++) {
    const head = token.slice(0, at);
    const tail = token.slice(at);
    for (const left of head.endsWith('s') ? [head, head.slice(0, -1)] : [head])
      parts.push({ head: left, tail });
  }
  return parts;
}

/** Ways to read a German compound as two words entries hold, a linking s dropped (Sicherheits-fragebogen). */
function germanSplits(token: string, unicode: boolean, isKnown: (term: string) => boolean): string[][] {
  if (token.length < MIN_COMPOUND) return [];
  const splits: string[][] = [];
  for (const { head, tail } of germanCompoundParts(token)) {
    const tailTerm = termOf(tail, unicode, 'de');
    if (tailTerm === '' || !isKnown(tailTerm)) continue;
    const term = termOf(head, unicode, 'de');
    if (term !== '' && isKnown(term)) splits.push([term, tailTerm]);
  }
  return splits;
}

/** `termOf` without remembering the result: for the many made-up words a speller tries. */
export function termWithoutMemo(token: string, language: Language): string {
  return toTerm(token, false, language);
}

function toTerm(token: string, unicode: boolean, language: Language): string {
  let term = token.toLowerCase();
  if (language === 'fr' || language === 'en') {
    if (term.endsWith("'s")) term = term.slice(0, -2);
    if (language === 'fr') term = term.replace(FRENCH_ELISION, '');
  }
  if (term.includes('&')) return unicode ? foldWord(term) : term; // R&D, AT&T: one term
  const latin = !unicode || LATIN_WORD.test(term);
  if (language === 'en') {
    if (STOPWORDS.en.has(term) && !CAPITALIZED_KEEPWORDS.has(token)) return '';
    if (unicode && latin) term = foldWord(term);
    if (term.includes("'")) term = term.replaceAll("'", '');
    if (term.length === 1 && !DIGIT.test(term)) return ''; // stray letters match everything
    return ASCII_WORD.test(term) ? englishStem(term) : term;
  }
  if (latin) term = foldWord(term);
  if (term.includes("'")) term = term.replaceAll("'", '');
  if (STOPWORDS[language].has(term) && !CAPITALIZED_KEEPWORDS.has(token)) return '';
  if (term.length === 1 && !DIGIT.test(term)) return '';
  return ASCII_WORD.test(term) ? stemFolded(term, language) : term;
}
