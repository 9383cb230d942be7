import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';
import type { Database, SqlSession } from './database.ts';
import { analyzeTables } from './planner-statistics.ts';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma/migrations');

// Any fixed number: every Earshot process that migrates the same database waits on this lock.
const MIGRATION_LOCK_KEY = 7_263_541_902;

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/**
 * Applies the committed migrations that the database has not seen, in one transaction, recorded in
 * Prisma's own `_prisma_migrations` table so `prisma migrate deploy` and this agree on what ran.
 * Returns the names of the migrations it applied.
 */
export async function migrate(db: Database, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(migrationsDir);
  const ran = await db.transaction(async (session) => {
    await session.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await ensureHistoryTable(session);
    const applied = await session.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const appliedByName = new Map(applied.map((row) => [row.migration_name, row.checksum]));
    const pending = migrations.filter((migration) => !appliedByName.has(migration.name));
    for (const migration of pending) {
      await session.exec(migration.sql);
      await session.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
    }
    return pending.map((migration) => migration.name);
  });
  // A migration may rewrite or move rows and create indexes the planner has no statistics for yet.
  if (ran.length > 0) await analyzeTables(db);
  return ran;
}

async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

async function ensureHistoryTable(session: SqlSession) {
  await session.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
}
