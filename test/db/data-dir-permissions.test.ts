import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDataDir } from '../../src/db/data-dir.ts';
import { openDatabase } from '../../src/db/database.ts';

/** The permission bits of a file or directory, e.g. 0o700. */
async function modeOf(file: string): Promise<number> {
  return (await stat(file)).mode & 0o777;
}

// PGlite writes the database files as 0666, so only the directory can keep other local users out.
describe('the embedded data dir on a shared host', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-perms-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is created open to its owner only', async () => {
    const dataDir = path.join(dir, 'data');
    const db = await openDatabase({ kind: 'pglite', dataDir });
    await db.close();
    expect(await modeOf(dataDir)).toBe(0o700);
  });

  it('is closed to others when an earlier version left it open, and keeps its data', async () => {
    const dataDir = path.join(dir, 'data');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await first.query('CREATE TABLE kept (word text)');
    await first.query(`INSERT INTO kept VALUES ('renewal')`);
    await first.close();
    await chmod(dataDir, 0o755);

    const again = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(await again.query('SELECT word FROM kept')).toEqual([{ word: 'renewal' }]);
    } finally {
      await again.close();
    }
    expect(await modeOf(dataDir)).toBe(0o700);
  });

  it('grants nothing: a data dir its owner made read-only stays read-only', async () => {
    const dataDir = path.join(dir, 'data');
    await mkdir(dataDir);
    await chmod(dataDir, 0o555);
    await prepareDataDir(dataDir);
    expect(await modeOf(dataDir)).toBe(0o500);
  });

  it('leaves the directories above it as they were', async () => {
    const parent = path.join(dir, 'srv');
    await mkdir(parent, { mode: 0o755 });
    await chmod(parent, 0o755);
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(parent, 'earshot', 'data') });
    await db.close();
    expect(await modeOf(parent)).toBe(0o755);
    expect(await modeOf(path.join(parent, 'earshot', 'data'))).toBe(0o700);
  });
});
