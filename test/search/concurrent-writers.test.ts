import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, SqlSession } from '../../src/db/database.ts';
import { WorkspaceIndexCache } from '../../src/knowledge/search/workspace-index-cache.ts';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openSharedServerDatabase } from '../helpers/test-database.ts';

async function insert(session: Pick<SqlSession, 'query'>, body: string): Promise<number> {
  const [row] = await session.query<{ id: number }>(
    `INSERT INTO entries (workspace_id, kind, title, body, status) VALUES ('acme', 'chatter', 'Note', $1, 'published')
     RETURNING id`,
    [body],
  );
  return row?.id as number;
}

const found = async (cache: WorkspaceIndexCache, word: string) =>
  (await cache.get('acme')).search(word, { limit: 5 }).map((hit) => hit.id);

describe.runIf(DATABASE_KINDS.includes('postgres'))(
  'the search index with concurrent writers on the PostgreSQL server',
  () => {
    let reader: Database;
    let writers: Database[];

    beforeEach(async () => {
      [reader, ...writers] = (await openSharedServerDatabase(4)) as [Database, ...Database[]];
      await ensureWorkspace(reader, 'acme');
      await seedEntry(reader, { body: 'Baseline note' });
    });

    afterEach(async () => {
      for (const db of [reader, ...writers]) await db.close();
    });

    it('finds an entry whose transaction commits after a later change was already read', async () => {
      const cache = new WorkspaceIndexCache(reader);
      await cache.open('acme');
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let slowId = 0;
      let tookNumber = () => {};
      const numbered = new Promise<void>((resolve) => {
        tookNumber = resolve;
      });
      // Takes its change number first, commits last.
      const slow = (writers[0] as Database).transaction(async (session) => {
        slowId = await insert(session, 'Slowpoke procurement stall');
        tookNumber();
        await held;
      });
      await numbered;
      const quick = await insert(writers[1] as Database, 'Quickstep renewal win');

      expect(await found(cache, 'quickstep')).toEqual([quick]);
      expect(await found(cache, 'slowpoke')).toEqual([]);
      release();
      await slow;
      expect(await found(cache, 'slowpoke')).toEqual([slowId]);
    });

    it('ends with exactly the entries a fresh build finds, after many writers committed in any order while it synced', async () => {
      const cache = new WorkspaceIndexCache(reader);
      let writing = true;
      const syncing = (async () => {
        while (writing) await cache.open('acme');
      })();
      await Promise.all(
        writers.map(async (writer, w) => {
          for (let t = 0; t < 20; t++) {
            await writer.transaction(async (session) => {
              await insert(session, `Writer ${w} transaction ${t} gadget`);
              if (t % 4 === 0)
                await session.query("UPDATE entries SET status = 'archived' WHERE body = $1", [
                  `Writer ${w} transaction ${t - 4} gadget`,
                ]);
              await new Promise((resolve) => setTimeout(resolve, (t * 7 + w * 3) % 13));
            });
          }
        }),
      );
      writing = false;
      await syncing;

      const ids = async (source: WorkspaceIndexCache) =>
        (await source.get('acme'))
          .search('gadget', { limit: 1000 })
          .map((hit) => hit.id)
          .sort((a, b) => a - b);
      const expected = await ids(new WorkspaceIndexCache(reader));
      expect(expected).toHaveLength(3 * 20 - 3 * 4);
      expect(await ids(cache)).toEqual(expected);
    });
  },
);
