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
