import { analyze } from '../search/analyzer.ts';

/** An acronym a question uses, with its letters and the term it is searched as. */
export interface Acronym {
  letters: string;
  term: string;
}

/** "HOS", "PMs", "EOR": two to five capitals, maybe with a plural s. */
const ACRONYM = /^(\p{Lu}{2,5})s?$/u;

/** Small words that may take a letter inside an acronym: "hours of service" is HOS, "profit and loss" P&L. */
const CONNECTORS = new Set(['of', 'and', 'for', '&']);
/** Skipped, never a letter: "the cost of" is not TCO. */
const SKIPPED = new Set(['the', 'a', 'an', 'to', 'in', 'on']);
/**
 * A word that takes a letter and is not a connector is a real word: "are in" is not AI. Two words in a
 * row start with any two letters often enough that a two-letter acronym needs long ones ("preventive
 * maintenance" for PM, not "clinics asked" for CA).
 */
const MIN_WORD = 4;
const MIN_WORD_OF_TWO = 7;

export function acronymsOf(question: string): Acronym[] {
  const found: Acronym[] = [];
  for (const raw of question.split(/\s+/)) {
    const word = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    const letters = ACRONYM.exec(word)?.[1];
    const term = letters ? analyze(word, 'en')[0] : undefined;
    if (letters && term) found.push({ letters: letters.toLowerCase(), term });
  }
  return found;
}

/**
 * True when the text writes the acronym out: consecutive words whose initials spell it ("preventive
 * maintenance" for PM, "hours of service" for HOS), a connecting word inside taking a letter or none.
 * Entries often spell out what reps abbreviate. For two letters, a capital past the first word is a name
 * ("Crewline Advance" is not CA).
 */
export function spellsOut(text: string, letters: string): boolean {
  const words = text.split(/[^\p{L}&]+/u).filter(Boolean);
  const minWord = letters.length === 2 ? MIN_WORD_OF_TWO : MIN_WORD;
  // Three or more initials in a row are rarely chance, so a Title Case expansion counts: "Qualified
  // Security Assessor" for QSA, "Attestation of Compliance" for AOC.
  const titleCaseAllowed = letters.length >= 3;
  const from = (position: number, letter: number, taken: number): boolean => {
    if (letter === letters.length) return taken >= 2;
    const word = words[position];
    if (word === undefined || (taken > 0 && !titleCaseAllowed && /^\p{Lu}/u.test(word))) return false;
    const lower = word.toLowerCase();
    const connector = CONNECTORS.has(lower);
    const inside = taken > 0 && letter < letters.length - 1;
    const takes =
      (connector ? inside : lower.length >= minWord) && lower.startsWith(letters[letter] as string);
    if (takes && from(position + 1, letter + 1, taken + 1)) return true;
    return taken > 0 && (connector || SKIPPED.has(lower)) && from(position + 1, letter, taken);
  };
  for (let start = 0; start < words.length; start++) {
    if (from(start, 0, 0)) return true;
  }
  return false;
}
