import type { BuyingStage, EntryKind } from '../entry.ts';
import { analyze } from './analyzer.ts';
import { Postings } from './postings.ts';
import { selectTop } from './select-top.ts';

export interface IndexedDoc {
  id: number;
  title: string;
  body: string;
  kind: EntryKind;
  stage: BuyingStage | null;
  topics: string[];
  createdAt: Date;
}

/** What a filter sees. The text itself is not kept: the database holds it, and it would triple the heap. */
export type IndexedDocMeta = Omit<IndexedDoc, 'title' | 'body'>;

export interface LexicalHit {
  id: number;
  score: number;
  /** IDF-weighted share of the query's distinct terms found in the document, 0..1. */
  coverage: number;
  /** The query's analyzed (stemmed) terms the document contains, in query order. */
  matchedTerms: string[];
}

export interface LexicalSearchOptions {
  limit: number;
  /** Applied before `limit`, so a narrow filter still gets up to `limit` hits. */
  filter?: (doc: IndexedDocMeta) => boolean;
}

/** BM25F over title and body: a title occurrence counts as `titleWeight` body occurrences. */
export interface Bm25Params {
  k1: number;
  b: number;
  titleWeight: number;
}

/** Tuned on SciFact's train split (bench/scifact-lexical.ts). */
export const DEFAULT_BM25_PARAMS: Bm25Params = { k1: 0.9, b: 0.4, titleWeight: 1 };

const MAX_FREQUENCY = 0xffff;
const COMPACT_MIN_DEAD = 1024;

/** An in-memory BM25 index of one workspace's entries; the database stays the source of truth. */
export class LexicalIndex {
  private readonly params: Bm25Params;
  private readonly postings = new Postings();
  private readonly slotOf = new Map<number, number>();
  // Per slot; a slot is retired (meta undefined) when its document is removed or replaced.
  private metas: (IndexedDocMeta | undefined)[] = [];
  private titleLengths: number[] = [];
  private bodyLengths: number[] = [];
  private termStarts: number[] = [];
  private termCounts: number[] = [];
  // Distinct term ids of every slot, back to back: needed to update df on removal and to explain hits.
  private slotTerms = new Uint32Array(1024);
  private slotTermsLength = 0;
  private deadSlots = 0;
  private titleTotal = 0;
  private bodyTotal = 0;
  private scores = new Float64Array(0);

  constructor(params: Partial<Bm25Params> = {}) {
    this.params = { ...DEFAULT_BM25_PARAMS, ...params };
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: number): boolean {
    return this.slotOf.has(id);
  }

  /** Adds the document, or replaces the one with the same id. */
  upsert(doc: IndexedDoc): void {
    if (this.retire(doc.id)) this.compactIfSparse();
    const frequencies = new Map<string, number>();
    const titleTerms = analyze(doc.title);
    const bodyTerms = analyze(doc.body);
    for (const term of titleTerms) frequencies.set(term, addFrequency(frequencies.get(term), 1 << 16));
    for (const term of bodyTerms) frequencies.set(term, addFrequency(frequencies.get(term), 1));

    const slot = this.metas.length;
    const { title: _title, body: _body, ...meta } = doc;
    this.metas.push({ ...meta, topics: [...meta.topics] });
    this.titleLengths.push(titleTerms.length);
    this.bodyLengths.push(bodyTerms.length);
    this.termStarts.push(this.slotTermsLength);
    this.termCounts.push(frequencies.size);
    this.reserveSlotTerms(frequencies.size);
    for (const [term, packed] of frequencies) {
      this.slotTerms[this.slotTermsLength++] = this.postings.add(term, slot, packed);
    }
    this.slotOf.set(doc.id, slot);
    this.titleTotal += titleTerms.length;
    this.bodyTotal += bodyTerms.length;
  }

  remove(id: number): boolean {
    const removed = this.retire(id);
    if (removed) this.compactIfSparse();
    return removed;
  }

  /** Best first; equal scores go to the lower id. */
  search(query: string, options: LexicalSearchOptions): LexicalHit[] {
    const queryTerms = [...new Set(analyze(query))];
    if (queryTerms.length === 0 || options.limit <= 0 || this.size === 0) return [];
    const { k1, b, titleWeight } = this.params;
    const documents = this.size;
    const averageLength = (this.bodyTotal + titleWeight * this.titleTotal) / documents;
    if (this.scores.length < this.metas.length)
      this.scores = new Float64Array(Math.ceil(this.metas.length * 1.5));
    const scores = this.scores;
    const touched: number[] = [];
    const idfs = new Map<number, number>();
    let idfTotal = 0;

    for (const term of queryTerms) {
      const termId = this.postings.termId(term);
      const df = termId === undefined ? 0 : this.postings.documentFrequency(termId);
      const termIdf = idf(documents, df);
      idfTotal += termIdf;
      if (termId === undefined || df === 0) continue;
      idfs.set(termId, termIdf);
      const { pairs, length } = this.postings.list(termId);
      for (let i = 0; i < length; i += 2) {
        const slot = pairs[i] as number;
        if (this.metas[slot] === undefined) continue;
        const packed = pairs[i + 1] as number;
        const tf = (packed & MAX_FREQUENCY) + titleWeight * (packed >>> 16);
        const docLength =
          (this.bodyLengths[slot] as number) + titleWeight * (this.titleLengths[slot] as number);
        const norm = k1 * (1 - b + (b * docLength) / averageLength);
        const contribution = (termIdf * tf * (k1 + 1)) / (tf + norm);
        if (contribution === 0) continue;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = (scores[slot] as number) + contribution;
      }
    }

    const metas = this.metas;
    const better = (x: number, y: number) =>
      scores[x] !== scores[y]
        ? (scores[x] as number) > (scores[y] as number)
        : (metas[x] as IndexedDocMeta).id < (metas[y] as IndexedDocMeta).id;
    const filter = options.filter;
    try {
      const top = selectTop(
        touched,
        options.limit,
        better,
        (slot) => !filter || filter(metas[slot] as IndexedDocMeta),
      );
      return top.map((slot) => this.explain(slot, scores[slot] as number, idfs, idfTotal));
    } finally {
      // The score buffer is shared between searches; a throwing filter must not leave it dirty.
      for (const slot of touched) scores[slot] = 0;
    }
  }

  private explain(slot: number, score: number, idfs: Map<number, number>, idfTotal: number): LexicalHit {
    const start = this.termStarts[slot] as number;
    const end = start + (this.termCounts[slot] as number);
    const matched: number[] = [];
    for (let i = start; i < end; i++) {
      if (idfs.has(this.slotTerms[i] as number)) matched.push(this.slotTerms[i] as number);
    }
    const order = [...idfs.keys()];
    matched.sort((x, y) => order.indexOf(x) - order.indexOf(y));
    const matchedIdf = matched.reduce((sum, termId) => sum + (idfs.get(termId) as number), 0);
    return {
      id: (this.metas[slot] as IndexedDocMeta).id,
      score,
      coverage: Math.min(1, matchedIdf / idfTotal),
      matchedTerms: matched.map((termId) => this.postings.term(termId)),
    };
  }

  private retire(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const start = this.termStarts[slot] as number;
    const end = start + (this.termCounts[slot] as number);
    for (let i = start; i < end; i++) this.postings.release(this.slotTerms[i] as number);
    this.metas[slot] = undefined;
    this.titleTotal -= this.titleLengths[slot] as number;
    this.bodyTotal -= this.bodyLengths[slot] as number;
    this.slotOf.delete(id);
    this.deadSlots++;
    return true;
  }

  private reserveSlotTerms(extra: number): void {
    if (this.slotTermsLength + extra <= this.slotTerms.length) return;
    const grown = new Uint32Array(
      Math.max(this.slotTermsLength + extra, Math.ceil(this.slotTerms.length * 1.5)),
    );
    grown.set(this.slotTerms.subarray(0, this.slotTermsLength));
    this.slotTerms = grown;
  }

  private compactIfSparse(): void {
    if (this.deadSlots >= COMPACT_MIN_DEAD && this.deadSlots * 4 > this.metas.length) this.compact();
  }

  /** Renumbers live slots densely so removed documents stop costing memory and scan time. */
  private compact(): void {
    const slotMap = new Int32Array(this.metas.length).fill(-1);
    const live: number[] = [];
    this.metas.forEach((meta, slot) => {
      if (meta === undefined) return;
      slotMap[slot] = live.length;
      live.push(slot);
    });
    const termMap = this.postings.compact(slotMap);
    const slotTerms = new Uint32Array(Math.max(1024, this.slotTermsLength));
    let length = 0;
    const starts: number[] = [];
    for (const slot of live) {
      const start = this.termStarts[slot] as number;
      starts.push(length);
      for (let i = start; i < start + (this.termCounts[slot] as number); i++) {
        slotTerms[length++] = termMap[this.slotTerms[i] as number] as number;
      }
    }
    this.metas = live.map((slot) => this.metas[slot]);
    this.titleLengths = live.map((slot) => this.titleLengths[slot] as number);
    this.bodyLengths = live.map((slot) => this.bodyLengths[slot] as number);
    this.termCounts = live.map((slot) => this.termCounts[slot] as number);
    this.termStarts = starts;
    this.slotTerms = slotTerms;
    this.slotTermsLength = length;
    for (const [id, slot] of this.slotOf) this.slotOf.set(id, slotMap[slot] as number);
    this.deadSlots = 0;
  }
}

/** Lucene's BM25 IDF: always positive, so a term present in every document still counts a little. */
function idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

function addFrequency(packed: number | undefined, unit: number): number {
  const current = packed ?? 0;
  const field = unit === 1 ? current & MAX_FREQUENCY : current >>> 16;
  return field === MAX_FREQUENCY ? current : current + unit;
}
