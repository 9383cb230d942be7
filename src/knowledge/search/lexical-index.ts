import type { BuyingStage, EntryKind } from '../entry.ts';
import { analyzeQuery, detectLanguage, forEachToken, type Language, termOf } from './analyzer.ts';
import { BoundedMemo } from './bounded-memo.ts';
import { DocSlots, encodeKindStage } from './doc-slots.ts';
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
  /** Null: the whole workspace may see it; otherwise only requests made in this private conversation. */
  audience: string | null;
}

/** What a filter sees. The text itself is not kept: the database holds it, and it would more than double the heap. */
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
export const DEFAULT_BM25_PARAMS: Bm25Params = { k1: 1.1, b: 0.5, titleWeight: 3 };

// A posting is one uint32: slot << 8 | title frequency (3 bits) << 5 | body frequency (5 bits).
// Capping is harmless because BM25 saturates: with k1 = 1.1 a term seen 31 times already earns over 93% of
// the most any count could, even in a document three times the average length.
const SLOT_UNIT = 256;
const MAX_BODY_TF = 31;
const MAX_TITLE_TF = 7;
const MAX_SLOTS = 2 ** 24;
const COMPACT_MIN_DEAD = 1024;
const TOKEN_CACHE_GENERATION = 20_000;

/** An in-memory BM25 index of one workspace's entries; the database stays the source of truth. */
export class LexicalIndex {
  private readonly params: Bm25Params;
  private postings = new Postings();
  private slots = new DocSlots();
  private readonly slotOf = new Map<number, number>();
  // Distinct term ids of every slot, back to back: needed to update df on removal and to explain hits.
  private slotTerms = new Uint32Array(1024);
  private slotTermsLength = 0;
  private deadSlots = 0;
  private totalLength = 0;
  private scores = new Float64Array(0);
  // Scratch for upsert, by term id: packed title and body frequency, zero between documents.
  private counts = new Uint8Array(1024);
  // Per language: the same token is a different term in English and in Spanish.
  private readonly tokenIds = new Map<Language, BoundedMemo<number>>();

  constructor(params: Partial<Bm25Params> = {}) {
    this.params = { ...DEFAULT_BM25_PARAMS, ...params };
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: number): boolean {
    return this.slotOf.has(id);
  }

  /** Filter metadata of an indexed document; throws when the id is not indexed. */
  meta(id: number): IndexedDocMeta {
    const slot = this.slotOf.get(id);
    if (slot === undefined) throw new RangeError(`document ${id} is not in the index`);
    return this.slots.meta(slot);
  }

  /** Adds the document, or replaces the one with the same id. */
  upsert(doc: IndexedDoc): void {
    const kindStage = encodeKindStage(doc); // throws before anything changes
    if (this.retire(doc.id)) this.compactIfSparse();
    if (this.slots.count === MAX_SLOTS) this.compact();
    if (this.slots.count === MAX_SLOTS)
      throw new RangeError(`a lexical index holds at most ${MAX_SLOTS} documents`);
    const distinct: number[] = [];
    const language = process.env.NODETECT ? 'en' : detectLanguage(doc.title, doc.body);
    const titleLength = this.count(doc.title, 'title', distinct, language);
    const bodyLength = this.count(doc.body, 'body', distinct, language);

    const slot = this.slots.count;
    const termStart = this.slotTermsLength;
    this.reserveSlotTerms(distinct.length);
    for (const termId of distinct) {
      this.postings.append(termId, slot * SLOT_UNIT + (this.counts[termId] as number));
      this.counts[termId] = 0;
      this.slotTerms[this.slotTermsLength++] = termId;
    }
    const length = bodyLength + this.params.titleWeight * titleLength;
    this.slots.add(doc, kindStage, length, termStart, distinct.length);
    this.slotOf.set(doc.id, slot);
    this.totalLength += length;
  }

  remove(id: number): boolean {
    const removed = this.retire(id);
    if (removed) this.compactIfSparse();
    return removed;
  }

  /** Best first; equal scores go to the lower id. */
  search(query: string, options: LexicalSearchOptions): LexicalHit[] {
    const queryTerms = analyzeQuery(query, (term) => {
      const termId = this.postings.termId(term);
      return termId !== undefined && this.postings.documentFrequency(termId) > 0;
    });
    if (queryTerms.length === 0 || options.limit <= 0 || this.size === 0) return [];
    const { k1, b, titleWeight } = this.params;
    const documents = this.size;
    const averageLength = this.totalLength / documents || 1;
    if (this.scores.length < this.slots.count)
      this.scores = new Float64Array(Math.ceil(this.slots.count * 1.5));
    const scores = this.scores;
    const { lengths } = this.slots;
    const touched: number[] = [];
    const idfs = new Map<number, number>();
    let idfTotal = 0;

    for (const term of queryTerms) {
      const termId = this.postings.termId(term);
      const df = termId === undefined ? 0 : this.postings.documentFrequency(termId);
      // Terms no document holds still count toward coverage: the question asked about them.
      const termIdf = idf(documents, df);
      idfTotal += termIdf;
      if (termId === undefined || df === 0) continue;
      idfs.set(termId, termIdf);
      const { pool, start, length } = this.postings.entries(termId);
      for (let i = start; i < start + length; i++) {
        const entry = pool[i] as number;
        const slot = entry >>> 8;
        if (!this.slots.isLive(slot)) continue;
        const tf = (entry & MAX_BODY_TF) + titleWeight * ((entry >> 5) & MAX_TITLE_TF);
        if (tf === 0) continue;
        const norm = k1 * (1 - b + (b * (lengths[slot] as number)) / averageLength);
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = (scores[slot] as number) + (termIdf * tf * (k1 + 1)) / (tf + norm);
      }
    }

    const ids = this.slots.ids;
    const better = (x: number, y: number) =>
      scores[x] !== scores[y]
        ? (scores[x] as number) > (scores[y] as number)
        : (ids[x] as number) < (ids[y] as number);
    const filter = options.filter;
    try {
      const accept = (slot: number) => !filter || filter(this.slots.meta(slot));
      const top = selectTop(touched, options.limit, better, accept);
      return top.map((slot) => this.explain(slot, scores[slot] as number, idfs, idfTotal));
    } finally {
      // The score buffer is shared between searches; a throwing filter must not leave it dirty.
      for (const slot of touched) scores[slot] = 0;
    }
  }

  private explain(slot: number, score: number, idfs: Map<number, number>, idfTotal: number): LexicalHit {
    const start = this.slots.termStarts[slot] as number;
    const end = start + (this.slots.termCounts[slot] as number);
    const matched = new Set<number>();
    for (let i = start; i < end; i++) {
      if (idfs.has(this.slotTerms[i] as number)) matched.add(this.slotTerms[i] as number);
    }
    const inQueryOrder = [...idfs.keys()].filter((termId) => matched.has(termId));
    const matchedIdf = inQueryOrder.reduce((sum, termId) => sum + (idfs.get(termId) as number), 0);
    return {
      id: this.slots.ids[slot] as number,
      score,
      coverage: Math.min(1, matchedIdf / idfTotal),
      matchedTerms: inQueryOrder.map((termId) => this.postings.term(termId)),
    };
  }

  private retire(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const start = this.slots.termStarts[slot] as number;
    const end = start + (this.slots.termCounts[slot] as number);
    for (let i = start; i < end; i++) this.postings.release(this.slotTerms[i] as number);
    this.slots.retire(slot);
    this.totalLength -= this.slots.lengths[slot] as number;
    this.slotOf.delete(id);
    this.deadSlots++;
    return true;
  }

  /** Adds the text's term frequencies to `counts`, noting each term's first use; returns the term count. */
  private count(text: string, field: 'title' | 'body', distinct: number[], language: Language): number {
    let length = 0;
    let tokenIds = this.tokenIds.get(language);
    if (tokenIds === undefined) {
      tokenIds = new BoundedMemo<number>(TOKEN_CACHE_GENERATION);
      this.tokenIds.set(language, tokenIds);
    }
    const ids = tokenIds;
    forEachToken(text, (token, unicode) => {
      const termId = this.termIdOf(token, unicode, language, ids);
      if (termId < 0) return;
      length++;
      if (termId >= this.counts.length) {
        const counts = new Uint8Array(Math.ceil((termId + 1) * 1.5));
        counts.set(this.counts);
        this.counts = counts;
      }
      const packed = this.counts[termId] as number;
      if (packed === 0) distinct.push(termId);
      if (field === 'title') {
        if (packed >> 5 < MAX_TITLE_TF) this.counts[termId] = packed + 32;
      } else if ((packed & MAX_BODY_TF) < MAX_BODY_TF) {
        this.counts[termId] = packed + 1;
      }
    });
    return length;
  }

  /** Term id of a raw token in the entry's language, -1 for a stopword. Cached per token: one lookup instead of analyze + intern. */
  private termIdOf(
    token: string,
    unicode: boolean,
    language: Language,
    tokenIds: BoundedMemo<number>,
  ): number {
    let termId = tokenIds.get(token);
    if (termId === undefined) {
      const term = termOf(token, unicode, language);
      termId = term === '' ? -1 : this.postings.intern(term);
      tokenIds.set(token, termId);
    }
    return termId;
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
    if (this.deadSlots >= COMPACT_MIN_DEAD && this.deadSlots * 4 > this.slots.count) this.compact();
  }

  /** Renumbers live slots densely so removed documents stop costing memory and scan time. */
  private compact(): void {
    const slotMap = new Int32Array(this.slots.count).fill(-1);
    const live: number[] = [];
    for (let slot = 0; slot < this.slots.count; slot++) {
      if (!this.slots.isLive(slot)) continue;
      slotMap[slot] = live.length;
      live.push(slot);
    }
    const termMap = this.postings.rewrite((entry) => {
      const slot = slotMap[entry >>> 8] as number;
      return slot < 0 ? -1 : slot * SLOT_UNIT + (entry & 0xff);
    });
    const slotTerms = new Uint32Array(Math.max(1024, Math.ceil(this.slotTermsLength * 1.1)));
    let length = 0;
    const termStarts = live.map((slot) => {
      const start = this.slots.termStarts[slot] as number;
      const end = start + (this.slots.termCounts[slot] as number);
      const newStart = length;
      for (let i = start; i < end; i++) slotTerms[length++] = termMap[this.slotTerms[i] as number] as number;
      return newStart;
    });
    this.slots.keep(live, termStarts);
    this.tokenIds.clear(); // term ids changed
    this.slotTerms = slotTerms;
    this.slotTermsLength = length;
    for (const [id, slot] of this.slotOf) this.slotOf.set(id, slotMap[slot] as number);
    this.totalLength = this.slots.lengths.reduce((sum, docLength) => sum + docLength, 0);
    this.deadSlots = 0;
  }
}

/** Lucene's BM25 IDF: always positive, so a term present in every document still counts a little. */
function idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}
