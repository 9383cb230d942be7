import { industryForms, knownIndustries } from '../industries.ts';
import { analyze } from '../search/analyzer.ts';
import { guessLanguage } from '../search/language.ts';
import { ENGLISH_STOPWORDS } from '../search/stopwords.ts';

/**
 * Words reps frame and pose questions with, beyond the stopwords: asking what is heard, from whom and
 * how things go. Misspelt ("what are we heraing from…", "Anythong on…", "how are our hospitality deaks
 * going?"), such a word is taken for a subject no entry mentions, and the answer says "nothing heard".
 */
const FRAMING_WORDS =
  `hearing heard hear saying said seeing asking asked telling told talking news latest lately recently recent
  update updates chatter intel buzz going happening coming feedback scoop status story stories anybody
  anyone anything something somebody everyone everybody deals deal accounts account prospects prospect
  customers customer companies company clients client buyers buyer folks people things thing wondering
  curious quick question please thanks know knows does doing done have there their where which would could
  should without within inside about around between else lots much many also just really actually
  stage stages phase explore exploring evaluate evaluating decide deciding demo demos content material`.split(
    /\s+/,
  );

const QUESTION_WORDS: readonly string[] = [
  ...new Set([...FRAMING_WORDS, ...[...ENGLISH_STOPWORDS].filter((word) => /^[a-z]{4,}$/.test(word))]),
];
const KNOWN = new Set(QUESTION_WORDS);
/** "whats", "doesnt": a function word typed without its apostrophe. */
const WITHOUT_APOSTROPHE = new Map(
  [...ENGLISH_STOPWORDS].filter((word) => word.includes("'")).map((word) => [word.replace("'", ''), word]),
);

/**
 * Shorter words are not mended: too many real words lie one slip away ("head" from "heard", "booth" from
 * "both"). Two letters swapped is rarely a word; a letter too many most often is.
 */
const MIN_TYPED = { dropped: 5, swapped: 4, neighbour: 5, extra: 6 };

/**
 * The question with each misspelt framing or function word, or word of an industry, mended ("heraing" →
 * "hearing", "acounts" → "accounts", "ihnsurance" → "insurance"), when no entry of the workspace holds the
 * word as typed and one such word alone is one slip away. English questions only; names (a capital inside
 * the sentence) and acronyms are left alone. `industries`: the workspace's, besides the common ones.
 */
export function mendQuestionWords(
  question: string,
  known: (word: string) => boolean,
  industries: Iterable<string> = [],
): string {
  if (guessLanguage(question).language !== 'en') return question;
  const own = [...industryWords(industries)].filter((word) => !COMMON_WORDS.includes(word));
  const words = own.length > 0 ? [...COMMON_WORDS, ...own] : COMMON_WORDS;
  return question.replace(/[\p{L}'’]+/gu, (typed, offset: number) => {
    const word = typed.toLowerCase();
    if (word.length < MIN_TYPED.swapped || KNOWN.has(word) || !/^[a-z]+$/.test(word)) return typed;
    const capital = typed[0] !== word[0];
    if (typed === typed.toUpperCase() || (capital && !startsSentence(question, offset))) return typed;
    if (known(word)) return typed;
    const mended = WITHOUT_APOSTROPHE.get(word) ?? closestWord(word, words);
    // "telecom" for "telecoms", "firm" for "firms": another form of the same word is no slip.
    if (!mended || sameTerms(word, mended)) return typed;
    return capital ? `${mended[0]?.toUpperCase()}${mended.slice(1)}` : mended;
  });
}

/** Industries named in one word ("insurance", "utilities", "telecom"), of five letters or more. */
function industryWords(industries: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const industry of industries) {
    for (const form of industryForms(industry)) {
      if (/^[a-z]+$/.test(form) && form.length >= MIN_TYPED.dropped && !KNOWN.has(form)) words.add(form);
    }
  }
  return words;
}

/** The question words and the common industries' names: what every workspace's questions are mended to. */
const COMMON_WORDS: readonly string[] = [
  ...new Set([...QUESTION_WORDS, ...industryWords(knownIndustries())]),
];

function startsSentence(text: string, offset: number): boolean {
  return /(?:^|[.!?])\s*["'(]?$/.test(text.slice(0, offset));
}

/**
 * The one question word a slip away, the likeliest slip first: a dropped letter, then swapped neighbours,
 * then a neighbouring key for the right one, then one too many. Two at the same kind of slip: none.
 */
function closestWord(word: string, words: readonly string[]): string | null {
  for (const slip of SLIPS) {
    const found = words.filter((candidate) => candidate[0] === word[0] && slip(word, candidate));
    if (found.length === 1) return found[0] as string;
    if (found.length > 1) return null;
  }
  return null;
}

const SLIPS: ReadonlyArray<(typed: string, word: string) => boolean> = [
  (typed, word) =>
    typed.length >= MIN_TYPED.dropped && word.length === typed.length + 1 && dropsOne(word, typed),
  (typed, word) => word.length === typed.length && swapsTwo(typed, word),
  (typed, word) =>
    typed.length >= MIN_TYPED.neighbour && word.length === typed.length && slipsToNeighbour(typed, word),
  (typed, word) =>
    typed.length >= MIN_TYPED.extra && typed.length === word.length + 1 && dropsOne(typed, word),
];

function sameTerms(a: string, b: string): boolean {
  return analyze(a, 'en').join(' ') === analyze(b, 'en').join(' ');
}

/** `shorter` is `longer` without one of its letters. */
function dropsOne(longer: string, shorter: string): boolean {
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  return longer.slice(i + 1) === shorter.slice(i);
}

function swapsTwo(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** One letter of `typed` hit a key next to the one `word` needs ("statis" for "status", not "coding" for "coming"). */
function slipsToNeighbour(typed: string, word: string): boolean {
  let differences = 0;
  let neighbours = true;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === word[i]) continue;
    differences++;
    neighbours &&= KEY_NEIGHBOURS.get(word[i] as string)?.includes(typed[i] as string) ?? false;
  }
  return differences === 1 && neighbours;
}

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Each letter's neighbours on a QWERTY keyboard, in its row and the rows above and below. */
const KEY_NEIGHBOURS = new Map(
  KEYBOARD.flatMap((row, r) =>
    [...row].map((letter, i) => {
      const near = [-1, 0, 1].flatMap((dr) => [...(KEYBOARD[r + dr] ?? '').slice(Math.max(0, i - 1), i + 2)]);
      return [letter, near.filter((key) => key !== letter).join('')] as const;
    }),
  ),
);
