/**
 * Console page-time benchmark: p50/p95 of every console page, fetched by a signed-in curator from
 * `earshot serve`'s HTTP server (an entry's page among them), at N entries on embedded PGlite with a few thousand questions, votes and
 * citations, N accounts, a few thousand trigger events with their alerts, reference customers with their
 * requests and digest subscriptions. Target: p95 ≤ 200 ms per page.
 *
 *   npm run bench:console [-- --entries 100000 --requests 40]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { SignInLinks } from '../src/console/sign-in-links.ts';
import { openDatabase } from '../src/db/database.ts';
import { createLogger } from '../src/logger.ts';
import { createEarshot, type Earshot, startServer } from '../src/main.ts';
import { writeSyntheticEntries } from './lib/ask-session-bundle.ts';
import { benchDatabase } from './lib/bench-database.ts';
import { peakRssMb, percentile, printReport, round } from './lib/report.ts';
import { syntheticQuestions } from './lib/synthetic-entries.ts';

const WORKSPACE = 'bench';
const CURATOR = 'curator@bench.test';
const TARGET_P95_MS = 200;
const QUESTIONS = 5000;
const WARM_UP = 3;

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const entries = Number(args.get('--entries') ?? 100_000);
const requests = Number(args.get('--requests') ?? 40);

const PAGES: Array<{ page: string; path: string }> = [
  { page: 'knowledge', path: '/console' },
  { page: 'knowledge, filtered', path: '/console?kind=tip&stage=decide' },
  {
    page: 'knowledge, searched',
    path: `/console?q=${encodeURIComponent(syntheticQuestions(1)[0] ?? 'pricing')}`,
  },
  { page: 'review', path: '/console/review' },
  { page: 'insight (30 days)', path: '/console/insight' },
  { page: 'insight (365 days)', path: '/console/insight?days=365' },
  { page: 'due for review', path: '/console/due' },
  { page: 'audit log', path: '/console/audit' },
  { page: 'accounts', path: '/console/accounts' },
  { page: 'accounts, searched', path: '/console/accounts?q=account%2004567' },
  { page: 'accounts, by owner', path: '/console/accounts?owner=rep7%40' },
  { page: 'triggers', path: '/console/triggers' },
  { page: 'triggers, unmatched', path: '/console/triggers?matched=unmatched' },
  { page: 'references', path: '/console/references' },
  { page: 'reference requests', path: '/console/references/requests' },
  { page: 'digests', path: '/console/digests' },
  { page: 'synonyms', path: '/console/synonyms' },
  // The first entry the seeded questions cite (see `seed`): a page with citations and votes.
  { page: 'an entry', path: `/console/entries/${1 + (7919 % entries)}` },
];
/** Pages whose address names a row the seed made: its id is read after seeding. */
const ROW_PAGES: Array<{ page: string; path: (ids: SeededIds) => string }> = [
  { page: 'reference, with history', path: (ids) => `/console/references/${ids.reference}` },
  { page: 'account, edit', path: (ids) => `/console/accounts/${ids.account}` },
  { page: 'digest, change', path: (ids) => `/console/digests/${ids.digest}` },
  { page: 'entry, edit', path: (ids) => `/console/entries/${ids.entry}/edit` },
];
const ACCOUNTS = entries;
const TRIGGERS = 5000;
const REFERENCES = 300;

interface SeededIds {
  reference: number;
  account: number;
  digest: number;
  entry: number;
}

await main();

async function main() {
  const database = await benchDatabase('pglite');
  const tmp = await mkdtemp(path.join(tmpdir(), 'earshot-console-bench-'));
  const earshot = await createEarshot({
    config: loadConfig({ LOG_LEVEL: 'silent', EARSHOT_DATA_DIR: '/nonexistent' }),
    logger: createLogger('silent'),
    db: await openDatabase(database.config),
  });
  const server = await startServer(earshot, { port: 0 });
  const origin = `http://127.0.0.1:${server.port}`;
  try {
    const seeding = performance.now();
    await seed(earshot, tmp);
    console.error(
      `seeded ${entries} entries and ${QUESTIONS} questions in ${round((performance.now() - seeding) / 1000)} s`,
    );
    const cookie = await signIn(earshot, origin);
    const ids = await seededIds(earshot);
    const rows: Array<Record<string, string | number>> = [];
    const pages = [...PAGES, ...ROW_PAGES.map(({ page, path: pathOf }) => ({ page, path: pathOf(ids) }))];
    for (const { page, path: pagePath } of pages) {
      const times: number[] = [];
      for (let i = 0; i < WARM_UP + requests; i += 1) {
        const started = performance.now();
        const response = await fetch(`${origin}${pagePath}`, { headers: { cookie } });
        const body = await response.text();
        if (response.status !== 200) throw new Error(`${pagePath}: ${response.status} ${body.slice(0, 300)}`);
        if (i >= WARM_UP) times.push(performance.now() - started);
      }
      rows.push({ page, p50Ms: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)) });
    }
    const worst = Math.max(...rows.map((row) => Number(row.p95Ms)));
    printReport(`Console page times at ${entries} entries on PGlite (${requests} requests per page)`, rows, {
      entries,
      requests,
      worstP95Ms: worst,
      targetP95Ms: TARGET_P95_MS,
      met: worst <= TARGET_P95_MS,
      peakRssMb: peakRssMb(),
    });
  } finally {
    await server.close();
    await earshot.close();
    await rm(tmp, { recursive: true, force: true });
    await database.dispose();
  }
}

/** The synthetic knowledge base, one entry in 200 waiting for review, and questions over the last 90 days. */
async function seed(earshot: Earshot, tmp: string) {
  const file = path.join(tmp, 'entries.jsonl');
  await writeSyntheticEntries(file, entries);
  await earshot.importFiles({ workspaceId: WORKSPACE, files: [file] });
  const { db } = earshot;
  await db.query(`UPDATE entries SET status = 'pending' WHERE workspace_id = $1 AND id % 200 = 0`, [
    WORKSPACE,
  ]);
  // Deterministic questions: a third unanswered (on 60 subjects), the rest citing up to three entries.
  await db.query(
    `INSERT INTO questions (workspace_id, text, platform, answered, source_ids, created_at)
     SELECT $1, 'What are you hearing about subject ' || (n % 60) || '?', 'slack', n % 3 <> 0,
       CASE WHEN n % 3 = 0 THEN '{}'::int[]
            ELSE ARRAY[1 + (n::bigint * 7919) % $2, 1 + (n::bigint * 104729) % $2, 1 + (n::bigint * 1299709) % $2]::int[] END,
       now() - ((n % 90) || ' days')::interval - ((n % 24) || ' hours')::interval
     FROM generate_series(1, $3) AS n`,
    [WORKSPACE, entries, QUESTIONS],
  );
  await db.query(
    `INSERT INTO question_feedback (question_id, user_id, helpful, created_at)
     SELECT id, 'U' || (id % 50), id % 2 = 0, created_at FROM questions WHERE id % 10 = 0`,
  );
  await seedNudgesAndReferences(earshot);
  await db.query('ANALYZE');
  await earshot.curators.add(WORKSPACE, { kind: 'email', id: CURATOR });
  // The first search builds the workspace's index; a long-running server has done that long before.
  await earshot.search.search({ workspaceId: WORKSPACE, query: 'warm up', limit: 1 });
}

/** Accounts with owners, trigger events (most matched, each matched one with its alert), references with requests, digests. */
async function seedNudgesAndReferences({ db }: Earshot) {
  await db.query(
    `INSERT INTO accounts (workspace_id, name, name_key, domain, industry, owner_email)
     SELECT $1, 'Account ' || lpad(i::text, 6, '0'), 'account ' || lpad(i::text, 6, '0'),
       'account' || i || '.com', 'Industry ' || (i % 20), 'rep' || (i % 200) || '@bench.test'
     FROM generate_series(1, $2::int) AS i`,
    [WORKSPACE, ACCOUNTS],
  );
  await db.query(
    `INSERT INTO trigger_events (workspace_id, type, title, url, occurred_at, account_name, account_id, dedupe_key, source)
     SELECT $1, (ARRAY['funding','exec_hire','job_change','expansion','news']::"TriggerType"[])[1 + i % 5],
       'Event ' || i, 'https://news.test/' || i, now() - (i || ' minutes')::interval, 'Account ' || i,
       CASE WHEN i % 10 = 0 THEN NULL ELSE (SELECT id FROM accounts WHERE workspace_id = $1 AND name_key = 'account ' || lpad((1 + i % $3)::text, 6, '0')) END,
       'bench-' || i, 'webhook'
     FROM generate_series(1, $2::int) AS i`,
    [WORKSPACE, TRIGGERS, ACCOUNTS],
  );
  await db.query(
    `INSERT INTO nudges (workspace_id, trigger_id, account_id, owner_email, status, due_at, sent_at, platform)
     SELECT t.workspace_id, t.id, t.account_id, 'rep' || (t.id % 200) || '@bench.test',
       (ARRAY['sent','pending','failed','dismissed']::"NudgeStatus"[])[1 + t.id % 4], t.occurred_at, t.occurred_at, 'slack'
     FROM trigger_events t WHERE t.workspace_id = $1 AND t.account_id IS NOT NULL`,
    [WORKSPACE],
  );
  await db.query(
    `INSERT INTO "references" (workspace_id, account, account_key, industry, products, use_cases, owner_email,
       max_requests_per_90_days, cooldown_days)
     SELECT $1, 'Reference ' || i, 'reference ' || i, 'Industry ' || (i % 20), ARRAY['Product ' || (i % 7)],
       ARRAY['use case ' || (i % 11)], 'csm' || (i % 30) || '@bench.test', 3, 14
     FROM generate_series(1, $2::int) AS i`,
    [WORKSPACE, REFERENCES],
  );
  await db.query(
    `INSERT INTO reference_requests (workspace_id, reference_id, platform, requested_by, status, created_at)
     SELECT r.workspace_id, r.id, 'slack', 'U' || (r.id * 10 + n), (ARRAY['pending','approved','declined','done']::"ReferenceRequestStatus"[])[1 + n % 4],
       now() - (n * 9 || ' days')::interval
     FROM "references" r CROSS JOIN generate_series(1, 10) AS n WHERE r.workspace_id = $1`,
    [WORKSPACE],
  );
  await db.query(
    `INSERT INTO digest_subscriptions (platform, workspace_id, conversation_id, weekday, time, time_zone, topics, created_by, scheduled_since)
     SELECT 'slack', $1, 'C' || i, i % 7, '09:00', 'Europe/Berlin', ARRAY[]::text[], 'U1', now()
     FROM generate_series(1, 20) AS i`,
    [WORKSPACE],
  );
}

async function seededIds({ db }: Earshot): Promise<SeededIds> {
  const first = async (table: string) =>
    (
      await db.query<{ id: number }>(`SELECT min(id)::int AS id FROM ${table} WHERE workspace_id = $1`, [
        WORKSPACE,
      ])
    )[0]?.id ?? 0;
  return {
    reference: await first('"references"'),
    account: await first('accounts'),
    digest: await first('digest_subscriptions'),
    entry: await first('entries'),
  };
}

/** A one-time link redeemed as the browser would, for the session cookie. */
async function signIn(earshot: Earshot, origin: string): Promise<string> {
  const token = await new SignInLinks(earshot).create({ organization: WORKSPACE, email: CURATOR });
  const response = await fetch(`${origin}/console/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ token }),
    redirect: 'manual',
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}
