import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type ImportProgress, importEntries } from '../../src/knowledge/import/import-entries.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

/*
 * Through the process that owns an embedded database, an import commits in parts so the owner's own
 * queries never wait long (bench/embedded-owner.ts); everything still arrives, updates stay updates.
 */
describe.each(DATABASE_KINDS)('an import committed in parts on %s', (kind) => {
  let db: Database;
  let dir: string;
  beforeEach(async () => {
    db = await openTestDatabase(kind);
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-parts-'));
  });
  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores every entry across parts and reports progress over the whole import', async () => {
    const file = path.join(dir, 'entries.jsonl');
    const line = (i: number, body: string) => JSON.stringify({ externalId: `e${i}`, kind: 'tip', body });
    await writeFile(file, `${Array.from({ length: 7 }, (_, i) => line(i, `Tip number ${i}`)).join('\n')}\n`);
    const progress: ImportProgress[] = [];
    const inParts = { ...db, bulkRows: 3 };
    const first = await importEntries({
      db: inParts,
      workspaceId: 'acme',
      files: [file],
      onProgress: (p) => progress.push(p),
    });
    expect(first).toMatchObject({ inserted: 7, updated: 0 });
    expect(new Set(first.entryIds).size).toBe(7);
    expect(progress.filter((p) => p.phase === 'writing').at(-1)).toEqual({
      phase: 'writing',
      written: 7,
      total: 7,
    });
    const again = await importEntries({ db: inParts, workspaceId: 'acme', files: [file] });
    expect(again).toMatchObject({ inserted: 0, updated: 7 });
    expect(await db.prisma.entry.count({ where: { workspaceId: 'acme' } })).toBe(7);
  });

  it('reports every id of an import too large to spread into one call', async () => {
    const file = path.join(dir, 'many.jsonl');
    const count = 130_000;
    const lines = Array.from(
      { length: count },
      (_, i) => `{"externalId":"m${i}","kind":"tip","body":"Tip ${i}"}`,
    );
    await writeFile(file, `${lines.join('\n')}\n`);
    const imported = await importEntries({ db, workspaceId: 'acme', files: [file] });
    expect(imported.inserted).toBe(count);
    expect(imported.entryIds).toHaveLength(count);
  }, 120_000);
});
