import type { Database } from '../../db/database.ts';
import type { BuyingStage, EntryKind, EntryStatus } from '../entry.ts';
import { LexicalIndex } from './lexical-index.ts';
import { TimeSlicer } from './time-slicer.ts';

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
    /**
     * Rows read per query, about. Small, because a PGlite query holds the event loop until it
     * returns: 250 rows take ~10–20 ms, so requests arriving during a first sync wait no longer.
     */
    private readonly pageSize = 250,
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
    const slicer = new TimeSlicer();
    const published: number[] = [];
    // Pages are ranges of change_seq, not `change_seq > $last ORDER BY … LIMIT`: without planner
    // statistics PostgreSQL answers the LIMIT form by reading and sorting every remaining row, which
    // made each page of a first sync cost 80–350 ms at 100k entries. A range reads only its own rows.
    let width = BigInt(this.pageSize);
    for (;;) {
      const latest = await this.latestSeq(workspaceId);
      if (latest <= cached.lastSeq) break;
      while (cached.lastSeq < latest) {
        await slicer.yield();
        const upTo = cached.lastSeq + width < latest ? cached.lastSeq + width : latest;
        const rows = await this.db.query<ChangedRow>(
          `SELECT id, title, body, kind, stage, topics, status, created_at, audience FROM entries
           WHERE workspace_id = $1 AND change_seq > $2 AND change_seq <= $3 ORDER BY change_seq`,
          [workspaceId, cached.lastSeq.toString(), upTo.toString()],
        );
        for (const row of rows) {
          this.apply(cached.index, row, published);
          await slicer.maybeYield();
        }
        cached.lastSeq = upTo;
        // Sequence numbers are shared by every workspace: widen the range where this one's rows are sparse.
        if (rows.length < this.pageSize / 2) width *= 2n;
        else if (rows.length > this.pageSize * 2) width = width / 2n || 1n;
      }
    }
    if (published.length > 0) await this.onPublished?.(workspaceId, published);
  }

  private apply(index: LexicalIndex, row: ChangedRow, published: number[]) {
    if (row.status !== 'published') {
      index.remove(row.id);
      return;
    }
    published.push(row.id);
    index.upsert({
      id: row.id,
      title: row.title,
      body: row.body,
      kind: row.kind,
      stage: row.stage,
      topics: row.topics,
      createdAt: new Date(row.created_at),
      audience: row.audience,
    });
  }

  private async latestSeq(workspaceId: string): Promise<bigint> {
    const [row] = await this.db.query<{ seq: string | null }>(
      'SELECT max(change_seq)::text AS seq FROM entries WHERE workspace_id = $1',
      [workspaceId],
    );
    return BigInt(row?.seq ?? '0');
  }
}
