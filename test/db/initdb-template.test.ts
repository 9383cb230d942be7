import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { initdbTemplateFor } from '../../src/db/initdb-template.ts';
import { migrate } from '../../src/db/migrate.ts';

describe('a new data dir', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-initdb-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("starts from the build's initdb template, and its database then keeps what was written", async () => {
    const dataDir = path.join(dir, 'data');
    expect(await initdbTemplateFor(dataDir)).toBeInstanceOf(Blob);
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await migrate(first);
    await first.query('CREATE TABLE kept (word text)');
    await first.query(`INSERT INTO kept VALUES ('renewal')`);
    await first.close();

    // The template is for an empty data dir only: PGlite would refuse to load it over a database.
    expect(await initdbTemplateFor(dataDir)).toBeUndefined();
    const again = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(await again.query('SELECT word FROM kept')).toEqual([{ word: 'renewal' }]);
      expect(await again.query('SELECT count(*)::int AS n FROM "_prisma_migrations"')).not.toEqual([
        { n: 0 },
      ]);
    } finally {
      await again.close();
    }
  });

  it('in memory has no files to start from', async () => {
    expect(await initdbTemplateFor('memory://')).toBeUndefined();
  });
});
