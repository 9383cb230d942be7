import { MAX_META_UNITS } from './meta-fields.ts';
import type { Postings } from './postings.ts';
import type { SlotList } from './slot-list.ts';
import type { MatchVia, WeightedQuery } from './weighted-query.ts';

// The posting layout (see lexical-index.ts): slot << 10 | meta units << 8 | title tf << 5 | body tf.
export const SLOT_SHIFT = 10;
export const TITLE_SHIFT = 5;
export const META_SHIFT = 8;
export const MAX_BODY_TF = 31;
export const MAX_TITLE_TF = 7;

export type FieldName = 'title' | 'body' | 'meta';

/** A score split by the field that earned it. */
export interface FieldScores {
  title: number;
  body: number;
  meta: number;
}

/** How one document matched one concept of the question. */
export interface ConceptMatch {
  /** The question's own analysed term. */
  term: string;
  /** The concept's rarity: of the question's word, or, when no entry has that word, of what stands for it. */
  idf: number;
  /** The same rarity as it weighs in the question's coverage, smoothed for small knowledge bases (`weighingIdf`). */
  weightIdf: number;
  /** `literal` when the document holds the question's own word; null when nothing matched the concept. */
  via: MatchVia | null;
  /** The analysed term(s) that matched: the question's word, a synonym (maybe a phrase) or a correction. */
  matchedBy: string[];
  /** The weight of that match: 1 literal, less for a synonym or a typo correction, 0 when unmatched. */
  weight: number;
  /** The fields the match was found in. */
  fields: FieldName[];
  /** What the concept added to the document's score. */
  score: number;
}

/** The scoring parameters and per-document lengths a search needs. */
export interface ScoringContext {
  postings: Postings;
  lengths: ArrayLike<number>;
  isLive: (slot: number) => boolean;
  documents: number;
  averageLength: number;
  k1: number;
  b: number;
  titleWeight: number;
  metaWeight: number;
}

interface ResolvedAlternative {
  terms: string[];
  termIds: number[];
  idfs: number[];
  weight: number;
  via: MatchVia;
}

interface ResolvedConcept {
  term: string;
  idf: number;
  weightIdf: number;
  alternatives: ResolvedAlternative[];
}

/** Lucene's BM25 IDF: always positive, so a term present in every document still counts a little. */
export function idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/**
 * With few entries, how many hold a word says little about how telling it is: with one entry, a word it
 * lacks would weigh five times one it holds, and a new workspace's first tip would go unheard for a
 * question in other words. Weights are counted as if the base held at least this many entries, which
 * changes nothing for real knowledge bases and keeps ranking (which uses `idf`) as it is.
 */
const WEIGHING_DOCUMENTS = 50;

/** The IDF a concept weighs with in the question's coverage and the answer's evidence. */
export function weighingIdf(documents: number, df: number): number {
  return idf(Math.max(documents, WEIGHING_DOCUMENTS), df);
}

/**
 * Scores a weighted query: per concept, the best of its alternatives (the literal term, synonyms,
 * typo corrections) counts, each alternative being its weight times the BM25F score of its terms; a
 * phrase alternative counts only where the document holds all of its terms. Taking the best rather than
 * the sum keeps a document that says "price", "cost" and "quote" from outscoring one that says the
 * question's own word.
 */
export class QueryScorer {
  private readonly concepts: ResolvedConcept[];
  readonly idfTotal: number;
  private readonly weightTotal: number;
  // Copied out of the context: read for every posting.
  private readonly k1: number;
  private readonly b: number;
  private readonly titleWeight: number;
  private readonly metaWeight: number;
  private readonly lengths: ArrayLike<number>;
  private readonly averageLength: number;

  constructor(
    private readonly context: ScoringContext,
    query: WeightedQuery,
  ) {
    ({
      k1: this.k1,
      b: this.b,
      titleWeight: this.titleWeight,
      metaWeight: this.metaWeight,
      lengths: this.lengths,
      averageLength: this.averageLength,
    } = context);
    this.concepts = query.concepts.map((concept) => this.resolve(concept));
    this.idfTotal = this.concepts.reduce((sum, concept) => sum + concept.idf, 0);
    this.weightTotal = this.concepts.reduce((sum, concept) => sum + concept.weightIdf, 0);
  }

  get isEmpty(): boolean {
    return this.concepts.length === 0;
  }

  /**
   * Adds every matching slot's score to `scores`, listing each slot the first time it scores. Loops are
   * indexed and callback-free: they run for every posting of every query term, and iterators, closures
   * and boxed scores there were most of the garbage an answer left behind.
   */
  accumulate(
    scores: Float64Array,
    touched: SlotList,
    scratch: () => Float64Array,
    conceptTouched: SlotList,
  ): void {
    const concepts = this.concepts;
    for (let c = 0; c < concepts.length; c++) {
      const alternatives = (concepts[c] as ResolvedConcept).alternatives;
      const only = alternatives[0];
      if (!only) continue;
      if (alternatives.length === 1 && only.termIds.length === 1) {
        this.addSingle(only, scores, touched);
        continue;
      }
      const best = scratch();
      conceptTouched.clear();
      for (let a = 0; a < alternatives.length; a++) {
        this.keepBest(alternatives[a] as ResolvedAlternative, best, conceptTouched);
      }
      for (let i = 0; i < conceptTouched.length; i++) {
        const slot = conceptTouched.at(i);
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = (scores[slot] as number) + (best[slot] as number);
        best[slot] = 0;
      }
    }
  }

  /** How the slot matched each concept, and its score by field, recomputed from the postings. */
  explain(slot: number): { concepts: ConceptMatch[]; fields: FieldScores; coverage: number } {
    const fields: FieldScores = { title: 0, body: 0, meta: 0 };
    let matchedIdf = 0;
    const concepts = this.concepts.map((concept): ConceptMatch => {
      let best: { alternative: ResolvedAlternative; parts: FieldScores; score: number } | undefined;
      let literal: typeof best;
      for (const alternative of concept.alternatives) {
        const parts = this.partsAt(alternative, slot);
        if (!parts) continue;
        const score = parts.title + parts.body + parts.meta;
        if (!best || score > best.score) best = { alternative, parts, score };
        if (alternative.via === 'literal' && !literal) literal = { alternative, parts, score };
      }
      if (!best) {
        return {
          term: concept.term,
          idf: concept.idf,
          weightIdf: concept.weightIdf,
          via: null,
          matchedBy: [],
          weight: 0,
          fields: [],
          score: 0,
        };
      }
      fields.title += best.parts.title;
      fields.body += best.parts.body;
      fields.meta += best.parts.meta;
      matchedIdf += concept.weightIdf;
      // The question's own word is reported when present, though a synonym may have scored higher.
      const shown = literal ?? best;
      return {
        term: concept.term,
        idf: concept.idf,
        weightIdf: concept.weightIdf,
        via: shown.alternative.via,
        matchedBy: shown.alternative.terms,
        weight: shown.alternative.weight,
        fields: (['title', 'body', 'meta'] as const).filter((field) => shown.parts[field] > 0),
        score: best.score,
      };
    });
    return {
      concepts,
      fields,
      coverage: this.weightTotal > 0 ? Math.min(1, matchedIdf / this.weightTotal) : 0,
    };
  }

  private resolve(concept: WeightedQuery['concepts'][number]): ResolvedConcept {
    const { postings, documents } = this.context;
    const dfOf = (term: string) => {
      const termId = postings.termId(term);
      return termId === undefined ? 0 : postings.documentFrequency(termId);
    };
    const alternatives: ResolvedAlternative[] = [];
    let standInDf = 0;
    for (const alternative of concept.alternatives) {
      if (alternative.terms.length === 0 || alternative.weight <= 0) continue;
      const dfs = alternative.terms.map(dfOf);
      if (dfs.some((df) => df === 0)) continue;
      alternatives.push({
        ...alternative,
        termIds: alternative.terms.map((term) => postings.termId(term) as number),
        idfs: dfs.map((df) => idf(documents, df)),
      });
      // A phrase is at most as common as its rarest word.
      if (alternative.via === 'synonym') standInDf = Math.max(standInDf, Math.min(...dfs));
    }
    // A word no entry holds still counts toward coverage: with the rarity of its synonyms if it has any
    // ("churn" where entries say "retention"), else as rare as can be. A typo correction is only a guess,
    // so it lends no rarity: "Workday" corrected to some look-alike keeps the weight of an unheard word,
    // and an entry lacking it covers little of the question.
    const literalDf = dfOf(concept.term);
    const df = literalDf > 0 ? literalDf : standInDf;
    return {
      term: concept.term,
      idf: idf(documents, df),
      weightIdf: weighingIdf(documents, df),
      alternatives,
    };
  }

  /** The common case, a concept matched only by one term: added straight to the scores, no callback. */
  private addSingle(alternative: ResolvedAlternative, scores: Float64Array, touched: SlotList): void {
    const { postings, isLive } = this.context;
    const { pool, start, length } = postings.entries(alternative.termIds[0] as number);
    // termScore written out: a double returned from a call that is not inlined is boxed, and this loop
    // runs for every posting of every query term.
    const { k1, b, titleWeight, metaWeight, lengths, averageLength } = this;
    const scale = alternative.weight * (alternative.idfs[0] as number) * (k1 + 1);
    for (let i = start; i < start + length; i++) {
      const entry = pool[i] as number;
      const slot = entry >>> SLOT_SHIFT;
      if (!isLive(slot)) continue;
      const tf =
        (entry & MAX_BODY_TF) +
        titleWeight * ((entry >> TITLE_SHIFT) & MAX_TITLE_TF) +
        metaWeight * ((entry >> META_SHIFT) & MAX_META_UNITS);
      if (tf === 0) continue;
      const norm = k1 * (1 - b + (b * (lengths[slot] as number)) / averageLength);
      if (scores[slot] === 0) touched.push(slot);
      scores[slot] = (scores[slot] as number) + (scale * tf) / (tf + norm);
    }
  }

  /**
   * Raises `best[slot]` to the alternative's weighted score at each live slot holding all its terms,
   * listing in `touched` each slot seen for the first time (its `best` was 0).
   */
  private keepBest(alternative: ResolvedAlternative, best: Float64Array, touched: SlotList): void {
    const { postings, isLive } = this.context;
    const { termIds, idfs, weight } = alternative;
    if (termIds.length === 1) {
      const { pool, start, length } = postings.entries(termIds[0] as number);
      const termIdf = idfs[0] as number;
      // termScore and keep written out, as in addSingle: a double passed to a call is boxed.
      const { k1, b, titleWeight, metaWeight, lengths, averageLength } = this;
      for (let i = start; i < start + length; i++) {
        const entry = pool[i] as number;
        const slot = entry >>> SLOT_SHIFT;
        if (!isLive(slot)) continue;
        const tf =
          (entry & MAX_BODY_TF) +
          titleWeight * ((entry >> TITLE_SHIFT) & MAX_TITLE_TF) +
          metaWeight * ((entry >> META_SHIFT) & MAX_META_UNITS);
        if (tf === 0) continue;
        const norm = k1 * (1 - b + (b * (lengths[slot] as number)) / averageLength);
        const termScore = (termIdf * tf * (k1 + 1)) / (tf + norm);
        if (!(termScore > 0)) continue;
        const score = weight * termScore;
        const before = best[slot] as number;
        if (before === 0) touched.push(slot);
        if (score > before) best[slot] = score;
      }
      return;
    }
    // A phrase: walk the shortest list and look the slot up in the others (all are in slot order).
    const lists = termIds.map((termId, i) => ({
      ...postings.entries(termId),
      at: 0,
      idf: idfs[i] as number,
    }));
    lists.sort((x, y) => x.length - y.length);
    const [lead, ...rest] = lists as [(typeof lists)[number], ...typeof lists];
    for (let i = lead.start; i < lead.start + lead.length; i++) {
      const entry = lead.pool[i] as number;
      const slot = entry >>> SLOT_SHIFT;
      if (!isLive(slot)) continue;
      let score = this.termScore(lead.idf, entry, slot);
      for (const list of rest) {
        list.at = seek(list.pool, list.start + list.at, list.start + list.length, slot) - list.start;
        const other = list.pool[list.start + list.at];
        if (list.at >= list.length || other === undefined || other >>> SLOT_SHIFT !== slot) {
          score = 0;
          break;
        }
        score += this.termScore(list.idf, other, slot);
      }
      if (score > 0) keep(best, touched, slot, weight * score);
    }
  }

  /** The alternative's weighted score at one slot by field, or undefined when the slot lacks a term. */
  private partsAt(alternative: ResolvedAlternative, slot: number): FieldScores | undefined {
    const { postings } = this.context;
    const { titleWeight, metaWeight } = this;
    const parts: FieldScores = { title: 0, body: 0, meta: 0 };
    for (let t = 0; t < alternative.termIds.length; t++) {
      const { pool, start, length } = postings.entries(alternative.termIds[t] as number);
      const at = seek(pool, start, start + length, slot);
      const entry = pool[at];
      if (at >= start + length || entry === undefined || entry >>> SLOT_SHIFT !== slot) return undefined;
      const score = alternative.weight * this.termScore(alternative.idfs[t] as number, entry, slot);
      const body = entry & MAX_BODY_TF;
      const title = titleWeight * ((entry >> TITLE_SHIFT) & MAX_TITLE_TF);
      const meta = metaWeight * ((entry >> META_SHIFT) & MAX_META_UNITS);
      const tf = body + title + meta;
      parts.title += (score * title) / tf;
      parts.body += (score * body) / tf;
      parts.meta += (score * meta) / tf;
    }
    return parts;
  }

  private termScore(termIdf: number, entry: number, slot: number): number {
    const k1 = this.k1;
    const tf =
      (entry & MAX_BODY_TF) +
      this.titleWeight * ((entry >> TITLE_SHIFT) & MAX_TITLE_TF) +
      this.metaWeight * ((entry >> META_SHIFT) & MAX_META_UNITS);
    if (tf === 0) return 0;
    const norm = k1 * (1 - this.b + (this.b * (this.lengths[slot] as number)) / this.averageLength);
    return (termIdf * tf * (k1 + 1)) / (tf + norm);
  }
}

/** Keeps the higher of a slot's best score so far and `score`, listing the slot when first seen. */
function keep(best: Float64Array, touched: SlotList, slot: number, score: number): void {
  const before = best[slot] as number;
  if (before === 0) touched.push(slot);
  if (score > before) best[slot] = score;
}

/** The first position in `pool[from..to)` whose slot is at least `slot` (entries are in slot order). */
function seek(pool: Uint32Array, from: number, to: number, slot: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((pool[middle] as number) >>> SLOT_SHIFT < slot) low = middle + 1;
    else high = middle;
  }
  return low;
}
