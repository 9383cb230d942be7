import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { ReusableDatabases } from '../helpers/reusable-databases.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openNewTestDatabase } from '../helpers/test-database.ts';

/** Which database this is: the server's database name, or the embedded instance's start time. */
async function identity(db: Database): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `SELECT current_database() || '@' || pg_postmaster_start_time()::text AS id`,
  );
  return row?.id ?? '';
}

/** What a test could notice of an earlier test: rows, the next id, planner statistics, migrations. */
async function observable(db: Database) {
  const [entries] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entries');
  const [migrations] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM _prisma_migrations');
  const [planner] = await db.query<{ reltuples: number; columns: number }>(
    `SELECT reltuples::float8 AS reltuples,
            (SELECT count(*)::int FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'entries') AS columns
       FROM pg_class WHERE oid = 'entries'::regclass`,
  );
  return { entries: entries?.n, migrations: migrations?.n, planner };
}

describe.each(DATABASE_KINDS)('test databases reused on %s', (kind) => {
  it('come back to the next test as migrated: no rows, ids from the start, no statistics of the last test', async () => {
    const databases = new ReusableDatabases(() => openNewTestDatabase(kind), 1);
    const first = await databases.lease();
    const migrated = await observable(first);
    const firstEntry = await seedEntry(first, { body: 'Left behind by the first test.' });
    await seedEntry(first);
    await first.query('ANALYZE entries');
    await first.query('DELETE FROM _prisma_migrations WHERE migration_name LIKE $1', ['%facets%']);
    const firstIdentity = await identity(first);
    await first.close();

    const second = await databases.lease();
    try {
      expect(await identity(second)).toBe(firstIdentity);
      expect(await observable(second)).toEqual(migrated);
      expect(migrated.planner).toEqual({ reltuples: 0, columns: 0 });
      expect((await seedEntry(second)).id).toBe(firstEntry.id);
    } finally {
      await second.close();
    }
    await expect(first.query('SELECT 1')).rejects.toThrow(/closed/);
    expect(() => first.prisma.entry).toThrow(/closed/);
  });

  it('are not reused when a test changed the schema', async () => {
    const databases = new ReusableDatabases(() => openNewTestDatabase(kind), 1);
    const first = await databases.lease();
    await first.query('ALTER TABLE entries ADD COLUMN left_behind TEXT');
    const firstIdentity = await identity(first);
    await first.close();

    const second = await databases.lease();
    try {
      expect(await identity(second)).not.toBe(firstIdentity);
      const columns = await second.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'entries' AND column_name = 'left_behind'`,
      );
      expect(columns).toEqual([]);
    } finally {
      await second.close();
    }
  });
});

// Only a server has other connections to hold a table.
const SERVER_KINDS = DATABASE_KINDS.filter((kind) => kind === 'postgres');

describe.each(SERVER_KINDS)('test databases reused on %s', (kind) => {
  it('are given up, not waited for, when work a test left running holds a table', async () => {
    const databases = new ReusableDatabases(() => openNewTestDatabase(kind), 1);
    const first = await databases.lease();
    await seedEntry(first);
    const firstIdentity = await identity(first);
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.pathname = `/${firstIdentity.split('@')[0]}`;
    const leftRunning = new pg.Client({ connectionString: url.toString() });
    leftRunning.on('error', () => {});
    await leftRunning.connect();
    await leftRunning.query('BEGIN');
    await leftRunning.query('LOCK TABLE entries IN ROW EXCLUSIVE MODE');

    const started = Date.now();
    await first.close();
    expect(Date.now() - started).toBeLessThan(10_000);
    const second = await databases.lease();
    try {
      expect(await identity(second)).not.toBe(firstIdentity);
    } finally {
      await second.close();
      await leftRunning.end().catch(() => {});
    }
  });
});
