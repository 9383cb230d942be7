import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import type { Database } from '../../src/db/database.ts';
import { analyzeStaleTables } from '../../src/db/planner-statistics.ts';
import type { Earshot } from '../../src/main.ts';
import { importAccounts } from '../../src/nudges/accounts/import-accounts.ts';
import { importReferences } from '../../src/nudges/references/import-references.ts';
import { ingestTriggers } from '../../src/nudges/triggers/ingest-triggers.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedManyEntries } from '../helpers/seed-many.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

/** What the planner believes about a table: its row estimate (-1: never analyzed) and column statistics. */
async function tableStatistics(db: Database, name: string) {
  const [table] = await db.query<{ reltuples: number }>(
    `SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = to_regclass($1)`,
    [`"${name}"`],
  );
  const [columns] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = current_schema() AND tablename = $1`,
    [name],
  );
  return { rows: table?.reltuples ?? -1, columnsWithStatistics: columns?.n ?? 0 };
}

const entriesStatistics = (db: Database) => tableStatistics(db, 'entries');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DATABASE_KINDS)('planner statistics on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let dir: string;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-analyze-'));
  });
  afterEach(async () => {
    await earshot.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('are gathered after migrations ran (an analyzed empty table estimates 0 rows, not "never analyzed")', async () => {
    expect((await entriesStatistics(db)).rows).toBe(0);
  });

  it('are gathered after an import of 1,000 entries or more, so the planner knows the table grew', async () => {
    const lines = Array.from({ length: 1_200 }, (_, i) =>
      JSON.stringify({
        kind: 'chatter',
        body: `Buyer ${i} asked about SSO and pricing.`,
        externalId: `n-${i}`,
      }),
    );
    const file = path.join(dir, 'entries.jsonl');
    await writeFile(file, `${lines.join('\n')}\n`);
    expect((await entriesStatistics(db)).columnsWithStatistics).toBe(0);

    await earshot.importFiles({ workspaceId: 'acme', files: [file] });

    const after = await entriesStatistics(db);
    expect(after.rows).toBeGreaterThan(1_000);
    expect(after.columnsWithStatistics).toBeGreaterThan(5);
  });

  it('are gathered after large imports of accounts, references and trigger events too', async () => {
    const many = Array.from({ length: 1_100 }, (_, i) => i);
    const accounts = path.join(dir, 'accounts.jsonl');
    await writeFile(
      accounts,
      many
        .map((i) => JSON.stringify({ name: `Account ${i}`, ownerEmail: `rep${i % 40}@example.com` }))
        .join('\n'),
    );
    const references = path.join(dir, 'references.jsonl');
    await writeFile(
      references,
      many
        .map((i) =>
          JSON.stringify({
            account: `Account ${i}`,
            industry: 'Manufacturing',
            maxRequestsPer90Days: 4,
            cooldownDays: 14,
            ownerEmail: 'refs@example.com',
          }),
        )
        .join('\n'),
    );
    for (const table of ['accounts', 'references', 'trigger_events']) {
      expect((await tableStatistics(db, table)).columnsWithStatistics, table).toBe(0);
    }

    await importAccounts({ db, clock: systemClock, workspaceId: 'acme', file: accounts });
    await importReferences({ db, workspaceId: 'acme', file: references });
    await ingestTriggers({
      db,
      clock: systemClock,
      workspaceId: 'acme',
      source: 'import',
      events: many.map((i) => ({
        type: 'news' as const,
        title: `Account ${i} opened a plant`,
        account: { name: `Account ${i}` },
        occurredAt: new Date('2026-11-01T00:00:00Z'),
      })),
    });

    for (const table of ['accounts', 'references', 'trigger_events']) {
      const after = await tableStatistics(db, table);
      expect(after.rows, table).toBeGreaterThan(1_000);
      expect(after.columnsWithStatistics, table).toBeGreaterThan(3);
    }
  });

  it('are left alone after a small import', async () => {
    const file = path.join(dir, 'few.jsonl');
    await writeFile(file, `${JSON.stringify({ kind: 'tip', body: 'Lead with the SOC 2 report.' })}\n`);
    await earshot.importFiles({ workspaceId: 'acme', files: [file] });
    expect((await entriesStatistics(db)).columnsWithStatistics).toBe(0);
  });

  it('are refreshed by the periodic job only where many rows changed since they were gathered', async () => {
    await seedManyEntries(db, 'acme', 3_000);
    expect((await entriesStatistics(db)).rows).toBeLessThan(1_000);

    // The server flushes its change counters every few seconds; PGlite at once.
    let analyzed: string[] = [];
    for (let waited = 0; !analyzed.includes('entries') && waited < 20_000; waited += 500) {
      analyzed = await analyzeStaleTables(db);
      if (!analyzed.includes('entries')) await sleep(500);
    }
    expect(analyzed).toContain('entries');
    expect((await entriesStatistics(db)).rows).toBeGreaterThan(2_500);
    expect(await analyzeStaleTables(db)).not.toContain('entries');
  }, 40_000);
});
