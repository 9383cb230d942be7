import { stemmer } from 'stemmer';
import { BoundedMemo } from './bounded-memo.ts';
import { CAPITALIZED_KEEPWORDS, ENGLISH_STOPWORDS } from './stopwords.ts';

// Numbers keep their inner separators (3.5, 2,000); words keep inner apostrophes (don't, o'brien) so
// contractions can be recognized as stopwords before the apostrophe is dropped.
const TOKEN = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu;
// The same tokens for ASCII-only text, three times faster than the Unicode property classes.
const ASCII_TOKEN = /[0-9]+(?:[.,][0-9]+)+|[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*/g;
// Phones and chat clients type curly apostrophes; with those straightened most chatter is plain ASCII.
const CURLY_APOSTROPHES = /[\u2018\u2019]/g;
const NOT_PLAIN_ASCII = /[^ -~\t\n\r\f\v]/;
const UNSPACED_SCRIPT =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const LATIN_WORD = /^[\p{sc=Latin}\p{N}\p{M}'.]+$/u;
const THOUSANDS = /^\p{N}{1,3}(?:,\p{N}{3})+$/u;
const ASCII_WORD = /^[a-z]+$/;

// Chinese, Japanese and Thai have no spaces; ICU's dictionary segmenter finds the words. It is slow on
// long strings, so it only ever sees one unspaced run.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

// Word forms follow Zipf's law, so a memo of token → term skips most stemming work.
const memo = new BoundedMemo<string>(20_000);

/** Turns text into index terms: lowercased, stopwords dropped, English words Porter-stemmed. */
export function analyze(text: string): string[] {
  const found: string[] = [];
  forEachToken(text, (token, unicode) => {
    const term = termOf(token, unicode);
    if (term !== '') found.push(term);
  });
  return found;
}

/**
 * Calls `visit` with each raw token of the text in order, and whether it needs Unicode handling.
 * `termOf` turns a token into its term; callers that cache per token use the pair instead of `analyze`.
 */
export function forEachToken(text: string, visit: (token: string, unicode: boolean) => void): void {
  let source = text.replace(CURLY_APOSTROPHES, "'");
  const unicode = NOT_PLAIN_ASCII.test(source);
  if (unicode) source = source.normalize('NFKC');
  const tokens = unicode ? TOKEN : ASCII_TOKEN;
  tokens.lastIndex = 0;
  for (let match = tokens.exec(source); match !== null; match = tokens.exec(source)) {
    const token = match[0];
    if (unicode && UNSPACED_SCRIPT.test(token)) {
      for (const part of segmenter.segment(token)) {
        if (part.isWordLike) visit(part.segment, true);
      }
    } else if (!token.includes(',')) {
      visit(token, unicode);
    } else if (THOUSANDS.test(token)) {
      visit(token.replaceAll(',', ''), unicode);
    } else {
      for (const part of token.split(',')) if (part !== '') visit(part, unicode);
    }
  }
}

/** The index term for one token, or '' for a stopword. */
export function termOf(token: string, unicode: boolean): string {
  let term = memo.get(token);
  if (term === undefined) {
    term = toTerm(token, unicode);
    memo.set(token, term);
  }
  return term;
}

function toTerm(token: string, unicode: boolean): string {
  let term = token.toLowerCase();
  if (term.endsWith("'s")) term = term.slice(0, -2);
  if (ENGLISH_STOPWORDS.has(term) && !CAPITALIZED_KEEPWORDS.has(token)) return '';
  if (unicode && LATIN_WORD.test(term)) term = term.normalize('NFKD').replace(/\p{M}/gu, '');
  if (term.includes("'")) term = term.replaceAll("'", '');
  return ASCII_WORD.test(term) ? stemmer(term) : term;
}
