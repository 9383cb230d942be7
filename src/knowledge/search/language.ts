import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ELD_DATABASE_JSON } from './eld-database.ts';
import {
  ENGLISH_STOPWORDS,
  FRENCH_STOPWORDS_TEXT,
  GERMAN_STOPWORDS_TEXT,
  PORTUGUESE_STOPWORDS_TEXT,
  SPANISH_STOPWORDS_TEXT,
} from './stopwords.ts';

/** The languages the analyzer stems; anything else is analyzed as English (lowercased, folded). */
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A lowercase word without accents or ligatures: "décision" → "decision", "straße" → "strasse". */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(LIGATURES, (ligature) => LIGATURE[ligature] ?? '');
}
const MARKS = /\p{M}/gu;
const LIGATURES = /[ßœæ]/g;
const LIGATURE: Record<string, string> = { ß: 'ss', œ: 'oe', æ: 'ae' };

function wordSet(text: string): ReadonlySet<string> {
  return new Set(
    text
      .split(/\s+/)
      .filter((word) => word !== '')
      .map(foldWord),
  );
}

/** Stopwords of each language, accents folded. English keeps its apostrophes ("don't"). */
export const STOPWORDS: Record<Language, ReadonlySet<string>> = {
  en: ENGLISH_STOPWORDS,
  es: wordSet(SPANISH_STOPWORDS_TEXT),
  fr: wordSet(`${FRENCH_STOPWORDS_TEXT} atil atelle aton yatil estce questce`),
  de: wordSet(GERMAN_STOPWORDS_TEXT),
  pt: wordSet(PORTUGUESE_STOPWORDS_TEXT),
};

// Detection counts function words: each is evidence for the languages that use it, split between them
// ("de" is Spanish, French or Portuguese). Single letters count for nothing: contractions, elisions and
// identifiers leave too many behind. Accented letters add evidence for the languages that write them.
const EVIDENCE = new Map<string, Array<[number, number]>>();
for (const [index, language] of LANGUAGES.entries()) {
  for (const word of STOPWORDS[language]) {
    if (word.includes("'") || word.length === 1) continue;
    const languages = EVIDENCE.get(word) ?? [];
    languages.push([index, 0]);
    EVIDENCE.set(word, languages);
  }
}
for (const languages of EVIDENCE.values()) {
  for (const entry of languages) entry[1] = 1 / languages.length;
}
// Accented spellings look up the same evidence without folding each word read.
for (const text of [
  SPANISH_STOPWORDS_TEXT,
  FRENCH_STOPWORDS_TEXT,
  GERMAN_STOPWORDS_TEXT,
  PORTUGUESE_STOPWORDS_TEXT,
]) {
  for (const word of text.split(/\s+/)) {
    const evidence = EVIDENCE.get(foldWord(word));
    if (evidence !== undefined && !EVIDENCE.has(word)) EVIDENCE.set(word, evidence);
  }
}
const LETTER_EVIDENCE: Record<string, Partial<Record<Language, number>>> = {
  ñ: { es: 1 },
  '¿': { es: 2 },
  '¡': { es: 1 },
  ã: { pt: 1 },
  õ: { pt: 1 },
  ç: { fr: 0.5, pt: 0.5 },
  ß: { de: 1 },
  ä: { de: 1 },
  ö: { de: 1 },
  ü: { de: 1 },
  è: { fr: 1 },
  ë: { fr: 1 },
  ï: { fr: 1 },
  î: { fr: 1 },
  û: { fr: 1 },
  ù: { fr: 1 },
  œ: { fr: 1 },
  ê: { fr: 0.5, pt: 0.5 },
  â: { fr: 0.5, pt: 0.5 },
  ô: { fr: 0.5, pt: 0.5 },
  à: { fr: 0.5, pt: 0.5 },
  á: { es: 0.5, pt: 0.5 },
  í: { es: 0.5, pt: 0.5 },
  ó: { es: 0.5, pt: 0.5 },
  ú: { es: 0.5, pt: 0.5 },
  é: { es: 0.34, fr: 0.33, pt: 0.33 },
};
const LETTERS_WITH_EVIDENCE = new RegExp(`[${Object.keys(LETTER_EVIDENCE).join('')}]`, 'g');
const ASCII_WORDS = /[A-Za-z]+/g;
// Latin-1 letters cover the five languages' function words; a plain class scans much faster than \p{L}.
const WORDS = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153]+/g;
const NOT_PLAIN_ASCII = /[^ -~\t\n\r\f\v]/;
// Function words show up within the first sentences; reading further only costs time.
const MAX_WORDS = 60;
const WINDOW = 500;
const SETTLED = 4;
const SETTLED_MARGIN = 2;
const MIN_OTHER_EVIDENCE = 0.8;
const CLEAR_OTHER = 3;
const MAX_LETTER_EVIDENCE = 3;
const MIN_EVIDENCE = 1.5;
const MARGIN = 2;

// The trigram detector is only consulted when function words point away from English; it is built on
// first use, so workspaces that only write English never pay for it. It is eld's detector with its
// extrasmall database cut down to our five languages (scripts/eld-languages.ts): the same results, for
// ~4 MB of RSS instead of the ~80 MB that loading eld's 60-language module cost.
// eld is an ES module without a CommonJS export; Node 20.19+ requires it synchronously by file path.
interface Eld {
  detect(text: string): { language: string; isReliable(): boolean };
  setLanguageSubset(languages: readonly string[]): unknown;
}
interface EldFactory {
  createEld(): { instance: Eld; loadData(database: unknown): string };
}
let eld: Eld | undefined;
function trigramDetector(): Eld {
  if (eld === undefined) {
    const detector = fileURLToPath(new URL('../languageDetector.js', import.meta.resolve('eld/extrasmall')));
    const { instance, loadData } = (createRequire(import.meta.url)(detector) as EldFactory).createEld();
    loadData(JSON.parse(ELD_DATABASE_JSON));
    instance.setLanguageSubset(LANGUAGES);
    eld = instance;
  }
  return eld;
}

/**
 * Loads the trigram detector now rather than at the first text that needs it: a server calls this
 * before it listens, so the load (a few hundred ms on one thread) never holds up a request.
 */
export function loadLanguageDetector(): void {
  trigramDetector();
}

export interface LanguageGuess {
  language: Language;
  /** False when the evidence was thin or split: short questions without function words. */
  confident: boolean;
  /** Every language with any evidence, strongest first. */
  ranked: Language[];
}

/**
 * Guesses the language of a text (or of several, e.g. a title and a body, read in order). Function words
 * and accented letters settle English cheaply; otherwise a trigram detector picks among the five.
 */
export function guessLanguage(...texts: string[]): LanguageGuess {
  if (plainEnglish(texts)) return { language: 'en', confident: true, ranked: ENGLISH };
  const scores = [0, 0, 0, 0, 0];
  // Each function word counts once: a symbol repeated through a text (Ca2+, IL-2) is not prose.
  const seen = new Set<string>();
  let budget = MAX_WORDS;
  let settled = false;
  for (const text of texts) {
    if (budget <= 0) break;
    const window = text.length > WINDOW ? text.slice(0, WINDOW) : text;
    const words = NOT_PLAIN_ASCII.test(window) ? WORDS : ASCII_WORDS;
    words.lastIndex = 0;
    for (let match = words.exec(window); match !== null && budget > 0; match = words.exec(window)) {
      budget--;
      const word = lowerWord(match[0]);
      const evidence = EVIDENCE.get(word);
      if (evidence === undefined || seen.has(word)) continue;
      seen.add(word);
      for (const [index, weight] of evidence) scores[index] = (scores[index] as number) + weight;
      // Stop reading once the language is beyond doubt.
      if (isSettled(scores)) {
        settled = true;
        budget = 0;
        break;
      }
    }
  }
  if (!settled) {
    for (const text of texts) {
      const window = text.length > WINDOW ? text.slice(0, WINDOW) : text;
      if (NOT_PLAIN_ASCII.test(window)) addLetterEvidence(window, scores);
    }
  }
  if (leadsClearly(scores, 0)) return { language: 'en', confident: true, ranked: ENGLISH };
  const ranked = LANGUAGES.map((language, index) => ({ language, score: scores[index] as number }))
    .filter(({ score }) => score > 0)
    .sort((x, y) => y.score - x.score)
    .map(({ language }) => language);
  // Hardly a sign of another language (an "et al." in English, a bare product name): English, unsure.
  if (scores.every((score, index) => index === 0 || score < MIN_OTHER_EVIDENCE))
    return { language: 'en', confident: false, ranked };
  // Plenty of one language's function words settles it; the trigram detector (~50 us a text) is for the rest.
  const leader = scores.indexOf(Math.max(...scores));
  if (leader > 0 && (scores[leader] as number) >= CLEAR_OTHER && leadsClearly(scores, leader))
    return { language: LANGUAGES[leader] as Language, confident: true, ranked };
  const detected = trigramDetector().detect(texts.join('\n').slice(0, 2000));
  const language = LANGUAGES.find((candidate) => candidate === detected.language);
  if (language === undefined) return { language: 'en', confident: false, ranked };
  return {
    language,
    confident: detected.isReliable(),
    ranked: [language, ...ranked.filter((other) => other !== language)],
  };
}
const ENGLISH: Language[] = ['en'];

// Most entries are plain-ASCII English prose: one regular expression settles those without reading
// words. These function words are English only ("in", "on", "was" are also German or French).
const ENGLISH_PROSE =
  /\b(?:the|and|of|to|is|are|were|with|for|that|this|have|from|they|we|it|at|but|not|be)\b/g;
const PLAIN_ENGLISH_HITS = 4;
const PROSE_WINDOW = 300;
// Latin-1 letters (ñ, ç, ß, é, ¿, œ) hint at another language; other characters (curly quotes, dashes,
// Greek letters, ±) say nothing against English.
const OTHER_LETTERS = /[\u00a1\u00bf\u00c0-\u00ff\u0152\u0153]/;

function plainEnglish(texts: string[]): boolean {
  let hits = 0;
  for (const text of texts) {
    const window = text.length > PROSE_WINDOW ? text.slice(0, PROSE_WINDOW) : text;
    ENGLISH_PROSE.lastIndex = 0;
    while (hits < PLAIN_ENGLISH_HITS && ENGLISH_PROSE.test(window)) hits++;
    // Only the stretch read so far needs to be free of other languages' letters.
    const read = hits >= PLAIN_ENGLISH_HITS ? window.slice(0, ENGLISH_PROSE.lastIndex) : window;
    if (OTHER_LETTERS.test(read)) return false;
    if (hits >= PLAIN_ENGLISH_HITS) return true;
  }
  return false;
}

/** The word lowercased, or '' when it is written in capitals (IL-2, LA, DE name things, not grammar). */
function lowerWord(word: string): string {
  const first = word.charCodeAt(0);
  if (first < 65 || first > 90) return word.toLowerCase(); // most words start lowercase
  if (word.length > 1) {
    const second = word.charCodeAt(1);
    if (second >= 65 && second <= 90) return '';
  }
  return word.toLowerCase();
}

// A few accented letters hint at a language; a name like Krüppel repeated must not outweigh the prose.
function addLetterEvidence(text: string, scores: number[]): void {
  const added = [0, 0, 0, 0, 0];
  for (const letter of text.toLowerCase().match(LETTERS_WITH_EVIDENCE) ?? []) {
    for (const [language, weight] of Object.entries(LETTER_EVIDENCE[letter] ?? {})) {
      const index = LANGUAGES.indexOf(language as Language);
      added[index] = Math.min(MAX_LETTER_EVIDENCE, (added[index] as number) + (weight as number));
    }
  }
  for (const [index, weight] of added.entries()) scores[index] = (scores[index] as number) + weight;
}

function isSettled(scores: number[]): boolean {
  const leader = scores.indexOf(Math.max(...scores));
  const best = scores[leader] as number;
  return best >= SETTLED && scores.every((other, i) => i === leader || best >= SETTLED_MARGIN * other);
}

function leadsClearly(scores: number[], index: number): boolean {
  const score = scores[index] as number;
  return score >= MIN_EVIDENCE && scores.every((other, i) => i === index || score >= MARGIN * other);
}

/** The language an entry is analyzed in: English unless the text clearly is another one. */
export function detectLanguage(...texts: string[]): Language {
  const guess = guessLanguage(...texts);
  return guess.confident ? guess.language : 'en';
}
