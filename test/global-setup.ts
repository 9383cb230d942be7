import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPglite, wrapPglite } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';

/** Runs initdb and the migrations once, and hands every test a dump to start PGlite from. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'earshot-test-'));
  const pglite = await createPglite({ dataDir: 'memory://' });
  await migrate(wrapPglite(pglite));
  // The dump copies the data files: without a checkpoint the statistics ANALYZE just wrote can still be
  // in shared buffers only, and every test database would start "never analyzed".
  await pglite.query('CHECKPOINT');
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const dumpPath = path.join(dir, 'migrated.tar');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', dumpPath);
  return async () => rm(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}
