import { detectLanguage, termOf } from '../search/analyzer.ts';
import { forEachToken } from '../search/tokenizer.ts';

interface NamedText {
  title: string;
  body: string;
  sourceAccount?: string | null;
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
 *
 * A word of a name the entries also use as a word ("help" of "Help Scout", "Mercy" opening a sentence)
 * is a name where the question puts it beside the rest of the name, as the entries do with capitals:
 * `pairs` are the question's neighbouring terms, in order.
 */
export function namesInEntries(
  terms: ReadonlySet<string>,
  entries: readonly NamedText[],
  pairs: ReadonlyArray<readonly [string, string]> = [],
): Set<string> {
  const asName = new Set<string>();
  const lowercase = new Set<string>();
  const wantedPairs = new Set(pairs.map(pairKey));
  const capitalizedPairs = new Set<string>();
  const note = (sentence: string) => {
    let first = true;
    let capitalizedBefore: string | null = null;
    forEachToken(sentence, (token, unicode, joins) => {
      if (joins > 0) return;
      const initial = first;
      first = false;
      const term = termOf(token, unicode);
      const capitalized = CAPITALIZED.test(token);
      if (capitalized && capitalizedBefore !== null && wantedPairs.size > 0) {
        const key = pairKey([capitalizedBefore, term]);
        if (wantedPairs.has(key)) capitalizedPairs.add(key);
      }
      capitalizedBefore = capitalized ? term : null;
      if (!terms.has(term)) return;
      if (LOWERCASE.test(token)) lowercase.add(term);
      else if (ACRONYM.test(token) || (!initial && capitalized)) asName.add(term);
    });
  };
  // The account an entry was heard from is a name, however its sentences open ("Pagecraft thinks…").
  // Hits share accounts: each is read once.
  for (const account of new Set(entries.map((entry) => entry.sourceAccount))) {
    if (!account) continue;
    forEachToken(account, (token, unicode) => {
      const term = termOf(token, unicode);
      if (terms.has(term)) asName.add(term);
    });
  }
  for (const { title, body } of entries) {
    if (detectLanguage(`${title}\n${body}`) === 'de') continue;
    if (!isTitleCase(title)) note(title);
    for (const sentence of body.split(SENTENCE_BREAK)) note(sentence);
  }
  const names = new Set([...asName].filter((term) => !lowercase.has(term)));
  // Left to right, so a name of three words ("mercy ridge health") grows from any of its words.
  for (let grown = true; grown; ) {
    grown = false;
    for (const [a, b] of pairs) {
      if (
        (names.has(a) || names.has(b)) &&
        !(names.has(a) && names.has(b)) &&
        capitalizedPairs.has(pairKey([a, b]))
      ) {
        names.add(a);
        names.add(b);
        grown = true;
      }
    }
  }
  return names;
}

function pairKey([a, b]: readonly [string, string]): string {
  return `${a} ${b}`;
}

function isTitleCase(title: string): boolean {
  const words = title
    .split(/\s+/)
    .slice(1)
    .filter((word) => /^\p{L}{4,}/u.test(word));
  return words.length >= 2 && words.filter((word) => CAPITALIZED.test(word)).length * 2 > words.length;
}
