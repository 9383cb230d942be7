import { detectLanguage, termOf } from '../search/analyzer.ts';
import { forEachToken } from '../search/tokenizer.ts';

interface NamedText {
  title: string;
  body: string;
}

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&]+$/u;
const CAPITALIZED = /^\p{Lu}/u;
const LOWERCASE = /^\p{Ll}/u;
const SENTENCE_BREAK = /(?<=[.!?:;])\s+|\n+/;

/**
 * Which of `terms` the entries write as names: capitalized inside a sentence ("lost Harborline to
 * Gorgias") or as an acronym ("their CIO"), and never in lower case. So a rep who types "who's
 * harborline's cio?" names the account as one who types the capitals does. Titles in Title Case and
 * German entries are passed over: there capitals mark every word, or every noun.
 */
export function namesInEntries(terms: ReadonlySet<string>, entries: readonly NamedText[]): Set<string> {
  const asName = new Set<string>();
  const lowercase = new Set<string>();
  const note = (sentence: string) => {
    let first = true;
    forEachToken(sentence, (token, unicode, joins) => {
      if (joins > 0) return;
      const initial = first;
      first = false;
      const term = termOf(token, unicode);
      if (!terms.has(term)) return;
      if (LOWERCASE.test(token)) lowercase.add(term);
      else if (ACRONYM.test(token) || (!initial && CAPITALIZED.test(token))) asName.add(term);
    });
  };
  for (const { title, body } of entries) {
    if (detectLanguage(`${title}\n${body}`) === 'de') continue;
    if (!isTitleCase(title)) note(title);
    for (const sentence of body.split(SENTENCE_BREAK)) note(sentence);
  }
  return new Set([...asName].filter((term) => !lowercase.has(term)));
}

function isTitleCase(title: string): boolean {
  const words = title
    .split(/\s+/)
    .slice(1)
    .filter((word) => /^\p{L}{4,}/u.test(word));
  return words.length >= 2 && words.filter((word) => CAPITALIZED.test(word)).length * 2 > words.length;
}
