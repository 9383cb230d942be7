import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { foldWord, type Language } from './language.ts';

// Reps often type without accents, so words are folded before stemming and both spellings meet. The
// Snowball suffix rules expect some accents back: these put them on the endings where they matter.
const SPANISH_ENDINGS: Array<[RegExp, string]> = [
  [/cion$/, 'ción'],
  [/sion$/, 'sión'],
  [/logia(s?)$/, 'logía$1'],
];
const PORTUGUESE_ENDINGS: Array<[RegExp, string]> = [
  [/cao$/, 'ção'],
  [/coes$/, 'ções'],
  [/ao$/, 'ão'],
  [/oes$/, 'ões'],
  [/encia(s?)$/, 'ência$1'],
  [/ancia(s?)$/, 'ância$1'],
  [/avel$/, 'ável'],
  [/ivel$/, 'ível'],
  [/aveis$/, 'áveis'],
  [/iveis$/, 'íveis'],
];
const FRENCH_ENDINGS: Array<[RegExp, string]> = [[/ite(s?)$/, 'ité$1']];
// German spelled without umlauts writes ae, oe, ue (Verlaengerung); fold those the same way (German2).
const GERMAN_ENDINGS: Array<[RegExp, string]> = [
  [/ae/g, 'a'],
  [/oe/g, 'o'],
  [/(?<!q)ue/g, 'u'],
];

// As in English, a decision and deciding meet; Snowball leaves these derivations apart (German joins them).
const FAMILIES: Record<Exclude<Language, 'en'>, ReadonlyMap<string, string>> = {
  es: new Map([
    ['decision', 'decid'],
    ['decidi', 'decid'],
  ]),
  fr: new Map([['decis', 'decid']]),
  de: new Map(),
  pt: new Map([
    ['decisa', 'decid'],
    ['deciso', 'decid'],
  ]),
};

const STEMMERS: Record<Exclude<Language, 'en'>, [(word: string) => string, Array<[RegExp, string]>]> = {
  es: [spanish, SPANISH_ENDINGS],
  fr: [french, FRENCH_ENDINGS],
  de: [german, GERMAN_ENDINGS],
  pt: [portuguese, PORTUGUESE_ENDINGS],
};

/** The term of a folded lowercase word in Spanish, French, German or Portuguese: Snowball, accents folded. */
export function stemFolded(word: string, language: Exclude<Language, 'en'>): string {
  const [stem, endings] = STEMMERS[language];
  let prepared = word;
  for (const [ending, replacement] of endings) prepared = prepared.replace(ending, replacement);
  const stemmed = foldWord(stem(prepared));
  return FAMILIES[language].get(stemmed) ?? stemmed;
}
