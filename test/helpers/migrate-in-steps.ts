import { cp, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPglite, type Database, wrapPglite } from '../../src/db/database.ts';
import { MIGRATIONS_DIR, migrate } from '../../src/db/migrate.ts';

/**
 * An in-memory database migrated up to, not including, `migration`, for seeding data shaped as it was
 * then; `migrateRest` applies the remaining migrations and returns the names it applied.
 */
export async function databaseBefore(
  migration: string,
): Promise<{ db: Database; migrateRest(): Promise<string[]> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'earshot-migrations-'));
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const copy = async (wanted: (name: string) => boolean) => {
    for (const name of names.filter(wanted)) {
      await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    }
  };
  await copy((name) => name < migration);
  const db = wrapPglite(await createPglite({ dataDir: 'memory://' }));
  await migrate(db, dir);
  return {
    db,
    migrateRest: async () => {
      await copy((name) => name >= migration);
      return migrate(db, dir);
    },
  };
}
