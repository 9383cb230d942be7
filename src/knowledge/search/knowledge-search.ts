import type { EntryStore } from '../entries/entry-store.ts';
import type { Entry } from '../entry.ts';
import { industryForms } from '../industries.ts';
import { analyze } from './analyzer.ts';
import { fuseRankings } from './fuse-rankings.ts';
import type { LexicalIndex } from './lexical-index.ts';
import { expandQuery } from './query-expansion.ts';
import type { ConceptMatch, FieldScores } from './query-scorer.ts';
import { canSee, type SearchFilters, type SearchViewer, toPredicate } from './search-filters.ts';
import { TurnLimit } from './turn-limit.ts';
import type { WorkspaceIndexCache } from './workspace-index-cache.ts';

export interface SearchHit {
  entry: Entry;
  /** Higher is better; comparable only within one result list. */
  score: number;
  /** IDF-weighted share of the query's terms the entry contains (0 for vector-only hits). */
  coverage: number;
  /** The BM25 score alone (0 for vector-only hits). */
  lexicalScore: number;
  /**
   * Every concept of the question (its analysed words, in order) with its IDF and how this entry matched
   * it: literally, through a synonym or a typo correction (`via`, `weight`), and in which fields. All
   * unmatched for vector-only hits.
   */
  concepts: ConceptMatch[];
  /** The lexical score by field: title, body, meta (topics, account, industry, kind and stage labels). */
  fields: FieldScores;
  /** Cosine similarity to the query when vector search took part. */
  similarity?: number;
}

/** Ranks entries by meaning: implemented where an embeddings model and pgvector are both available. */
export interface VectorRanker {
  rank(options: {
    workspaceId: string;
    query: string;
    limit: number;
    allowed: (id: number) => boolean;
  }): Promise<Array<{ id: number; similarity: number }>>;
}

export interface SearchRequest {
  workspaceId: string;
  query: string;
  limit: number;
  filters?: SearchFilters;
  /** Omitted: only entries the whole workspace may see. */
  viewer?: SearchViewer;
}

/** The filters as a predicate, with the entries whose text names the industry looked up in the index. */
function predicateOver(
  index: LexicalIndex,
  filters: SearchFilters | undefined,
  viewer: SearchViewer | undefined,
) {
  const mentions = filters?.industry ? index.idsMentioning(industryForms(filters.industry)) : undefined;
  return toPredicate(filters, viewer, mentions);
}

/** How many candidates each ranker contributes before fusion. */
const CANDIDATES = 100;

/** What a question can filter to and which of its words the workspace's entries use. */
export interface QuestionVocabulary {
  industries: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  /** Whether any entry holds the word, as English analyses it. */
  knowsWord(word: string): boolean;
}

/** Ranked retrieval over one workspace's published entries. */
export class KnowledgeSearch {
  // Index sync and BM25 scoring are CPU-bound and, on PGlite, never wait for I/O: one search at a
  // time, each in a turn of its own, keeps HTTP requests served between them under load.
  private readonly lexicalTurns = new TurnLimit(1);

  constructor(
    private readonly deps: { indexes: WorkspaceIndexCache; store: EntryStore; vector?: VectorRanker },
  ) {}

  /**
   * What a question is read against: the industries the workspace's entries and accounts name
   * (lower-cased), the buyer roles its entries are tagged with, and whether any entry holds a word.
   */
  async questionVocabulary(workspaceId: string): Promise<QuestionVocabulary> {
    const { industries, roles, index } = await this.deps.indexes.open(workspaceId);
    return { industries, roles, knowsWord: (word) => analyze(word, 'en').some((term) => index.knows(term)) };
  }

  /** The newest entries the filters allow, for a question that names facets and nothing else. */
  async newest(request: Omit<SearchRequest, 'query'>): Promise<SearchHit[]> {
    const metas = await this.lexicalTurns.run(async () => {
      const { index } = await this.deps.indexes.open(request.workspaceId);
      return index.newest(predicateOver(index, request.filters, request.viewer), request.limit);
    });
    const rows = await this.deps.store.getMany(
      request.workspaceId,
      metas.map((meta) => meta.id),
    );
    return rows
      .filter((entry) => canSee(request.viewer, entry.audience))
      .map((entry) => ({
        entry,
        score: 1,
        coverage: 0,
        lexicalScore: 0,
        concepts: [],
        fields: { title: 0, body: 0, meta: 0 },
      }));
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    const { workspaceId, query, limit, viewer } = request;
    const { index, lexical, filter } = await this.lexicalTurns.run(async () => {
      const { index, thesaurus } = await this.deps.indexes.open(workspaceId);
      const filter = predicateOver(index, request.filters, viewer);
      const weighted = expandQuery(query, { thesaurus, vocabulary: index });
      return {
        index,
        filter,
        lexical: index.search(weighted, { limit: Math.max(limit, CANDIDATES), filter }),
      };
    });
    const vector = this.deps.vector
      ? await this.deps.vector.rank({
          workspaceId,
          query,
          limit: CANDIDATES,
          allowed: (id) => index.has(id) && filter(index.meta(id)),
        })
      : [];
    const lexicalById = new Map(lexical.map((hit) => [hit.id, hit]));
    const similarity = new Map(vector.map((hit) => [hit.id, hit.similarity]));
    const ranked = vector.length
      ? fuseRankings([lexical.map((hit) => hit.id), vector.map((hit) => hit.id)]).slice(0, limit)
      : lexical.slice(0, limit).map((hit) => ({ id: hit.id, score: hit.score }));
    const rows = await this.deps.store.getMany(
      workspaceId,
      ranked.map((hit) => hit.id),
    );
    // Checked again on the rows read: the audience may have changed since the index last synced.
    const entries = rows.filter((entry) => canSee(viewer, entry.audience));
    const scoreOf = new Map(ranked.map((hit) => [hit.id, hit.score]));
    const unmatched = lexical[0]?.concepts.map(
      (concept): ConceptMatch => ({ ...concept, via: null, matchedBy: [], weight: 0, fields: [], score: 0 }),
    );
    return entries.map((entry) => {
      const hit = lexicalById.get(entry.id);
      return {
        entry,
        score: scoreOf.get(entry.id) ?? 0,
        coverage: hit?.coverage ?? 0,
        lexicalScore: hit?.score ?? 0,
        concepts: hit?.concepts ?? unmatched ?? [],
        fields: hit?.fields ?? { title: 0, body: 0, meta: 0 },
        ...(similarity.has(entry.id) ? { similarity: similarity.get(entry.id) } : {}),
      };
    });
  }
}
