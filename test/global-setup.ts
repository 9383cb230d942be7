import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPglite, openDatabase, wrapPglite } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import {
  createServerDatabase,
  dropServerDatabase,
  dropServerDatabasesLike,
} from './helpers/test-database.ts';

/**
 * Runs initdb and the migrations once, and hands every test a dump to start PGlite from and, when
 * TEST_DATABASE_URL is set, a migrated server database to copy (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const template = process.env.TEST_DATABASE_URL ? await migratedServerTemplate() : undefined;
  project.provide('postgresTemplate', template ? template.pathname.slice(1) : '');
  const dir = await mkdtemp(path.join(tmpdir(), 'earshot-test-'));
  const pglite = await createPglite({ dataDir: 'memory://' });
  await migrate(wrapPglite(pglite));
  // Every PGlite test starts by unpacking this dump: without the two template databases, which only
  // CREATE DATABASE reads and no test runs on PGlite, it is 27 MB instead of 42 and starts 0.1 s sooner.
  await pglite.exec(
    "UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')",
  );
  await pglite.exec('DROP DATABASE template0');
  await pglite.exec('DROP DATABASE template1');
  // The dump copies the data files: without a checkpoint the statistics ANALYZE just wrote can still be
  // in shared buffers only, and every test database would start "never analyzed".
  await pglite.query('CHECKPOINT');
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const dumpPath = path.join(dir, 'migrated.tar');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', dumpPath);
  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (!template) return;
    // The copies test workers kept for reuse, then the template.
    await dropServerDatabasesLike(`${template.pathname.slice(1)}\\_copy\\_%`);
    await dropServerDatabase(template);
  };
}

/** Migrating takes a third of a second per database; copying a migrated one a tenth. */
async function migratedServerTemplate(): Promise<URL> {
  const url = await createServerDatabase();
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrate(db);
  await db.close();
  return url;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    /** A migrated database on the TEST_DATABASE_URL server that nobody connects to; '' without one. */
    postgresTemplate: string;
  }
}
