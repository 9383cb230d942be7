import { collectAfterReplacing } from '../../collect-garbage.ts';
import type { BuyingStage, EntryKind } from '../entry.ts';
import { analyze, detectLanguage, forEachToken, type Language, termOf } from './analyzer.ts';
import { BoundedMemo } from './bounded-memo.ts';
import { DocSlots, type DocSlotsParts, encodeKindStage } from './doc-slots.ts';
import { MAX_META_UNITS, metaTexts } from './meta-fields.ts';
import { Postings, type PostingsParts } from './postings.ts';
import {
  type ConceptMatch,
  type FieldScores,
  MAX_BODY_TF,
  MAX_TITLE_TF,
  META_SHIFT,
  QueryScorer,
  SLOT_SHIFT,
  TITLE_SHIFT,
} from './query-scorer.ts';
import { selectTop } from './select-top.ts';
import { SlotList } from './slot-list.ts';
import { type SimilarTerm, TypoVocabulary } from './typo-vocabulary.ts';
import { literalQuery, type WeightedQuery } from './weighted-query.ts';

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
  /**
   * Lower-cased industries the entry is for: its own and its source account's. Searched in the meta
   * field and kept for the industry filter.
   */
  industries?: string[];
  /** Canonical buyer roles; searched in the meta field and kept for the role filter. */
  roles?: string[];
  /** The account the entry was heard from: searched, not kept. */
  account?: string | null;
}

/** What a filter sees. The text itself is not kept: the database holds it, and it would more than double the heap. */
export type IndexedDocMeta = Omit<IndexedDoc, 'title' | 'body' | 'account'>;

export interface LexicalHit {
  id: number;
  score: number;
  /**
   * IDF-weighted share of the question's concepts the document matched, 0..1: literally, through a
   * synonym or through a typo correction (each concept's `via` and `weight` say which).
   */
  coverage: number;
  /** The question's analysed terms the document holds as such, in query order. */
  matchedTerms: string[];
  /** Every concept of the question, in query order, and how this document matched it. */
  concepts: ConceptMatch[];
  /** The score split by the field that earned it: title, body, meta (topics, account, industry, labels). */
  fields: FieldScores;
}

export interface LexicalSearchOptions {
  limit: number;
  /** Applied before `limit`, so a narrow filter still gets up to `limit` hits. */
  filter?: (doc: IndexedDocMeta) => boolean;
}

/**
 * BM25F over title, body and meta: a title occurrence counts as `titleWeight` body occurrences, a meta
 * unit (see META_UNITS: a topic, account or industry is two, a kind or stage label one) as `metaWeight`.
 */
export interface Bm25Params {
  k1: number;
  b: number;
  titleWeight: number;
  metaWeight: number;
}

/** k1, b and titleWeight tuned on SciFact's train split (bench/scifact-lexical.ts), which has no meta. */
export const DEFAULT_BM25_PARAMS: Bm25Params = { k1: 1.1, b: 0.5, titleWeight: 3, metaWeight: 1 };

// A posting is one uint32: slot << 10 | meta units (2 bits) << 8 | title frequency (3 bits) << 5 | body
// frequency (5 bits). Capping is harmless because BM25 saturates: with k1 = 1.1 a term seen 31 times
// already earns over 93% of the most any count could, even in a document three times the average length.
// 2^22 slots leave room for a million entries and the dead slots compaction has not reclaimed yet.
const SLOT_UNIT = 1 << SLOT_SHIFT;
const FIELD_BITS = SLOT_UNIT - 1;
const TITLE_UNIT = 1 << TITLE_SHIFT;
const META_UNIT = 1 << META_SHIFT;
const MAX_SLOTS = 2 ** 22;
const COMPACT_MIN_DEAD = 1024;
const TOKEN_CACHE_GENERATION = 20_000;

/** A LexicalIndex's state as flat arrays, for a snapshot on disk (see index-snapshot.ts). */
export interface LexicalIndexParts {
  params: Bm25Params;
  postings: PostingsParts;
  slots: DocSlotsParts;
  /** Absent: recovered from the posting lists when first needed (a snapshot leaves them out). */
  slotTerms?: Uint32Array<ArrayBuffer>;
  deadSlots: number;
  totalLength: number;
}

/** An in-memory BM25 index of one workspace's entries; the database stays the source of truth. */
export class LexicalIndex {
  private readonly params: Bm25Params;
  private postings = new Postings();
  private slots = new DocSlots();
  private readonly slotOf = new Map<number, number>();
  // Distinct term ids of every slot, back to back: needed to update df on removal and to explain hits.
  private slotTerms = new Uint32Array(1024);
  private slotTermsLength = 0;
  // False after loading a snapshot: slotTerms and the slots' term ranges are recovered on first need.
  private slotTermsKnown = true;
  private deadSlots = 0;
  private totalLength = 0;
  private scores = new Float64Array(0);
  private best = new Float64Array(0);
  // Slots a search scored, and those one concept scored: reused, as searches run one at a time.
  private readonly touched = new SlotList();
  private readonly conceptTouched = new SlotList();
  // Scratch for upsert, by term id: packed meta, title and body frequency, zero between documents.
  private counts = new Uint16Array(1024);
  // Per language: the same token is a different term in English and in Spanish.
  private readonly tokenIds = new Map<Language, BoundedMemo<number>>();
  // Built on the first misspelt query, then kept up to date with new terms.
  private typos: TypoVocabulary | undefined;

  constructor(params: Partial<Bm25Params> = {}) {
    this.params = { ...DEFAULT_BM25_PARAMS, ...params };
  }

  /** Its state for a snapshot: partly views of the live arrays, valid until the next change. */
  toParts(): LexicalIndexParts {
    return {
      params: { ...this.params },
      postings: this.postings.toParts(),
      slots: this.slots.toParts(),
      ...(this.slotTermsKnown ? { slotTerms: this.slotTerms.subarray(0, this.slotTermsLength) } : {}),
      deadSlots: this.deadSlots,
      totalLength: this.totalLength,
    };
  }

  /** The index a snapshot holds; throws when its parts do not fit together. */
  static fromParts(parts: LexicalIndexParts): LexicalIndex {
    const index = new LexicalIndex(parts.params);
    index.slots = DocSlots.fromParts(parts.slots);
    index.postings = Postings.fromParts(parts.postings, index.slots.count);
    const { termStarts, termCounts, ids } = index.slots;
    const { slotTerms } = parts;
    for (let slot = 0; slot < index.slots.count; slot++) {
      if (slotTerms && (termStarts[slot] as number) + (termCounts[slot] as number) > slotTerms.length)
        throw new RangeError('slot terms outside their pool');
      if (index.slots.isLive(slot)) index.slotOf.set(ids[slot] as number, slot);
    }
    if (slotTerms) {
      index.slotTerms = slotTerms.length > 0 ? slotTerms : index.slotTerms;
      index.slotTermsLength = slotTerms.length;
    } else {
      index.slotTermsKnown = false;
    }
    index.deadSlots = parts.deadSlots;
    index.totalLength = parts.totalLength;
    return index;
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

  /**
   * The newest documents the filter accepts, for a question that names only facets ("content for the
   * decide stage"): with no words left to score, recency orders them.
   */
  newest(filter: (doc: IndexedDocMeta) => boolean, limit: number): IndexedDocMeta[] {
    const found: IndexedDocMeta[] = [];
    for (const slot of this.slotOf.values()) {
      const meta = this.slots.meta(slot);
      if (filter(meta)) found.push(meta);
    }
    return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id).slice(0, limit);
  }

  /**
   * Ids of the documents that hold every word of at least one of the phrases, in any field: an entry
   * that mentions "hospitals" is about healthcare even when nobody tagged it.
   */
  idsMentioning(phrases: readonly string[]): Set<number> {
    const found = new Set<number>();
    for (const phrase of phrases) {
      let ids: Set<number> | undefined;
      for (const term of new Set(analyze(phrase, 'en'))) {
        const termId = this.postings.termId(term);
        const holding = new Set<number>();
        if (termId !== undefined) {
          const { pool, start, length } = this.postings.entries(termId);
          for (let at = start; at < start + length; at++) {
            const slot = (pool[at] as number) >>> SLOT_SHIFT;
            if (this.slots.isLive(slot)) holding.add(this.slots.ids[slot] as number);
          }
        }
        ids = ids ? new Set([...ids].filter((id) => holding.has(id))) : holding;
        if (ids.size === 0) break;
      }
      for (const id of ids ?? []) found.add(id);
    }
    return found;
  }

  /** Whether any indexed document holds the analysed term. */
  knows(term: string): boolean {
    const termId = this.postings.termId(term);
    return termId !== undefined && this.postings.documentFrequency(termId) > 0;
  }

  /** Terms of indexed documents within `maxEdits` of an analysed term, closest and commonest first. */
  similarTerms(term: string, maxEdits: number, limit: number): SimilarTerm[] {
    this.typos ??= new TypoVocabulary(this.postings);
    return this.typos.similar(term, maxEdits, limit);
  }

  /** Adds the document, or replaces the one with the same id. */
  upsert(doc: IndexedDoc): void {
    const kindStage = encodeKindStage(doc); // throws before anything changes
    if (this.retire(doc.id)) this.compactIfSparse();
    if (this.slots.count === MAX_SLOTS) this.compact();
    if (this.slots.count === MAX_SLOTS)
      throw new RangeError(`a lexical index holds at most ${MAX_SLOTS} documents`);
    const distinct: number[] = [];
    const language = detectLanguage(doc.title, doc.body);
    const titleLength = this.count(doc.title, 'title', distinct, language);
    const bodyLength = this.count(doc.body, 'body', distinct, language);
    // Meta is a handful of labels, not prose: it adds no length, so a long topic list is no penalty.
    this.countMeta(doc, distinct, language);

    const slot = this.slots.count;
    const termStart = this.slotTermsLength;
    const known = this.slotTermsKnown;
    if (known) this.reserveSlotTerms(distinct.length);
    for (const termId of distinct) {
      this.postings.append(termId, slot * SLOT_UNIT + (this.counts[termId] as number));
      this.counts[termId] = 0;
      if (known) this.slotTerms[this.slotTermsLength++] = termId;
    }
    const length = bodyLength + this.params.titleWeight * titleLength;
    this.slots.add(doc, kindStage, length, termStart, known ? distinct.length : 0);
    this.slotOf.set(doc.id, slot);
    this.totalLength += length;
  }

  remove(id: number): boolean {
    const removed = this.retire(id);
    if (removed) this.compactIfSparse();
    return removed;
  }

  /**
   * Best first; equal scores go to the lower id. A string is searched for its own analysed terms; a
   * weighted query also for synonyms and corrections of them (see query-expansion.ts).
   */
  search(query: string | WeightedQuery, options: LexicalSearchOptions): LexicalHit[] {
    if (options.limit <= 0 || this.size === 0) return [];
    const weighted = typeof query === 'string' ? literalQuery(query, (term) => this.knows(term)) : query;
    if (weighted.concepts.length === 0) return [];
    const { k1, b, titleWeight, metaWeight } = this.params;
    if (this.scores.length < this.slots.count)
      this.scores = new Float64Array(Math.ceil(this.slots.count * 1.5));
    const scorer = new QueryScorer(
      {
        postings: this.postings,
        lengths: this.slots.lengths,
        isLive: (slot) => this.slots.isLive(slot),
        documents: this.size,
        averageLength: this.totalLength / this.size || 1,
        k1,
        b,
        titleWeight,
        metaWeight,
      },
      weighted,
    );
    const scores = this.scores;
    const touched = this.touched;
    touched.clear();
    scorer.accumulate(scores, touched, () => this.scratch(), this.conceptTouched);
    const ids = this.slots.ids;
    const better = (x: number, y: number) =>
      scores[x] !== scores[y]
        ? (scores[x] as number) > (scores[y] as number)
        : (ids[x] as number) < (ids[y] as number);
    const filter = options.filter;
    try {
      const accept = (slot: number) => !filter || filter(this.slots.meta(slot));
      const top = selectTop(touched.view(), options.limit, better, accept);
      return top.map((slot) => {
        const { concepts, fields, coverage } = scorer.explain(slot);
        return {
          id: ids[slot] as number,
          score: scores[slot] as number,
          coverage,
          matchedTerms: concepts
            .filter((concept) => concept.via === 'literal')
            .map((concept) => concept.term),
          concepts,
          fields,
        };
      });
    } finally {
      // The score buffer is shared between searches; a throwing filter must not leave it dirty.
      for (let i = 0; i < touched.length; i++) scores[touched.at(i)] = 0;
    }
  }

  /** A zeroed per-slot buffer for concepts with several alternatives; left zeroed by its user. */
  private scratch(): Float64Array {
    if (this.best.length < this.slots.count) this.best = new Float64Array(Math.ceil(this.slots.count * 1.5));
    return this.best;
  }

  private retire(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.knowSlotTerms();
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
    const ids = this.tokenIdsFor(language);
    forEachToken(text, (token, unicode) => {
      const termId = this.termIdOf(token, unicode, language, ids);
      if (termId < 0) return;
      length++;
      const packed = this.packedCount(termId, distinct);
      if (field === 'title') {
        if (((packed >> TITLE_SHIFT) & MAX_TITLE_TF) < MAX_TITLE_TF)
          this.counts[termId] = packed + TITLE_UNIT;
      } else if ((packed & MAX_BODY_TF) < MAX_BODY_TF) {
        this.counts[termId] = packed + 1;
      }
    });
    return length;
  }

  /**
   * Adds the meta field's units: each part (a topic, the account…) counts a term once, whatever its form.
   * Labels, industries and roles are English whatever the entry's language (a German entry heard from a
   * "hospital research site"), so in an entry in another language they are analysed in English as well.
   */
  private countMeta(doc: IndexedDoc, distinct: number[], language: Language): void {
    for (const { text, units, english } of metaTexts(doc)) {
      const seen = new Set<number>();
      for (const analysedIn of english && language !== 'en' ? [language, 'en' as const] : [language]) {
        const ids = this.tokenIdsFor(analysedIn);
        forEachToken(text, (token, unicode) => {
          const termId = this.termIdOf(token, unicode, analysedIn, ids);
          if (termId < 0 || seen.has(termId)) return;
          seen.add(termId);
          const packed = this.packedCount(termId, distinct);
          const meta = Math.min(MAX_META_UNITS, (packed >> META_SHIFT) + units);
          this.counts[termId] = (packed & (META_UNIT - 1)) | (meta << META_SHIFT);
        });
      }
    }
  }

  /** The term's counts so far in the document being added, noting the term's first use. */
  private packedCount(termId: number, distinct: number[]): number {
    if (termId >= this.counts.length) {
      const counts = new Uint16Array(Math.ceil((termId + 1) * 1.5));
      counts.set(this.counts);
      this.counts = counts;
    }
    const packed = this.counts[termId] as number;
    if (packed === 0) distinct.push(termId);
    return packed;
  }

  private tokenIdsFor(language: Language): BoundedMemo<number> {
    let tokenIds = this.tokenIds.get(language);
    if (tokenIds === undefined) {
      tokenIds = new BoundedMemo<number>(TOKEN_CACHE_GENERATION);
      this.tokenIds.set(language, tokenIds);
    }
    return tokenIds;
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

  /** Gives back the growth room of a bulk build (a third of the typed arrays' size after a big one). */
  trim(): void {
    this.postings.trim();
    if (this.slotTermsKnown)
      this.replaceSlotTerms(this.slotTerms.slice(0, Math.max(1024, this.slotTermsLength)));
  }

  /**
   * Recovers the slot terms a snapshot left out, from the posting lists as they are now (documents
   * added since included). Takes ~0.6 s at a million entries, on the first removal or replacement
   * after a load rather than before the first answer.
   */
  private knowSlotTerms(): void {
    if (this.slotTermsKnown) return;
    const { slotTerms, termStarts, termCounts } = this.postings.slotTerms(this.slots.count);
    this.slots.setTermRanges(termStarts, termCounts);
    this.slotTerms = slotTerms.length > 0 ? slotTerms : new Uint32Array(1024);
    this.slotTermsLength = slotTerms.length;
    this.slotTermsKnown = true;
  }

  private reserveSlotTerms(extra: number): void {
    if (this.slotTermsLength + extra <= this.slotTerms.length) return;
    const grown = new Uint32Array(
      Math.max(this.slotTermsLength + extra, Math.ceil(this.slotTerms.length * 1.5)),
    );
    grown.set(this.slotTerms.subarray(0, this.slotTermsLength));
    this.replaceSlotTerms(grown);
  }

  private replaceSlotTerms(slotTerms: Uint32Array<ArrayBuffer>): void {
    const replaced = this.slotTerms.byteLength;
    this.slotTerms = slotTerms;
    collectAfterReplacing(replaced);
  }

  private compactIfSparse(): void {
    if (this.deadSlots >= COMPACT_MIN_DEAD && this.deadSlots * 4 > this.slots.count) this.compact();
  }

  /** Renumbers live slots densely so removed documents stop costing memory and scan time. */
  private compact(): void {
    this.knowSlotTerms();
    const slotMap = new Int32Array(this.slots.count).fill(-1);
    const live: number[] = [];
    for (let slot = 0; slot < this.slots.count; slot++) {
      if (!this.slots.isLive(slot)) continue;
      slotMap[slot] = live.length;
      live.push(slot);
    }
    const termMap = this.postings.rewrite((entry) => {
      const slot = slotMap[entry >>> SLOT_SHIFT] as number;
      return slot < 0 ? -1 : slot * SLOT_UNIT + (entry & FIELD_BITS);
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
