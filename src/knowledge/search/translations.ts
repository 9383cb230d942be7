import { analyze, germanCompoundParts, type Language, termOf } from './analyzer.ts';
import { guessLanguage, LANGUAGES } from './language.ts';
import { SALES_LEXICON } from './sales-lexicon.ts';
import { forEachToken } from './tokenizer.ts';

type Foreign = Exclude<Language, 'en'>;
const FOREIGN = LANGUAGES.filter((language): language is Foreign => language !== 'en');
const NOT_ASCII = /[^\x20-\x7e]/;

let lexicon: Record<Foreign, Map<string, string[]>> | undefined;

/** Per language, each word's term (as that language analyses it) → the English terms it means. */
function builtLexicon(): Record<Foreign, Map<string, string[]>> {
  if (lexicon) return lexicon;
  const built = Object.fromEntries(
    FOREIGN.map((language) => [language, new Map<string, string[]>()]),
  ) as Record<Foreign, Map<string, string[]>>;
  for (const row of SALES_LEXICON) {
    const english = analyze(row.en, 'en');
    for (const language of FOREIGN) {
      for (const word of row[language].split(' ')) {
        const term = termOf(word, NOT_ASCII.test(word), language);
        if (term === '') continue;
        const known = built[language].get(term) ?? [];
        built[language].set(term, [...new Set([...known, ...english])]);
      }
    }
  }
  lexicon = built;
  return built;
}

/**
 * The English terms each word of a Spanish, French, German or Portuguese question means (sales-lexicon.ts),
 * keyed by every term the word analyses to, so the question's chosen term finds them whichever language
 * analysed it. Empty for an English question.
 */
export function translations(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const guess = guessLanguage(text);
  const languages = (guess.confident ? [guess.language] : guess.ranked).filter(
    (language): language is Foreign => language !== 'en',
  );
  if (languages.length === 0) return found;
  const words = builtLexicon();
  let first = true;
  forEachToken(text, (token, unicode, joins) => {
    if (joins > 0) return;
    const opening = first;
    first = false;
    for (const language of languages) {
      const english = words[language].get(termOf(token, unicode, language));
      if (!english) continue;
      for (const any of LANGUAGES) {
        const term = termOf(token, unicode, any);
        if (term !== '' && !english.includes(term) && !found.has(term)) found.set(term, english);
      }
      return;
    }
    // German joins words into one ("Lohnabrechnungsanbieter"): its first part may be a lexicon word.
    const compound = languages.includes('de') ? germanCompoundMeaning(token, unicode, words.de) : undefined;
    if (compound) {
      for (const any of LANGUAGES) {
        const term = termOf(token, unicode, any);
        if (term !== '' && !found.has(term)) found.set(term, compound);
      }
      return;
    }
    // A name is the same name in English ("au Canada"), but another language's stemmer cuts it
    // differently ("canad"): its English form is what English entries hold.
    if (!opening && NAME.test(token)) {
      const english = termOf(token, unicode, 'en');
      for (const language of languages) {
        const term = termOf(token, unicode, language);
        if (term !== '' && english !== '' && term !== english && !found.has(term)) found.set(term, [english]);
      }
    }
  });
  return found;
}

/** A word written with a capital: a place, company or product. */
const NAME = /^\p{Lu}/u;

/**
 * The English terms of a German compound the lexicon lacks, read from its longest first part the lexicon
 * has, plus its remainder where the lexicon has that too: "Lohnabrechnungsanbieter" is Lohnabrechnung
 * (payroll) + Anbieter.
 */
function germanCompoundMeaning(
  token: string,
  unicode: boolean,
  words: Map<string, string[]>,
): string[] | undefined {
  const lookup = (part: string) => words.get(termOf(part, unicode, 'de'));
  for (const { head, tail } of germanCompoundParts(token).reverse()) {
    const english = lookup(head);
    if (english) return [...new Set([...english, ...(lookup(tail) ?? [])])];
  }
  return undefined;
}
