import { FILLER_WORDS } from '../answer/framing-phrases.ts';
import { questionSubject } from '../answer/question-subject.ts';
import type { SearchFilters } from '../search/search-filters.ts';
import { ENGLISH_STOPWORDS } from '../search/stopwords.ts';
import { forEachToken } from '../search/tokenizer.ts';
import {
  ANAPHORS,
  CONTINUATION_OPENERS,
  MORE_WORDS,
  QUALIFYING_PREPOSITION,
  RECENCY_PHRASES,
} from './follow-up-words.ts';

const DAY_MS = 86_400_000;
const LEADING_QUESTION_WORDS =
  /^(?:(?:what|which|who|how|why|when|where)(?:'s|\s+is|\s+are|\s+was|\s+were|\s+do|\s+does|\s+did)?|whats|hows|is|are|do|does|did)\s+/i;
/** Enough for "ok and what about…" and a framing after it; an opener that matched nothing ends the loop. */
const MAX_OPENERS = 4;

/** What a reply in a thread becomes. */
export interface FollowUp {
  /**
   * `carried`: the reply builds on the thread's subject ("and in healthcare?"); `switched`: it names a new
   * subject in a follow-up's words ("what about Segment?"); `new`: a full question of its own.
   */
  kind: 'carried' | 'switched' | 'new';
  /** The question to answer. */
  question: string;
  /** What the thread is about after this reply, for the next one. */
  subject: string;
  filters: SearchFilters;
}

/**
 * Rewrites a reply in a thread into the question to answer, without a model, from the words it uses: a
 * reply naming no subject of its own, pointing back ("their pricing"), or qualifying ("for enterprise
 * deals") carries the thread's subject and filters; one naming something new in follow-up words ("what
 * about Segment?") switches to it; anything else is a question of its own. Null for a reply that asks
 * nothing ("thanks!").
 */
export function followUpQuestion(
  thread: { subject: string; filters: SearchFilters },
  reply: string,
  now: Date,
): FollowUp | null {
  const typed = reply
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.…]+$/u, '');
  let rest = typed;
  let continued = false;
  for (let round = 0; round < MAX_OPENERS; round++) {
    const before = rest;
    rest = stripOpeners(rest);
    if (rest !== before) continued = true;
    // The question's own framing ("what are reps saying about their pricing") goes too.
    const unframed = rest ? questionSubject(rest) : rest;
    if (unframed !== rest && unframed.length > 0) rest = unframed;
    if (rest === before) break;
  }
  const recency = recencyOf(rest);
  rest = recency.rest;
  const filters = recency.days
    ? narrowFrom(thread.filters, new Date(now.getTime() - recency.days * DAY_MS))
    : thread.filters;
  const qualifies = QUALIFYING_PREPOSITION.test(rest);
  const words = wordsOf(rest);
  const pointsBack = words.some((word) => ANAPHORS.has(word.toLowerCase()));
  const content = words.filter((word) => isContentWord(word));
  const named = content.some(isName);

  if (content.length === 0) {
    // "thanks!", "got it": nothing asked. "any more recent?", "anything else?", "and?": the same
    // subject again, perhaps narrowed in time.
    const asksAgain = recency.days !== null || words.some((word) => MORE_WORDS.has(word.toLowerCase()));
    if (!asksAgain && !/\?\s*$/.test(reply)) return null;
    return carried(thread.subject, '', filters);
  }
  if (pointsBack || qualifies) return carried(thread.subject, withoutAnaphors(rest), filters);
  if (continued && !named && content.length <= 3) {
    // "and healthcare?", "also enterprise deals?": lower-case words after a follow-up opener narrow.
    return carried(thread.subject, rest, filters);
  }
  if (continued) return { kind: 'switched', question: rest, subject: questionSubject(rest), filters: {} };
  return { kind: 'new', question: typed, subject: threadSubject(typed), filters: {} };
}

/**
 * What a question starting a thread is about, for the follow-ups after it: its subject without a
 * follow-up's opener ("what about Segment?" → "Segment").
 */
export function threadSubject(question: string): string {
  const stripped = stripOpeners(question.replace(/[\s?!.…]+$/u, ''));
  return questionSubject(stripped || question);
}

function carried(subject: string, addition: string, filters: SearchFilters): FollowUp {
  const question = addition ? `${subject} ${addition}` : subject;
  return { kind: 'carried', question, subject: question, filters };
}

function stripOpeners(text: string): string {
  let rest = text;
  for (const opener of CONTINUATION_OPENERS) rest = rest.replace(opener, '');
  return rest.replace(/^[\s,:;!-]+/, '').trim();
}

function recencyOf(text: string): { rest: string; days: number | null } {
  let days: number | null = null;
  let rest = text;
  for (const phrase of RECENCY_PHRASES) {
    rest = rest.replace(phrase.pattern, () => {
      days = days === null ? phrase.days : Math.min(days, phrase.days);
      return ' ';
    });
  }
  // "any more recent" leaves "any more": asking for more of the same, no subject.
  return { rest: rest.replace(/\s+/g, ' ').trim(), days };
}

/** A later `from` wins: "any more recent?" never widens a window the thread already narrowed. */
function narrowFrom(filters: SearchFilters, from: Date): SearchFilters {
  if (filters.from && filters.from >= from) return filters;
  return { ...filters, from };
}

function wordsOf(text: string): string[] {
  const words: string[] = [];
  forEachToken(text, (token, _unicode, joins) => {
    if (joins === 0) words.push(token);
  });
  return words;
}

/** A word that names something: not a function word, a framing word, a pointer back or "more". */
function isContentWord(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    !ENGLISH_STOPWORDS.has(lower) &&
    !FILLER_WORDS.has(lower) &&
    !ANAPHORS.has(lower) &&
    !MORE_WORDS.has(lower) &&
    /\p{L}|\p{N}/u.test(word)
  );
}

/** Written as a name: capitalized ("Segment"), all capitals ("SAP") or with digits ("G2"). */
function isName(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /\p{N}/u.test(word);
}

/** The reply's own words to add to the thread's subject: no pointers back, no question words before them. */
function withoutAnaphors(text: string): string {
  return text
    .replace(LEADING_QUESTION_WORDS, '')
    .split(/\s+/)
    .map((word) => word.replace(/'s$/i, ''))
    .filter((word) => !ANAPHORS.has(word.toLowerCase().replace(/[^\p{L}']/gu, '')))
    .join(' ')
    .trim();
}

const QUESTION_START =
  /^(?:what|which|who|whom|whose|how|why|when|where|is|are|was|were|do|does|did|can|could|would|should|will|has|have|any|anything|anyone|and|also|plus|but|same|more|only|just|in|for|at|among|across|from|with|show|tell|give|find|list)\b/i;

/**
 * Whether a reply nobody addressed to Earshot asks something: a question mark, or a question's or a
 * follow-up's first word. People also talk among themselves in a thread Earshot answered in.
 */
export function asksSomething(reply: string): boolean {
  const text = reply.trim();
  return /\?\s*$/.test(text) || QUESTION_START.test(text);
}
