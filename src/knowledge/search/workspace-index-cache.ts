import type { Database } from '../../db/database.ts';
import type { BuyingStage, EntryKind, EntryStatus } from '../entry.ts';
import { LexicalIndex } from './lexical-index.ts';

interface ChangedRow {
  id: number;
  title: string;
  body: string;
  kind: EntryKind;
  stage: BuyingStage | null;
  topics: string[];
  status: EntryStatus;
  created_at: Date;
  audience: string | null;
  seq: string;
}

interface Cached {
  index: LexicalIndex;
  lastSeq: bigint;
  syncing: Promise<void> | undefined;
}

/**
 * One lexical index per workspace, holding its published entries. Before each use it reads the rows
 * changed since the last sync (a trigger bumps `change_seq` on every write), so several processes on
 * one database all see every change without being told.
 */
export class WorkspaceIndexCache {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly db: Database,
    /** Told which published entries changed after each sync (vector search embeds them). */
    private readonly onPublished?: (workspaceId: string, ids: number[]) => Promise<void>,
    /** Rows read per query; pages keep a first sync of a large workspace from holding every row at once. */
    private readonly pageSize = 2000,
  ) {}

  async get(workspaceId: string): Promise<LexicalIndex> {
    let cached = this.cache.get(workspaceId);
    if (!cached) {
      cached = { index: new LexicalIndex(), lastSeq: 0n, syncing: undefined };
      this.cache.set(workspaceId, cached);
    }
    // Concurrent callers share one sync instead of applying the same rows twice.
    cached.syncing ??= this.sync(workspaceId, cached).finally(() => {
      if (cached) cached.syncing = undefined;
    });
    await cached.syncing;
    return cached.index;
  }

  private async sync(workspaceId: string, cached: Cached) {
    const published: number[] = [];
    for (;;) {
      const rows = await this.db.query<ChangedRow>(
        // Ordered by the bigint column, not by its text form (which would sort "10" before "9").
        `SELECT id, title, body, kind, stage, topics, status, created_at, audience, change_seq::text AS seq
         FROM entries WHERE workspace_id = $1 AND change_seq > $2 ORDER BY entries.change_seq LIMIT $3`,
        [workspaceId, cached.lastSeq.toString(), this.pageSize],
      );
      for (const row of rows) {
        if (row.status === 'published') {
          published.push(row.id);
          cached.index.upsert({
            id: row.id,
            title: row.title,
            body: row.body,
            kind: row.kind,
            stage: row.stage,
            topics: row.topics,
            createdAt: new Date(row.created_at),
            audience: row.audience,
          });
        } else {
          cached.index.remove(row.id);
        }
        cached.lastSeq = BigInt(row.seq);
      }
      if (rows.length < this.pageSize) break;
    }
    if (published.length > 0) await this.onPublished?.(workspaceId, published);
  }
}
