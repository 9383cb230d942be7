import { termOf } from '../search/analyzer.ts';

/**
 * A question asking who holds a role ("who's Tellurio's CIO?": the role's terms) or what role a named
 * person holds ("what's Ravi Chandra's role?": the person's name, lower case). Either is answered only
 * by a sentence naming a person beside a role, not by one that speaks of "their CIO" or of Ravi
 * Chandra signing something.
 */
export type AskedPerson = { role: string[] } | { person: string[] };

/** Words that head a job title. A role question is recognised only by one of these. */
const ROLE_HEADS = new Set(
  [
    'ceo',
    'cio',
    'cfo',
    'cto',
    'coo',
    'ciso',
    'cmo',
    'cro',
    'cpo',
    'vp',
    'svp',
    'evp',
    'president',
    'director',
    'manager',
    'head',
    'lead',
    'chief',
    'officer',
    'founder',
    'controller',
    'treasurer',
    'counsel',
    'administrator',
    'architect',
    'champion',
    'sponsor',
    'chair',
    'superintendent',
    'principal',
    'dean',
    'provost',
    'commissioner',
    'secretary',
  ].map((word) => termOf(word, false)),
);

/** Words before a title that say when, not which role: "the new VP of sales" is the VP of sales. */
const NOT_OF_THE_ROLE = new Set([
  'new',
  'current',
  'former',
  'acting',
  'interim',
  'main',
  'the',
  'our',
  'their',
]);

/** How far apart, in words, a person's name and a role may stand and still be one statement. */
const NEAR = 5;

/** "who's our implementation lead on …", "who is hope street's executive director": the words after who-is. */
const WHO_IS = /^\s*who(?:'s|’s|\s+is|\s+was|\s+are)\s+(.+?)[?.!]*\s*$/i;
/** "what's Ravi Chandra's role at …", "what is Laura Benson's title?" */
const ROLE_OF = /\bwhat(?:'s|’s|\s+is|\s+was)\s+(.+?)(?:'s|’s)\s+(?:role|title|job|position)\b/i;

/** What person a question asks for, if it asks for one; English questions only. */
export function askedPerson(question: string): AskedPerson | null {
  const of = ROLE_OF.exec(question)?.[1];
  if (of !== undefined) {
    const person = words(of).map((word) => word.toLowerCase());
    return person.length > 0 && person.length <= 3 ? { person } : null;
  }
  const rest = WHO_IS.exec(question)?.[1];
  if (rest === undefined) return null;
  // The role ends at its head word, with "of <what>" after it ("VP of sales"), and starts after a
  // possessive or determiner ("hope street's executive director", "our implementation lead").
  const tokens = words(rest);
  const head = tokens.findIndex((word) => ROLE_HEADS.has(termOf(word.toLowerCase(), false)));
  if (head < 0) return null;
  let start = head;
  while (
    start > 0 &&
    !/['’]s$/i.test(tokens[start - 1] as string) &&
    !NOT_OF_THE_ROLE.has((tokens[start - 1] as string).toLowerCase())
  ) {
    start--;
  }
  const after =
    tokens[head + 1]?.toLowerCase() === 'of' && tokens[head + 2] ? [tokens[head + 2] as string] : [];
  const role = [...tokens.slice(start, head + 1), ...after]
    .map((word) => termOf(word.toLowerCase(), false))
    .filter((term) => term !== '');
  return role.length > 0 ? { role } : null;
}

/**
 * True when some statement of the text names a person (two capitalized words, "Lorena Vasquez") with
 * the asked role's terms within a few words of the name, or names the asked person beside a job title.
 */
export function namesAskedPerson(text: string, asked: AskedPerson): boolean {
  for (const statement of text.split(/[.;!?]\s+|\n+/)) {
    const tokens = words(statement);
    const terms = tokens.map((word) => termOf(word.toLowerCase(), false));
    const near = (from: number, to: number, holds: (term: string) => boolean) =>
      terms.slice(Math.max(0, from - NEAR), to + NEAR + 1).some(holds);
    if ('person' in asked) {
      for (let i = 0; i + asked.person.length <= tokens.length; i++) {
        const here = asked.person.every((part, k) => tokens[i + k]?.toLowerCase() === part);
        if (here && near(i, i + asked.person.length - 1, (term) => ROLE_HEADS.has(term))) return true;
      }
      continue;
    }
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!isNamePart(tokens[i] as string) || !isNamePart(tokens[i + 1] as string)) continue;
      if (asked.role.every((role) => near(i, i + 1, (term) => term === role))) return true;
    }
  }
  return false;
}

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’&-]*/gu) ?? [];
}

/** "Lorena", "O'Brien", "Medina-Ruiz": a capital then lower case, as a first or last name is written. */
function isNamePart(word: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*$/u.test(word);
}
