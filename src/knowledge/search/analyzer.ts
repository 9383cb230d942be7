import { stemmer } from 'stemmer';
import { CAPITALIZED_KEEPWORDS, ENGLISH_STOPWORDS } from './stopwords.ts';

// Numbers keep their inner separators (3.5, 2,000); words keep inner apostrophes (don't, o'brien) so
// contractions can be recognized as stopwords before the apostrophe is dropped.
const TOKEN = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const UNSPACED_SCRIPT =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const LATIN_WORD = /^[\p{sc=Latin}\p{N}\p{M}'.]+$/u;
const THOUSANDS = /^\p{N}{1,3}(?:,\p{N}{3})+$/u;
const ASCII_WORD = /^[a-z]+$/;

// Chinese, Japanese and Thai have no spaces; ICU's dictionary segmenter finds the words. It is slow on
// long strings, so it only ever sees one unspaced run.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

// Word forms follow Zipf's law, so a small memo of token → term skips most stemming work. Cleared
// when full rather than LRU-managed: cheap, and bounded.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, string>();

/** Turns text into index terms: lowercased, stopwords dropped, English words Porter-stemmed. */
export function analyze(text: string): string[] {
  const unicode = NON_ASCII.test(text);
  const source = unicode ? text.normalize('NFKC') : text;
  const terms: string[] = [];
  for (const match of source.matchAll(TOKEN)) {
    const token = match[0];
    if (unicode && UNSPACED_SCRIPT.test(token)) {
      for (const part of segmenter.segment(token)) {
        if (part.isWordLike) terms.push(part.segment.toLowerCase());
      }
      continue;
    }
    if (token.includes(',') && !THOUSANDS.test(token)) {
      for (const part of token.split(',')) pushTerm(terms, part, unicode);
      continue;
    }
    pushTerm(terms, token.replaceAll(',', ''), unicode);
  }
  return terms;
}

function pushTerm(terms: string[], token: string, unicode: boolean): void {
  let term = memo.get(token);
  if (term === undefined) {
    term = toTerm(token, unicode);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(token, term);
  }
  if (term !== '') terms.push(term);
}

/** The index term for one token, or '' for a stopword. */
function toTerm(token: string, unicode: boolean): string {
  let term = token.toLowerCase();
  if (unicode) term = term.replaceAll('\u2019', "'");
  if (term.endsWith("'s")) term = term.slice(0, -2);
  if (ENGLISH_STOPWORDS.has(term) && !CAPITALIZED_KEEPWORDS.has(token)) return '';
  if (unicode && LATIN_WORD.test(term)) term = term.normalize('NFKD').replace(/\p{M}/gu, '');
  if (term.includes("'")) term = term.replaceAll("'", '');
  return ASCII_WORD.test(term) ? stemmer(term) : term;
}
