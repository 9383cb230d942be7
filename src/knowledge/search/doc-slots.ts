import { BUYING_STAGES, ENTRY_KINDS } from '../entry.ts';
import type { IndexedDocMeta } from './lexical-index.ts';

const RETIRED = -1;
const NO_TOPICS: readonly string[] = Object.freeze([]);

/** Kind and stage as one small number; throws for values the index cannot represent. */
export function encodeKindStage(meta: Pick<IndexedDocMeta, 'kind' | 'stage'>): number {
  const kind = ENTRY_KINDS.indexOf(meta.kind);
  const stage = meta.stage === null ? 0 : BUYING_STAGES.indexOf(meta.stage) + 1;
  if (kind < 0 || stage < 0) throw new RangeError(`unknown kind or stage: ${meta.kind}, ${meta.stage}`);
  return kind * 8 + stage;
}

/** DocSlots' columns as typed arrays and shared lists, for a snapshot on disk. */
export interface DocSlotsParts {
  ids: Float64Array;
  lengths: Float64Array;
  termStarts: Uint32Array;
  termCounts: Uint32Array;
  kindStages: Int32Array;
  createdAts: Float64Array;
  /** Every distinct topic, industry and role list; list 0 is the empty one. */
  lists: string[][];
  /** Per slot, the number of its topic, industry and role list in `lists`. */
  topics: Uint32Array;
  industries: Uint32Array;
  roles: Uint32Array;
  audiences: Array<[slot: number, audience: string]>;
}

/**
 * Per-document columns, one row ("slot") per indexed version of a document. Columns of numbers instead
 * of an object per document keep 100k entries to a few megabytes; a filter gets an object built on
 * demand. A removed or replaced document's slot is retired and reclaimed by `keep`.
 */
export class DocSlots {
  ids: number[] = [];
  /** Document length in (title-weighted) terms. */
  lengths: number[] = [];
  /** Where the slot's distinct term ids start in the index's term pool, and how many there are. */
  termStarts: number[] = [];
  termCounts: number[] = [];
  private kindStages: number[] = [];
  private createdAts: number[] = [];
  private topics: (readonly string[])[] = [];
  private industries: (readonly string[])[] = [];
  private roles: (readonly string[])[] = [];
  // Most entries share a handful of topic (industry, role) lists; one frozen copy of each is kept.
  private topicLists = new Map<string, readonly string[]>();
  // By slot, only for entries restricted to a private conversation: most have no audience.
  private audiences = new Map<number, string>();

  toParts(): DocSlotsParts {
    const numbers = new Map<readonly string[], number>([[NO_TOPICS, 0]]);
    const lists: string[][] = [[]];
    const numbered = (column: (readonly string[])[]) =>
      Uint32Array.from(column, (list) => {
        let number = numbers.get(list);
        if (number === undefined) {
          number = lists.length;
          numbers.set(list, number);
          lists.push([...list]);
        }
        return number;
      });
    return {
      ids: Float64Array.from(this.ids),
      lengths: Float64Array.from(this.lengths),
      termStarts: Uint32Array.from(this.termStarts),
      termCounts: Uint32Array.from(this.termCounts),
      kindStages: Int32Array.from(this.kindStages),
      createdAts: Float64Array.from(this.createdAts),
      lists,
      topics: numbered(this.topics),
      industries: numbered(this.industries),
      roles: numbered(this.roles),
      audiences: [...this.audiences],
    };
  }

  static fromParts(parts: DocSlotsParts): DocSlots {
    const count = parts.ids.length;
    const columns = [parts.lengths, parts.termStarts, parts.termCounts, parts.kindStages, parts.createdAts];
    if (![...columns, parts.topics, parts.industries, parts.roles].every((column) => column.length === count))
      throw new RangeError('document columns differ in length');
    const slots = new DocSlots();
    const lists = parts.lists.map((list) => slots.shared(list));
    const listOf = (number: number) => {
      const list = lists[number];
      if (list === undefined) throw new RangeError('unknown topic list');
      return list;
    };
    // Plain loops: Array.from over a typed array walks an iterator, several times slower at 100k slots.
    const column = (values: ArrayLike<number>) => {
      const out = new Array<number>(count);
      for (let slot = 0; slot < count; slot++) out[slot] = values[slot] as number;
      return out;
    };
    const listColumn = (numbers: Uint32Array) => {
      const out = new Array<readonly string[]>(count);
      for (let slot = 0; slot < count; slot++) out[slot] = listOf(numbers[slot] as number);
      return out;
    };
    slots.ids = column(parts.ids);
    slots.lengths = column(parts.lengths);
    slots.termStarts = column(parts.termStarts);
    slots.termCounts = column(parts.termCounts);
    slots.kindStages = column(parts.kindStages);
    slots.createdAts = column(parts.createdAts);
    slots.topics = listColumn(parts.topics);
    slots.industries = listColumn(parts.industries);
    slots.roles = listColumn(parts.roles);
    slots.audiences = new Map(parts.audiences);
    return slots;
  }

  get count(): number {
    return this.ids.length;
  }

  add(meta: IndexedDocMeta, kindStage: number, length: number, termStart: number, termCount: number): number {
    this.ids.push(meta.id);
    this.lengths.push(length);
    this.termStarts.push(termStart);
    this.termCounts.push(termCount);
    this.kindStages.push(kindStage);
    this.createdAts.push(meta.createdAt.getTime());
    this.topics.push(this.shared(meta.topics));
    this.industries.push(this.shared(meta.industries ?? NO_TOPICS));
    this.roles.push(this.shared(meta.roles ?? NO_TOPICS));
    const slot = this.ids.length - 1;
    if (meta.audience !== null) this.audiences.set(slot, meta.audience);
    return slot;
  }

  isLive(slot: number): boolean {
    return this.kindStages[slot] !== RETIRED;
  }

  retire(slot: number): void {
    this.kindStages[slot] = RETIRED;
    this.audiences.delete(slot);
  }

  meta(slot: number): IndexedDocMeta {
    const kindStage = this.kindStages[slot] as number;
    const stage = kindStage % 8;
    return {
      id: this.ids[slot] as number,
      kind: ENTRY_KINDS[kindStage >> 3] as IndexedDocMeta['kind'],
      stage: stage === 0 ? null : (BUYING_STAGES[stage - 1] as IndexedDocMeta['stage']),
      topics: this.topics[slot] as string[],
      industries: this.industries[slot] as string[],
      roles: this.roles[slot] as string[],
      createdAt: new Date(this.createdAts[slot] as number),
      audience: this.audiences.get(slot) ?? null,
    };
  }

  /** Sets every slot's range in the index's slot terms (recovered after a snapshot was loaded). */
  setTermRanges(termStarts: ArrayLike<number>, termCounts: ArrayLike<number>): void {
    if (termStarts.length !== this.count || termCounts.length !== this.count)
      throw new RangeError('term ranges differ in length from the slots');
    for (let slot = 0; slot < this.count; slot++) {
      this.termStarts[slot] = termStarts[slot] as number;
      this.termCounts[slot] = termCounts[slot] as number;
    }
  }

  /** Keeps only the given slots, in that order; they become slots 0..n-1. */
  keep(slots: readonly number[], termStarts: number[]): void {
    const pick = <T>(column: T[]) => slots.map((slot) => column[slot] as T);
    this.ids = pick(this.ids);
    this.lengths = pick(this.lengths);
    this.termCounts = pick(this.termCounts);
    this.kindStages = pick(this.kindStages);
    this.createdAts = pick(this.createdAts);
    this.topics = pick(this.topics);
    this.industries = pick(this.industries);
    this.roles = pick(this.roles);
    this.termStarts = termStarts;
    this.audiences = new Map(
      slots.flatMap((slot, kept) => {
        const audience = this.audiences.get(slot);
        return audience === undefined ? [] : [[kept, audience] as const];
      }),
    );
    this.topicLists = new Map(
      [...this.topics, ...this.industries, ...this.roles].map((list) => [JSON.stringify(list), list]),
    );
  }

  private shared(topics: readonly string[]): readonly string[] {
    if (topics.length === 0) return NO_TOPICS;
    const key = JSON.stringify(topics);
    let list = this.topicLists.get(key);
    if (!list) {
      list = Object.freeze([...topics]);
      this.topicLists.set(key, list);
    }
    return list;
  }
}
