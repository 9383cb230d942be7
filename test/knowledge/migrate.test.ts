import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPglite, openDatabase, wrapPglite } from '../../src/db/database.ts';
import { MIGRATIONS_DIR, migrate } from '../../src/db/migrate.ts';

describe('migrations', () => {
  it('create the schema in an empty database, record themselves, and do nothing the second time', async () => {
    const db = wrapPglite(await createPglite({ dataDir: 'memory://' }));
    try {
      const applied = await migrate(db);
      expect(applied.length).toBeGreaterThan(0);
      const tables = await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect(tables.map((row) => row.table_name)).toEqual(
        expect.arrayContaining([
          'entries',
          'questions',
          'question_feedback',
          'workspaces',
          '_prisma_migrations',
        ]),
      );
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('upgrade a database with data in it without losing the data', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'earshot-migrations-'));
    const migrations = path.join(dir, 'migrations');
    await cp(MIGRATIONS_DIR, migrations, { recursive: true });
    const dataDir = path.join(dir, 'data');

    const before = await openDatabase({ kind: 'pglite', dataDir });
    await migrate(before, migrations);
    await before.query(`INSERT INTO workspaces (id) VALUES ('acme')`);
    await before.query(
      `INSERT INTO entries (workspace_id, kind, title, body) VALUES ('acme', 'tip', 'Keep me', 'Still here after the upgrade')`,
    );
    await before.close();

    await mkdir(path.join(migrations, '29990101000000_add_entry_language'));
    await writeFile(
      path.join(migrations, '29990101000000_add_entry_language', 'migration.sql'),
      `ALTER TABLE "entries" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';`,
    );
    const after = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(await migrate(after, migrations)).toEqual(['29990101000000_add_entry_language']);
      const rows = await after.query<{ title: string; language: string }>(
        'SELECT title, language FROM entries',
      );
      expect(rows).toEqual([{ title: 'Keep me', language: 'en' }]);
    } finally {
      await after.close();
    }
  });

  it('leave the database as it was when a migration fails', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'earshot-migrations-'));
    const migrations = path.join(dir, 'migrations');
    await cp(MIGRATIONS_DIR, migrations, { recursive: true });
    await mkdir(path.join(migrations, '29990101000000_broken'));
    await writeFile(
      path.join(migrations, '29990101000000_broken', 'migration.sql'),
      `ALTER TABLE "entries" ADD COLUMN "x" TEXT; ALTER TABLE "no_such_table" ADD COLUMN "y" TEXT;`,
    );
    const db = wrapPglite(await createPglite({ dataDir: 'memory://' }));
    try {
      await expect(migrate(db, migrations)).rejects.toThrow(/no_such_table/);
      const tables = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'entries'`);
      expect(tables).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
