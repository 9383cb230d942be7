import { analyze, detectLanguage, type Language } from '../search/analyzer.ts';
import { type AskedFor, askedFor } from './asked-for.ts';
import { bodyUnits } from './entry-units.ts';
import { sentenceHolds, sentenceTerms } from './sentence-terms.ts';
import type { ReadingUnit } from './sentences.ts';

/** Longer quotes stop reading as an answer in a chat message. */
export const MAX_EXCERPT = 280;
/** Holding the asked-for number or name is worth this share of the question's terms. */
const ASKED_FOR_WEIGHT = 0.6;
/**
 * A second sentence is quoted when it holds the asked-for fact the best one lacks, or adds this share of
 * the question's terms (half as much when the best sentence is short).
 */
const PAIR_TERM_GAIN = 0.3;
const SHORT_SENTENCE = 80;
/** A best sentence this short is quoted with the sentence that follows it. */
const TOO_SHORT = 40;

export interface ExcerptOptions {
  /** The question as asked, which says what kind of fact to prefer (a number, a name). */
  question?: string;
  /** Weight of each analyzed query term, rarer terms weighing more; equal weights when omitted. */
  weights?: ReadonlyMap<string, number>;
  maxLength?: number;
}

interface Scored {
  text: string;
  score: number;
  termScore: number;
  fact: number;
  /** The sentence's distinct terms, as its language analyses them. */
  terms: readonly string[];
}

/**
 * The whole sentence of `body` that best answers the query: sharing its rarest terms and holding the
 * number, duration or name the question asks for; two adjacent sentences when one alone leaves that
 * out. Long sentences are shortened only at clause boundaries, with an ellipsis.
 */
export function excerpt(body: string, query: string, options: ExcerptOptions = {}): string {
  const maxLength = options.maxLength ?? MAX_EXCERPT;
  // The body's language, found once: detecting it per sentence was most of the cost of an answer.
  const { language, units } = bodyUnits(body);
  const scoreIn = sentenceScorer(query, options);
  const scorer: Scorer = (text) => scoreIn(text, language);
  if (units.length === 0) return shorten(body.replace(/\s+/g, ' ').trim(), scorer, maxLength);
  const singles = units.map((unit, index) => ({ ...scorer(unit.text), text: unit.text, index }));
  const best = bestOf(singles.filter((candidate) => candidate.termScore > 0));
  if (!best) {
    // Nothing shares a term (a hit found by meaning alone): the asked-for fact, else the lead.
    const fact = singles.find((candidate) => candidate.score > 0);
    return shorten((fact ?? singles[0])?.text ?? '', scorer, maxLength);
  }
  const pair = bestOf(pairs(units, best.index, maxLength).map((text) => ({ ...scorer(text), text })));
  if (pair && addsToBest(pair, best)) return shorten(pair.text, scorer, maxLength);
  // A very short sentence ("For SSO objections, skip the slide.") reads better with the one after it.
  const after = units[best.index + 1];
  const unit = units[best.index] as ReadingUnit;
  const followed = `${best.text} ${after?.text}`;
  if (best.text.length < TOO_SHORT && unit.joinsNext && after && followed.length <= maxLength)
    return followed;
  return shorten(best.text, scorer, maxLength);
}

function addsToBest(pair: Scored, best: Scored): boolean {
  if (pair.fact === 1 && best.fact < 1) return true;
  const termGain = pair.termScore - best.termScore;
  return termGain >= (best.text.length < SHORT_SENTENCE ? PAIR_TERM_GAIN / 2 : PAIR_TERM_GAIN);
}

type Scorer = (text: string, language?: Language) => Omit<Scored, 'text'>;

/** Scores a text by the weighted share of the question's terms it holds, plus the asked-for fact. */
export function sentenceScorer(query: string, options: Pick<ExcerptOptions, 'question' | 'weights'>): Scorer {
  const terms = [...new Set(analyze(query))];
  const raw = terms.map((term) => options.weights?.get(term) ?? (options.weights ? 0 : 1));
  const total = raw.reduce((sum, weight) => sum + weight, 0) || 1;
  const weightOf = new Map(terms.map((term, i) => [term, (raw[i] as number) / total]));
  const kinds: AskedFor[] = options.question ? askedFor(options.question) : [];
  // `language`: the text's, when the caller knows it (detected otherwise).
  return (text, language = detectLanguage(text)) => {
    const found = sentenceTerms(text, language);
    let termScore = 0;
    for (const [term, weight] of weightOf) if (found.includes(term)) termScore += weight;
    const fact = sentenceHolds(text, language, kinds);
    return { termScore, fact, score: termScore + ASKED_FOR_WEIGHT * fact, terms: found };
  };
}

/** The two-sentence quotes that include the unit at `index`, within the length limit. */
function pairs(units: readonly ReadingUnit[], index: number, maxLength: number): string[] {
  const found: string[] = [];
  const before = units[index - 1];
  const unit = units[index] as ReadingUnit;
  const after = units[index + 1];
  if (before?.joinsNext) found.push(`${before.text} ${unit.text}`);
  if (unit.joinsNext && after) found.push(`${unit.text} ${after.text}`);
  return found.filter((text) => text.length <= maxLength);
}

/** Highest score; the earlier on ties. */
function bestOf<T extends Scored>(candidates: T[]): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates) if (!best || candidate.score > best.score) best = candidate;
  return best;
}

/**
 * A text within `maxLength`: the run of whole clauses that scores best, with an ellipsis where clauses
 * were left out. A single clause longer than the limit is cut at a word, the last resort.
 */
function shorten(text: string, scorer: Scorer, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const clauses = text.split(/(?<=[,;:]|\s[—–-])\s+/);
  let best: { start: number; end: number; score: number } | undefined;
  for (let start = 0; start < clauses.length; start++) {
    let length = start > 0 ? 1 : 0;
    for (let end = start; end < clauses.length; end++) {
      length += (clauses[end] as string).length + (end > start ? 1 : 0);
      if (length + (end < clauses.length - 1 ? 1 : 0) > maxLength) break;
      const score = scorer(clauses.slice(start, end + 1).join(' ')).score;
      if (!best || score > best.score || (score === best.score && end - start > best.end - best.start)) {
        best = { start, end, score };
      }
    }
  }
  if (!best) return cutAtWord(text, maxLength);
  const kept = clauses
    .slice(best.start, best.end + 1)
    .join(' ')
    .replace(/[,;:\s—–-]+$/, '');
  return `${best.start > 0 ? '…' : ''}${kept}${best.end < clauses.length - 1 ? '…' : ''}`;
}

function cutAtWord(text: string, maxLength: number): string {
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[,;:\s—–-]+$/, '')}…`;
}
