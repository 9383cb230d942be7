/** A vocabulary term close to a misspelt one. */
export interface SimilarTerm {
  term: string;
  distance: number;
  /** Documents holding it. */
  df: number;
}

/** What the typo index reads from the index's term dictionary. */
export interface TermSource {
  readonly termCount: number;
  /** Bumped whenever term ids are renumbered. */
  readonly generation: number;
  term(termId: number): string;
  documentFrequency(termId: number): number;
}

const LONGEST = 32;

/**
 * Finds vocabulary terms within a small edit distance of a word the index does not know, the way
 * MiniSearch's fuzzy option does, for a vocabulary of a few hundred thousand terms. Terms are kept in
 * buckets by length, each with a bitmask of the letters it uses; a candidate is compared only when its
 * length is within reach and its letters differ in at most two per edit allowed, so most of a bucket is
 * skipped on one XOR and a popcount. Buckets grow as terms are added and are rebuilt after a renumbering.
 */
export class TypoVocabulary {
  private buckets: number[][] = [];
  private masks = new Uint32Array(1024);
  private indexed = 0;
  private generation = -1;
  private readonly previous = new Uint8Array(LONGEST + 2);
  private readonly current = new Uint8Array(LONGEST + 2);
  private readonly beforePrevious = new Uint8Array(LONGEST + 2);

  constructor(private readonly source: TermSource) {}

  /**
   * Live terms within `maxEdits` (Damerau: a swap of neighbours is one edit), closest and commonest first.
   * Only terms with the word's first letter: people seldom mistype a word's first letter, and a first
   * letter changed is most often another word ("gartner" is not "partner").
   */
  similar(word: string, maxEdits: number, limit: number): SimilarTerm[] {
    this.catchUp();
    if (word.length > LONGEST) return [];
    const first = word.charCodeAt(0);
    const mask = letterMask(word);
    const found: SimilarTerm[] = [];
    const shortest = Math.max(1, word.length - maxEdits);
    const longest = Math.min(LONGEST, word.length + maxEdits);
    for (let length = shortest; length <= longest; length++) {
      for (const termId of this.buckets[length] ?? []) {
        if (popcount((this.masks[termId] as number) ^ mask) > 2 * maxEdits) continue;
        const df = this.source.documentFrequency(termId);
        if (df === 0) continue;
        const term = this.source.term(termId);
        if (term.charCodeAt(0) !== first) continue;
        const distance = this.distance(word, term, maxEdits);
        if (distance <= maxEdits && term !== word) found.push({ term, distance, df });
      }
    }
    found.sort((a, b) => a.distance - b.distance || b.df - a.df || (a.term < b.term ? -1 : 1));
    return found.slice(0, limit);
  }

  private catchUp(): void {
    if (this.generation !== this.source.generation) {
      this.generation = this.source.generation;
      this.buckets = [];
      this.indexed = 0;
    }
    const count = this.source.termCount;
    if (this.masks.length < count) {
      const masks = new Uint32Array(Math.ceil(count * 1.5));
      masks.set(this.masks.subarray(0, this.indexed));
      this.masks = masks;
    }
    for (let termId = this.indexed; termId < count; termId++) {
      const term = this.source.term(termId);
      if (term.length > LONGEST || !/^\p{L}+$/u.test(term)) continue;
      this.masks[termId] = letterMask(term);
      let bucket = this.buckets[term.length];
      if (!bucket) {
        bucket = [];
        this.buckets[term.length] = bucket;
      }
      bucket.push(termId);
    }
    this.indexed = count;
  }

  /**
   * Optimal string alignment distance, or `max + 1` as soon as it must exceed `max`. Only the band of
   * cells within `max` of the diagonal can stay within `max`, so only those are computed.
   */
  private distance(a: string, b: string, max: number): number {
    const n = a.length;
    const m = b.length;
    if (Math.abs(n - m) > max) return max + 1;
    const over = max + 1;
    let beforePrevious = this.beforePrevious;
    let previous = this.previous;
    let current = this.current;
    for (let j = 0; j <= m; j++) previous[j] = j <= max ? j : over;
    let previousMin = 0;
    for (let i = 1; i <= n; i++) {
      const from = Math.max(1, i - max);
      const to = Math.min(m, i + max);
      current[0] = i <= max ? i : over;
      if (from > 1) current[from - 1] = over;
      let rowMin = over;
      const ca = a.charCodeAt(i - 1);
      for (let j = from; j <= to; j++) {
        const cb = b.charCodeAt(j - 1);
        let value = (previous[j - 1] as number) + (ca === cb ? 0 : 1);
        const up = (previous[j] as number) + 1;
        if (up < value) value = up;
        const left = (current[j - 1] as number) + 1;
        if (left < value) value = left;
        if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
          const swap = (beforePrevious[j - 2] as number) + 1;
          if (swap < value) value = swap;
        }
        current[j] = value > over ? over : value;
        if (value < rowMin) rowMin = value;
      }
      if (to < m) current[to + 1] = over;
      // A swap reaches back two rows, so two rows past the limit are needed to give up.
      if (rowMin > max && previousMin > max) return over;
      previousMin = rowMin;
      [beforePrevious, previous, current] = [previous, current, beforePrevious];
    }
    const result = previous[m] as number;
    return result > max ? over : result;
  }
}

/** One bit per letter a–z; any other character sets one of the top bits. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    mask |= code >= 97 && code <= 122 ? 1 << (code - 97) : 1 << (26 + (code % 6));
  }
  return mask >>> 0;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
