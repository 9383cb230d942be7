/**
 * Term dictionary and posting lists. Each list is one Uint32Array of (slot, packed frequency) pairs
 * appended in slot order; the packed frequency keeps title and body counts apart (title << 16 | body)
 * so the title weight stays a scoring choice. Removed slots stay in the lists until `compact`.
 */
export class Postings {
  private readonly ids = new Map<string, number>();
  private terms: string[] = [];
  private lists: Uint32Array[] = [];
  private lengths: number[] = [];
  private liveCounts: number[] = [];

  get termCount(): number {
    return this.terms.length;
  }

  termId(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(termId: number): string {
    return this.terms[termId] as string;
  }

  /** Documents still indexed that contain the term. */
  documentFrequency(termId: number): number {
    return this.liveCounts[termId] as number;
  }

  /** Raw (slot, packed frequency) pairs; entries for removed slots are still present. */
  list(termId: number): { pairs: Uint32Array; length: number } {
    return { pairs: this.lists[termId] as Uint32Array, length: this.lengths[termId] as number };
  }

  add(term: string, slot: number, packedFrequency: number): number {
    let termId = this.ids.get(term);
    if (termId === undefined) {
      termId = this.terms.length;
      this.ids.set(term, termId);
      this.terms.push(term);
      this.lists.push(new Uint32Array(2));
      this.lengths.push(0);
      this.liveCounts.push(0);
    }
    const length = this.lengths[termId] as number;
    let pairs = this.lists[termId] as Uint32Array;
    if (length === pairs.length) {
      // Grow by half: lists of rare terms stay tight, and most terms are rare.
      const grown = new Uint32Array(Math.max(4, length + ((length >> 2) << 1)));
      grown.set(pairs);
      pairs = grown;
      this.lists[termId] = pairs;
    }
    pairs[length] = slot;
    pairs[length + 1] = packedFrequency;
    this.lengths[termId] = length + 2;
    this.liveCounts[termId] = (this.liveCounts[termId] as number) + 1;
    return termId;
  }

  /** Called once per distinct term of a removed document. */
  release(termId: number): void {
    this.liveCounts[termId] = (this.liveCounts[termId] as number) - 1;
  }

  /**
   * Drops pairs whose slot maps to -1, renumbers the rest and forgets terms no document holds.
   * Returns the new id of every old term id (-1 when forgotten).
   */
  compact(slotMap: Int32Array): Int32Array {
    const termMap = new Int32Array(this.terms.length).fill(-1);
    const terms: string[] = [];
    const lists: Uint32Array[] = [];
    const lengths: number[] = [];
    const liveCounts: number[] = [];
    this.ids.clear();
    for (let termId = 0; termId < this.terms.length; termId++) {
      const live = this.liveCounts[termId] as number;
      if (live === 0) continue;
      const old = this.lists[termId] as Uint32Array;
      const oldLength = this.lengths[termId] as number;
      const pairs = new Uint32Array(live * 2);
      let length = 0;
      for (let i = 0; i < oldLength; i += 2) {
        const slot = slotMap[old[i] as number] as number;
        if (slot < 0) continue;
        pairs[length] = slot;
        pairs[length + 1] = old[i + 1] as number;
        length += 2;
      }
      const term = this.terms[termId] as string;
      termMap[termId] = terms.length;
      this.ids.set(term, terms.length);
      terms.push(term);
      lists.push(pairs);
      lengths.push(length);
      liveCounts.push(live);
    }
    this.terms = terms;
    this.lists = lists;
    this.lengths = lengths;
    this.liveCounts = liveCounts;
    return termMap;
  }
}
