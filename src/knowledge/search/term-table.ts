const EMPTY = -1;

/** FNV-1a over UTF-16 code units. Saved tables depend on it: changing it needs a new snapshot format. */
function termHash(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * A term → term id hash table in one Int32Array (open addressing), saved with an index snapshot: a
 * loaded index looks terms up in it instead of first filling a Map with every term (~100 ms at 100k
 * entries, before the first question could be answered).
 */
export class TermTable {
  private constructor(
    private readonly slots: Int32Array,
    private readonly terms: readonly string[],
  ) {}

  /** A table of `terms` (their ids are their positions), half full at most. */
  static build(terms: readonly string[]): TermTable {
    let size = 1024;
    while (size < terms.length * 2) size *= 2;
    const slots = new Int32Array(size).fill(EMPTY);
    const mask = size - 1;
    for (let termId = 0; termId < terms.length; termId++) {
      let at = termHash(terms[termId] as string) & mask;
      while (slots[at] !== EMPTY) at = (at + 1) & mask;
      slots[at] = termId;
    }
    return new TermTable(slots, terms);
  }

  /** A saved table over the same terms; throws when it cannot be one. */
  static load(slots: Int32Array, terms: readonly string[]): TermTable {
    if (slots.length < terms.length || (slots.length & (slots.length - 1)) !== 0)
      throw new RangeError('term table size');
    return new TermTable(slots, terms);
  }

  get array(): Int32Array {
    return this.slots;
  }

  find(term: string): number | undefined {
    const mask = this.slots.length - 1;
    let at = termHash(term) & mask;
    for (let probes = 0; probes < this.slots.length; probes++, at = (at + 1) & mask) {
      const termId = this.slots[at] as number;
      if (termId === EMPTY) return undefined;
      if (this.terms[termId] === term) return termId;
    }
    return undefined;
  }
}
