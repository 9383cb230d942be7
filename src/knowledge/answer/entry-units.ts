import { detectLanguage, type Language } from '../search/analyzer.ts';
import { BoundedMemo } from '../search/bounded-memo.ts';
import { type ReadingUnit, readingUnits } from './sentences.ts';

/** A text's reading units, and the language its sentences are analysed in. */
export interface UnitsOf {
  language: Language;
  units: readonly ReadingUnit[];
}

// The hits of one question are mostly the hits of the last ones: an entry is split into sentences and
// its language detected once, not once per question. Keyed by the text itself, so an edited entry is
// read from its new text. A title never holds a NUL (entries refuse it), so the two keys cannot meet.
const memo = new BoundedMemo<UnitsOf>(500);

/** An entry's title and body as one text: the units of `title\n\nbody`, in the language of both. */
export function entryUnits(entry: { title: string; body: string }): UnitsOf {
  const key = `${entry.title}\0${entry.body}`;
  let found = memo.get(key);
  if (found === undefined) {
    found = {
      language: detectLanguage(entry.title, entry.body),
      units: readingUnits(`${entry.title}\n\n${entry.body}`),
    };
    memo.set(key, found);
  }
  return found;
}

/** A body alone: its units, in its own language. */
export function bodyUnits(body: string): UnitsOf {
  let found = memo.get(body);
  if (found === undefined) {
    found = { language: detectLanguage(body), units: readingUnits(body) };
    memo.set(body, found);
  }
  return found;
}
