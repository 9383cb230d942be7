import type { Database } from '../../db/database.ts';
import type { SnapshotStore } from './snapshot-store.ts';

// Parts well below PostgreSQL's 1 GB field limit, and small enough that no single message is huge.
const PART_BYTES = 8 << 20;

/**
 * Snapshots in the `search_index_snapshots` table, split into parts: on a PostgreSQL server every
 * Earshot process (each replica) reads the one saved by whichever built or caught up last.
 */
export class TableSnapshotStore implements SnapshotStore {
  readonly where = 'the search_index_snapshots table';

  constructor(private readonly db: Database) {}

  async read(workspaceId: string): Promise<Uint8Array | null> {
    // Base64 is a third smaller on the wire than bytea's hex text form, and decodes about twice as
    // fast (Node skips the line breaks PostgreSQL puts in it).
    const rows = await this.db.query<{ data: string }>(
      `SELECT encode(data, 'base64') AS data FROM search_index_snapshots WHERE workspace_id = $1 ORDER BY part`,
      [workspaceId],
    );
    if (rows.length === 0) return null;
    return Buffer.concat(rows.map((row) => Buffer.from(row.data, 'base64')));
  }

  async write(workspaceId: string, snapshot: Uint8Array): Promise<void> {
    await this.db.transaction(async (session) => {
      // Two processes saving at once take turns instead of failing on each other's parts.
      await session.query("SELECT pg_advisory_xact_lock(hashtext('search_index_snapshots:' || $1))", [
        workspaceId,
      ]);
      await session.query('DELETE FROM search_index_snapshots WHERE workspace_id = $1', [workspaceId]);
      for (let start = 0, part = 0; start < snapshot.length; start += PART_BYTES, part++) {
        await session.query(
          'INSERT INTO search_index_snapshots (workspace_id, part, data) VALUES ($1, $2, $3)',
          [
            workspaceId,
            part,
            Buffer.from(
              snapshot.buffer,
              snapshot.byteOffset + start,
              Math.min(PART_BYTES, snapshot.length - start),
            ),
          ],
        );
      }
    });
  }
}
