import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import { type Embedder, toVectorLiteral } from './embed-entries.ts';
import type { VectorRanker } from './knowledge-search.ts';

/** Rows read per round when `allowed` rejects many; at least twice the limit. */
const MIN_PAGE = 100;

/**
 * Ranks a workspace's published entries by cosine similarity to the query, using the embeddings
 * `embedEntries` stored (entries not embedded yet are left to lexical search).
 */
export class PgVectorRanker implements VectorRanker {
  constructor(private readonly deps: { db: Database; embedder: Embedder; logger: Logger }) {}

  async rank(options: {
    workspaceId: string;
    query: string;
    limit: number;
    allowed: (id: number) => boolean;
  }): Promise<Array<{ id: number; similarity: number }>> {
    const { workspaceId, query, limit, allowed } = options;
    if (!query.trim() || limit <= 0) return [];
    const embedding = await this.embedQuery(query);
    if (!embedding) return [];
    const pageSize = Math.max(limit * 2, MIN_PAGE);
    const hits: Array<{ id: number; similarity: number }> = [];
    for (let offset = 0; ; offset += pageSize) {
      const rows = await this.deps.db.query<{ id: number; distance: number }>(
        `SELECT v.entry_id AS id, v.embedding <=> $1::vector AS distance
         FROM entry_embeddings v
         JOIN entries e ON e.id = v.entry_id
         WHERE e.workspace_id = $2 AND e.status = 'published' AND v.model = $3
         ORDER BY distance, v.entry_id
         LIMIT $4 OFFSET $5`,
        [embedding, workspaceId, this.deps.embedder.model, pageSize, offset],
      );
      for (const row of rows) {
        const similarity = 1 - Number(row.distance);
        // A zero vector has no direction: pgvector gives NaN, which ranks nothing.
        if (!Number.isFinite(similarity) || !allowed(row.id)) continue;
        hits.push({ id: row.id, similarity });
        if (hits.length === limit) return hits;
      }
      if (rows.length < pageSize) return hits;
    }
  }

  /** The query's vector, or null when the embeddings service fails: search then falls back to words. */
  private async embedQuery(query: string): Promise<string | null> {
    try {
      const [vector] = await this.deps.embedder.embed([query]);
      return vector ? toVectorLiteral(vector) : null;
    } catch (error) {
      this.deps.logger.warn(
        { err: error, model: this.deps.embedder.model },
        'could not embed the search query; searching by words only',
      );
      return null;
    }
  }
}
