import { collectAfterReplacing } from '../../collect-garbage.ts';
import { SLOT_SHIFT } from './query-scorer.ts';
import { slotTermsFromPostings } from './slot-terms.ts';
import { TermTable } from './term-table.ts';

// Per term, four int32 fields side by side so one cache line serves a term's bookkeeping.
const START = 0;
const CAPACITY = 1;
const LENGTH = 2;
const LIVE = 3;
const FIELDS = 4;

/** A Postings' state as flat arrays, for a snapshot on disk. */
export interface PostingsParts {
  terms: string[];
  /** START, CAPACITY, LENGTH, LIVE per term, `terms.length * 4` values. */
  table: Int32Array<ArrayBuffer>;
  /** The pool up to its last used entry. */
  pool: Uint32Array<ArrayBuffer>;
  wasted: number;
  /** Term → id lookup over `terms` (see term-table.ts). */
  termTable: Int32Array<ArrayBuffer>;
}

/**
 * Term dictionary and posting lists. All lists share one Uint32Array pool: a typed array per term would
 * cost ~100 bytes of object overhead each, and most terms in chatter occur once or twice. A list that
 * outgrows its region moves to the pool's end; the pool is rewritten when moved-out regions pile up.
 * Entries are opaque numbers appended in slot order; removed slots stay in until `rewrite` drops them.
 */
export class Postings {
  private readonly ids = new Map<string, number>();
  // A loaded snapshot's terms are found here; terms added since, in `ids`.
  private loadedTerms: TermTable | undefined;
  private terms: string[] = [];
  private table = new Int32Array(1024 * FIELDS);
  private pool = new Uint32Array(1 << 16);
  private poolEnd = 0;
  private wasted = 0;
  private rewrites = 0;

  /**
   * Its state for a snapshot: every list packed back to back without slack or moved-out space (a new
   * entry after loading moves its list to the pool's end, as it would anyway).
   */
  toParts(): PostingsParts {
    const termCount = this.terms.length;
    const table = new Int32Array(termCount * FIELDS);
    let size = 0;
    for (let termId = 0; termId < termCount; termId++) size += this.table[termId * FIELDS + LENGTH] as number;
    const pool = new Uint32Array(size);
    let end = 0;
    for (let termId = 0; termId < termCount; termId++) {
      const at = termId * FIELDS;
      const start = this.table[at + START] as number;
      const length = this.table[at + LENGTH] as number;
      pool.set(this.pool.subarray(start, start + length), end);
      table[at + START] = end;
      table[at + CAPACITY] = length;
      table[at + LENGTH] = length;
      table[at + LIVE] = this.table[at + LIVE] as number;
      end += length;
    }
    const termTable = TermTable.build(this.terms).array as Int32Array<ArrayBuffer>;
    return { terms: this.terms, table, pool, wasted: 0, termTable };
  }

  /** Postings holding a snapshot's state for `slotCount` slots; takes ownership of the arrays. */
  static fromParts(parts: PostingsParts, slotCount: number): Postings {
    if (parts.table.length !== parts.terms.length * FIELDS) throw new RangeError('posting table size');
    const postings = new Postings();
    postings.terms = parts.terms;
    postings.loadedTerms = TermTable.load(parts.termTable, parts.terms);
    for (let termId = 0; termId < parts.terms.length; termId++) {
      const at = termId * FIELDS;
      const start = parts.table[at + START] as number;
      if (start + (parts.table[at + CAPACITY] as number) > parts.pool.length)
        throw new RangeError('posting list outside the pool');
      for (let entry = start; entry < start + (parts.table[at + LENGTH] as number); entry++) {
        if ((parts.pool[entry] as number) >>> SLOT_SHIFT >= slotCount)
          throw new RangeError('posting of a slot the index does not have');
      }
    }
    postings.table = parts.table.length > 0 ? parts.table : postings.table;
    postings.pool = parts.pool.length > 0 ? parts.pool : postings.pool;
    postings.poolEnd = parts.pool.length;
    postings.wasted = parts.wasted;
    return postings;
  }

  get termCount(): number {
    return this.terms.length;
  }

  /** Changes whenever term ids are renumbered (a `rewrite` with `remap`). */
  get generation(): number {
    return this.rewrites;
  }

  termId(term: string): number | undefined {
    return this.ids.get(term) ?? this.loadedTerms?.find(term);
  }

  term(termId: number): string {
    return this.terms[termId] as string;
  }

  /** Documents still indexed that contain the term. */
  documentFrequency(termId: number): number {
    return this.table[termId * FIELDS + LIVE] as number;
  }

  /** The term's entries are `pool[start]` to `pool[start + length - 1]`; only valid until the next add. */
  entries(termId: number): { pool: Uint32Array; start: number; length: number } {
    const at = termId * FIELDS;
    return {
      pool: this.pool,
      start: this.table[at + START] as number,
      length: this.table[at + LENGTH] as number,
    };
  }

  /** The term's id, creating an empty list for a new term. */
  intern(term: string): number {
    const known = this.termId(term);
    if (known !== undefined) return known;
    this.makeRoom(1);
    const termId = this.terms.length;
    if ((termId + 1) * FIELDS > this.table.length) this.table = grown(this.table, (termId + 1) * FIELDS);
    this.ids.set(term, termId);
    this.terms.push(term);
    const at = termId * FIELDS;
    this.table[at + START] = this.poolEnd++;
    this.table[at + CAPACITY] = 1;
    return termId;
  }

  /** Appends a live document's entry; entries must arrive in slot order. */
  append(termId: number, entry: number): void {
    const at = termId * FIELDS;
    if (this.table[at + LENGTH] === this.table[at + CAPACITY]) this.grow(termId);
    const length = this.table[at + LENGTH] as number;
    this.pool[(this.table[at + START] as number) + length] = entry;
    this.table[at + LENGTH] = length + 1;
    this.table[at + LIVE] = (this.table[at + LIVE] as number) + 1;
  }

  /**
   * Gives back the room a bulk build grew into (moved-out lists and the pool's last growth, about
   * half the pool at a million entries); each list keeps its own slack for the changes that follow.
   */
  trim(): void {
    this.repack(0);
  }

  /** Each slot's distinct term ids, recovered from the lists (see slot-terms.ts). */
  slotTerms(slotCount: number) {
    return slotTermsFromPostings(this.table.subarray(0, this.terms.length * FIELDS), this.pool, slotCount);
  }

  /** Called once per distinct term of a removed document. */
  release(termId: number): void {
    this.table[termId * FIELDS + LIVE] = (this.table[termId * FIELDS + LIVE] as number) - 1;
  }

  /**
   * Copies every list into a right-sized pool: each entry becomes `remap(entry)` or is dropped when that
   * is -1, and terms no live document holds are forgotten. Returns old → new term id.
   */
  rewrite(remap: (entry: number) => number): Int32Array {
    const old = this.table;
    const keptIds = this.terms.map((_, termId) => termId).filter((termId) => old[termId * FIELDS + LIVE]);
    const size = keptIds.reduce((sum, termId) => sum + withSlack(old[termId * FIELDS + LENGTH] as number), 0);
    const pool = new Uint32Array(Math.max(1 << 16, size + (size >> 2)));
    const table = new Int32Array(Math.max(1024, keptIds.length) * FIELDS);
    const termMap = new Int32Array(this.terms.length).fill(-1);
    const terms: string[] = [];
    let end = 0;
    this.ids.clear();
    this.loadedTerms = undefined;
    for (const oldId of keptIds) {
      const start = old[oldId * FIELDS + START] as number;
      let length = 0;
      for (let i = start; i < start + (old[oldId * FIELDS + LENGTH] as number); i++) {
        const entry = remap(this.pool[i] as number);
        if (entry !== -1) pool[end + length++] = entry;
      }
      const newId = terms.length;
      const at = newId * FIELDS;
      table[at + START] = end;
      table[at + CAPACITY] = withSlack(length);
      table[at + LENGTH] = length;
      table[at + LIVE] = old[oldId * FIELDS + LIVE] as number;
      end += withSlack(length);
      termMap[oldId] = newId;
      terms.push(this.terms[oldId] as string);
      this.ids.set(this.terms[oldId] as string, newId);
    }
    this.terms = terms;
    this.table = table;
    this.replacePool(pool);
    this.poolEnd = end;
    this.wasted = 0;
    // Term ids changed (a repack keeps them).
    this.rewrites++;
    return termMap;
  }

  /**
   * Drops the space moved-out lists left behind. Term ids stay as they are, and each list is one block
   * copy: this runs in the middle of index builds, where a term-by-term rebuild stalled the event
   * loop for 100-150 ms at 100k entries.
   */
  private repack(headroom = 0.25): void {
    const table = this.table;
    let size = 0;
    for (let termId = 0; termId < this.terms.length; termId++) {
      size += withSlack(table[termId * FIELDS + LENGTH] as number);
    }
    const pool = new Uint32Array(Math.max(1 << 16, size + Math.floor(size * headroom)));
    let end = 0;
    for (let termId = 0; termId < this.terms.length; termId++) {
      const at = termId * FIELDS;
      const start = table[at + START] as number;
      const length = table[at + LENGTH] as number;
      pool.set(this.pool.subarray(start, start + length), end);
      table[at + START] = end;
      table[at + CAPACITY] = withSlack(length);
      end += withSlack(length);
    }
    this.replacePool(pool);
    this.poolEnd = end;
    this.wasted = 0;
  }

  private grow(termId: number): void {
    const at = termId * FIELDS;
    this.makeRoom((this.table[at + CAPACITY] as number) * 2); // may rewrite: every list moves and gets slack
    const start = this.table[at + START] as number;
    const capacity = this.table[at + CAPACITY] as number;
    const length = this.table[at + LENGTH] as number;
    if (length < capacity) return;
    const extra = Math.max(1, capacity >> 1);
    if (start + capacity === this.poolEnd) {
      this.poolEnd += extra; // the list is last in the pool: extend it where it is
    } else {
      this.pool.copyWithin(this.poolEnd, start, start + length);
      this.table[at + START] = this.poolEnd;
      this.poolEnd += capacity + extra;
      this.wasted += capacity;
    }
    this.table[at + CAPACITY] = capacity + extra;
  }

  private makeRoom(size: number): void {
    if (this.poolEnd + size <= this.pool.length) return;
    if (this.wasted * 2 > this.poolEnd) this.repack();
    if (this.poolEnd + size > this.pool.length) this.replacePool(grown(this.pool, this.poolEnd + size));
  }

  private replacePool(pool: Uint32Array<ArrayBuffer>): void {
    const replaced = this.pool.byteLength;
    this.pool = pool;
    collectAfterReplacing(replaced);
  }
}

function withSlack(length: number): number {
  return Math.max(1, length + (length >> 3));
}

function grown<T extends Int32Array | Uint32Array>(array: T, minimum: number): T {
  const copy = new (array.constructor as new (length: number) => T)(
    Math.max(minimum, Math.ceil(array.length * 1.5)),
  );
  copy.set(array);
  return copy;
}
