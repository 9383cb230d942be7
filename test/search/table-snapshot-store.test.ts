import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { TableSnapshotStore } from '../../src/knowledge/search/table-snapshot-store.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const snapshot = (fill: number, length = 1000) => Buffer.alloc(length, fill).fill(fill + 1, length / 2);

describe.each(DATABASE_KINDS)('saved indexes in a table on %s', (kind) => {
  let db: Database;
  // Parts of 64 bytes: a 1,000-byte snapshot is 16 rows, read over several connections.
  let store: TableSnapshotStore;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    await seedEntry(db, { title: 'Pricing', body: 'A workspace to save an index for' });
    store = new TableSnapshotStore(db, 64);
  });

  afterEach(async () => {
    await db.close();
  });

  it('reads back, part by part, exactly the bytes written in chunks of any size', async () => {
    const bytes = snapshot(7);
    await store.write('acme', [bytes.subarray(0, 10), bytes.subarray(10, 700), bytes.subarray(700)]);

    expect((await db.query('SELECT part FROM search_index_snapshots')).length).toBe(16);
    expect(Buffer.from((await store.read('acme')) as Uint8Array).equals(bytes)).toBe(true);
    expect(await store.read('other')).toBeNull();
  });

  it('replaces the previous snapshot whole, never leaving parts of it behind', async () => {
    await store.write('acme', [snapshot(1, 1000)]);
    await store.write('acme', [snapshot(3, 200)]);

    expect(Buffer.from((await store.read('acme')) as Uint8Array).equals(snapshot(3, 200))).toBe(true);
  });

  it('reads parts of different saves as they now are, in one statement', async () => {
    await store.write('acme', [snapshot(1)]);
    // One part rewritten by another transaction: the parts no longer come from one save.
    await db.query("UPDATE search_index_snapshots SET data = '\\x0909'::bytea WHERE part = 3");

    const read = Buffer.from((await store.read('acme')) as Uint8Array);
    expect(read.length).toBe(1000 - 64 + 2);
    expect(read.subarray(192, 194).equals(Buffer.from([9, 9]))).toBe(true);
  });
});
