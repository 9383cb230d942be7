/**
 * Digest benchmark: how long building one week's digest content takes, and the memory of the process
 * that builds it, with 100,000 entries in the workspace (10,000 of them from the digest's week), on
 * embedded PGlite and on the PostgreSQL server.
 *
 * For each backend this process seeds a new database with bulk inserts, then a second process (compiled,
 * run with the V8 flags bin/earshot.js sets, so its RSS is Earshot's and not the TypeScript loader's)
 * opens it and times the curators' digest (default caps), a reps' digest filtered to two topics, and the
 * uncapped digest `earshot digest show` prints:
 *   1. as loaded, without planner statistics: that is how Earshot leaves a PGlite database (PGlite has
 *      no autovacuum and Earshot never runs ANALYZE), and a server whose autovacuum has not run yet;
 *      the first digest of the process, then a few runs;
 *   2. after ANALYZE (timed): a warm-up, then `--runs` runs of each.
 *
 *   npm run bench:digest [-- --backends pglite,postgres --runs 30 --unanalyzed-runs 2]
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { V8_FLAGS } from '../bin/v8-flags.js';
import { type Database, type DatabaseConfig, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildDigest, type DigestRequest } from '../src/digest/build-digest.ts';
import type { Digest } from '../src/digest/digest.ts';
import { titleFromBody } from '../src/knowledge/entries/entry-title.ts';
import { BUYING_STAGES } from '../src/knowledge/entry.ts';
import { TRIGGER_TYPES } from '../src/nudges/triggers/trigger-types.ts';
import { loadBeir } from './lib/beir.ts';
import { type BenchBackend, benchDatabase, reachableBackends } from './lib/bench-database.ts';
import { readDiscoMessages } from './lib/disco-slack.ts';
import { percentile, printReport, round } from './lib/report.ts';
import { SyntheticChatter, seededRandom } from './lib/synthetic-chatter.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCIFACT_DIR = path.resolve(ROOT, '../shared/data/scifact');
const run = promisify(execFile);
/** The flags bin/earshot.js sets, so the measuring process is what `earshot` runs. */
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const MB = 1024 * 1024;

const WORKSPACE = 'bench';
/** A second workspace, so every query has rows of another tenant to skip. */
const OTHER_WORKSPACE = 'other';
const SIZES = {
  [WORKSPACE]: { entries: 100_000, inPeriod: 10_000, questions: 6_000, triggers: 400, accounts: 300 },
  [OTHER_WORKSPACE]: { entries: 20_000, inPeriod: 2_000, questions: 1_000, triggers: 100, accounts: 100 },
};
/** Older entries go back a year; questions and trigger events eight weeks. */
const HISTORY_DAYS = 365;
const ACTIVITY_DAYS = 56;
const REPS = 400;
const ACCOUNTS = 3_000;
const EXPERTS = 40;
const TOPICS = [
  'pricing',
  'security review',
  'competitor',
  'sso',
  'procurement',
  'renewal',
  'integration',
  'onboarding',
  'roadmap',
  'discount',
  'legal',
  'data residency',
  'api',
  'reporting',
  'migration',
  'budget',
  'champion',
  'implementation',
  'soc2',
  'mobile',
];
/** The reps' digest: one frequent topic and one mid-table, spelled as a person would type them. */
const REP_TOPICS = ['Pricing', 'SSO'];
const WARM_UP = 3;
const FULL_RUNS = 5;
const INSERT_BATCH = 5_000;

interface MeasureRequest {
  config: DatabaseConfig;
  to: string;
  runs: number;
  unanalyzedRuns: number;
}

type DigestKind = 'curators' | 'reps' | 'full';

interface Measured {
  /** By measurement key (see MEASUREMENTS), in ms. */
  timings: Record<string, number[]>;
  analyzeMs: number;
  rssOpenMb: number;
  rssPeakSampledMb: number;
  maxRssMb: number;
  shapes: Record<DigestKind, ReturnType<typeof digestShape>>;
  fullJsonKb: number;
}

/** Measurement key, planner statistics, what is timed. */
const MEASUREMENTS = [
  ['unanalyzed:first', 'none', "uncapped digest, first of the process ('digest show')"],
  ['unanalyzed:curators', 'none', "curators' digest (default caps)"],
  ['unanalyzed:reps', 'none', `reps' digest, topics ${REP_TOPICS.join(' + ')}`],
  ['curators', 'analyzed', "curators' digest (default caps)"],
  ['reps', 'analyzed', `reps' digest, topics ${REP_TOPICS.join(' + ')}`],
  ['full', 'analyzed', "uncapped curators' digest (limits 'full')"],
] as const;

if (process.argv[2] === '--measure') await measure(JSON.parse(process.argv[3] ?? '{}') as MeasureRequest);
else await main();

/** Parent: seeds a database per backend, has a fresh process measure it, reports. */
async function main() {
  const args = new Map<string, string>();
  for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
  const runs = Number(args.get('--runs') ?? 30);
  const unanalyzedRuns = Number(args.get('--unanalyzed-runs') ?? 2);
  const wanted = (args.get('--backends') ?? 'pglite,postgres').split(',') as BenchBackend[];
  const backends = await reachableBackends(wanted);

  const bundle = path.join(ROOT, 'dist/bench-digest.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'bench/digest.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  const texts = await loadTexts();
  console.log(`text: ${texts.source}`);
  // Whole hours, so the period is the same one in the seeding and the measuring process.
  const to = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const results: Result[] = [];
  try {
    for (const backend of backends) {
      const database = await benchDatabase(backend);
      try {
        const started = performance.now();
        const db = await openDatabase(database.config);
        try {
          await migrate(db);
          await seed(db, to, texts);
        } finally {
          await db.close();
        }
        const seedSeconds = (performance.now() - started) / 1000;
        console.log(`${backend}: seeded in ${round(seedSeconds)} s, measuring…`);
        const request: MeasureRequest = {
          config: database.config,
          to: to.toISOString(),
          runs,
          unanalyzedRuns,
        };
        const { stdout } = await run(
          process.execPath,
          [...V8_FLAGS, bundle, '--measure', JSON.stringify(request)],
          { cwd: ROOT, maxBuffer: 1 << 24 },
        );
        const measured = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Measured;
        results.push({ backend, seedSeconds, measured });
        for (const [kind, shape] of Object.entries(measured.shapes))
          console.log(`${backend}: ${kind} digest: ${describe(shape)}`);
        console.log(`${backend}: uncapped digest as JSON: ${measured.fullJsonKb} KB`);
      } finally {
        await database.dispose();
      }
    }
  } finally {
    await rm(bundle, { force: true });
  }
  report(results, runs);
}

interface Result {
  backend: BenchBackend;
  seedSeconds: number;
  measured: Measured;
}

function report(results: Result[], runs: number) {
  const rows = results.flatMap(({ backend, measured }) =>
    MEASUREMENTS.map(([key, statistics, measurement]) => {
      const values = measured.timings[key] ?? [];
      return {
        backend,
        statistics,
        measurement,
        n: values.length,
        p50Ms: round(percentile(values, 0.5)),
        p95Ms: round(percentile(values, 0.95)),
        maxMs: round(Math.max(...values)),
      };
    }),
  );
  const sizes = SIZES[WORKSPACE];
  printReport(
    `Digest content, ${sizes.entries.toLocaleString('en')} entries (${sizes.inPeriod.toLocaleString('en')} in the week); analyzed: ${runs} runs after ${WARM_UP} warm-up (uncapped: ${FULL_RUNS})`,
    rows,
    { benchmark: 'digest', entries: sizes.entries, inPeriod: sizes.inPeriod, runs, warmUp: WARM_UP },
  );

  const pglite = results.find((result) => result.backend === 'pglite')?.measured;
  const server = results.find((result) => result.backend === 'postgres')?.measured;
  const ratios = pglite && server ? serverVsPglite(server, pglite) : null;
  if (ratios) {
    console.log('\nserver / PGlite (below 1: the server is faster, or its client process smaller)');
    for (const [key, value] of Object.entries(ratios)) console.log(`  ${key.padEnd(24)} ${value}`);
  }

  const memory = results.map(({ backend, seedSeconds, measured }) => ({
    backend,
    seedS: round(seedSeconds),
    analyzeMs: round(measured.analyzeMs, 0),
    rssAfterOpenMb: measured.rssOpenMb,
    rssPeakSampledMb: measured.rssPeakSampledMb,
    maxRssMb: measured.maxRssMb,
  }));
  printReport('Seeding (s), ANALYZE (ms) and memory of the measuring process (MB)', memory, {
    benchmark: 'digest',
    entries: sizes.entries,
    inPeriod: sizes.inPeriod,
    runs,
    results: rows,
    memory,
    serverVsPglite: ratios,
  });
}

function serverVsPglite(server: Measured, pglite: Measured): Record<string, number | null> {
  const ratio = (key: string, fraction: number) => {
    const a = server.timings[key] ?? [];
    const b = pglite.timings[key] ?? [];
    return a.length && b.length ? round(percentile(a, fraction) / percentile(b, fraction), 2) : null;
  };
  return {
    // A percentile of one or two runs is just the slowest of them: only the median is compared.
    ...Object.fromEntries(
      MEASUREMENTS.flatMap(([key, statistics]) =>
        statistics === 'none'
          ? [[`${key} p50`, ratio(key, 0.5)]]
          : [
              [`${key} p50`, ratio(key, 0.5)],
              [`${key} p95`, ratio(key, 0.95)],
            ],
      ),
    ),
    maxRss: round(server.maxRssMb / pglite.maxRssMb, 2),
  };
}

function describe(shape: ReturnType<typeof digestShape>) {
  return Object.entries(shape)
    .map(([section, size]) => `${section} ${size}`)
    .join(', ');
}

/** Child: opens the seeded database and times digests; prints one JSON line. */
async function measure(request: MeasureRequest) {
  let peakRss = 0;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 5);
  sampler.unref();
  const to = new Date(request.to);
  const from = new Date(to.getTime() - WEEK);
  const db = await openDatabase(request.config);
  sample();
  const rssOpen = process.memoryUsage().rss;
  const base = { workspaceId: WORKSPACE, from, to };
  const requests: Record<DigestKind, DigestRequest> = {
    curators: { ...base, forCurators: true },
    reps: { ...base, forCurators: false, topics: REP_TOPICS },
    full: { ...base, forCurators: true, limits: 'full' },
  };
  const timings: Record<string, number[]> = {};
  const last: Partial<Record<DigestKind, Digest>> = {};
  const time = async (key: string, kind: DigestKind, times: number) => {
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      last[kind] = await buildDigest({ db, clock: { now: () => to } }, requests[kind]);
      const ms = performance.now() - started;
      sample();
      if (key) timings[key] = [...(timings[key] ?? []), ms];
    }
  };
  try {
    // What a one-shot `earshot digest show` pays: the first digest of a process, nothing cached yet.
    await time('unanalyzed:first', 'full', 1);
    await time('unanalyzed:curators', 'curators', request.unanalyzedRuns);
    await time('unanalyzed:reps', 'reps', request.unanalyzedRuns);

    const analyzeStarted = performance.now();
    await db.query('ANALYZE');
    const analyzeMs = performance.now() - analyzeStarted;
    for (const [kind, runs] of [
      ['curators', request.runs],
      ['reps', request.runs],
      ['full', FULL_RUNS],
    ] as const) {
      await time('', kind, WARM_UP);
      await time(kind, kind, runs);
    }
    const shape = (kind: DigestKind) => digestShape(last[kind] as Digest);
    const result: Measured = {
      timings,
      analyzeMs,
      rssOpenMb: round(rssOpen / MB, 0),
      rssPeakSampledMb: round(peakRss / MB, 0),
      maxRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
      shapes: { curators: shape('curators'), reps: shape('reps'), full: shape('full') },
      fullJsonKb: round(JSON.stringify(last.full).length / 1024, 0),
    };
    console.log(JSON.stringify(result));
  } finally {
    await db.close();
  }
}

/** Section sizes as shown/total, to check the digest had real work to do. */
function digestShape(digest: Digest) {
  const capped = (section: { items: unknown[]; more: number } | undefined) =>
    section ? `${section.items.length}/${section.items.length + section.more}` : '-';
  return {
    chatter: `${digest.chatter.entries} entries, ${digest.chatter.reps} reps, ${digest.chatter.accounts} accounts`,
    themes: capped(digest.themes),
    tips: capped(digest.tips),
    citedTips: capped(digest.citedTips),
    research: capped(digest.research),
    triggers: capped(digest.triggers),
    unanswered: capped(digest.gaps?.unanswered),
    notHelpful: capped(digest.gaps?.notHelpful),
    reviewQueue: digest.gaps?.reviewQueueSize ?? '-',
    contributors: capped(digest.contributors),
  };
}

interface Texts {
  source: string;
  /** Chat messages, for chatter (the title is derived from the text, as capture does). */
  chat: string[];
  /** Titled documents, for research. */
  papers: Array<{ title: string; text: string }>;
}

/**
 * Real text where ../shared/data has it: Slack messages (disco-slack, developer chat) for chatter and
 * scientific abstracts (SciFact) for research; generated sales text for tips and expert notes, and for
 * everything when the data sets are missing.
 */
async function loadTexts(): Promise<Texts> {
  const chat = await readDiscoMessages(Number.POSITIVE_INFINITY).then(
    (messages) => messages.map((message) => message.text),
    () => [],
  );
  const papers = await loadBeir(SCIFACT_DIR, 'test').then(
    (dataset) => dataset.corpus.filter((doc) => doc.title && doc.text),
    () => [],
  );
  return {
    source: `${chat.length ? `${chat.length} disco-slack messages` : 'generated text'} for chatter, ${
      papers.length ? `${papers.length} SciFact abstracts` : 'generated text'
    } for research, generated sales text for tips and expert notes`,
    chat,
    papers,
  };
}

interface EntryRow {
  externalId: string | null;
  kind: string;
  title: string;
  body: string;
  url: string | null;
  channel: string | null;
  author: string | null;
  account: string | null;
  contributor: string | null;
  topics: string[];
  stage: string | null;
  status: string;
  audience: string | null;
  createdAt: Date;
}

/** Both workspaces: entries, accounts, trigger events, questions and feedback, in bulk inserts. */
async function seed(db: Database, to: Date, texts: Texts) {
  const from = new Date(to.getTime() - WEEK);
  await db.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Bench'), ($2, 'Other')`, [
    WORKSPACE,
    OTHER_WORKSPACE,
  ]);
  let seedNumber = 1;
  for (const [workspaceId, sizes] of Object.entries(SIZES)) {
    const random = seededRandom(seedNumber++);
    const chatter = new SyntheticChatter(seedNumber++);
    const topicOf = zipf(TOPICS.length, 1.0, random);
    const repOf = zipf(REPS, 0.8, random);
    const textAt = (i: number) => texts.chat[i % texts.chat.length];
    const rows: EntryRow[] = [];
    for (let i = 0; i < sizes.entries; i++) {
      const inPeriod = i >= sizes.entries - sizes.inPeriod;
      const createdAt = inPeriod
        ? new Date(from.getTime() + random() * WEEK)
        : new Date(from.getTime() - random() * HISTORY_DAYS * DAY);
      const roll = random();
      const kind = roll < 0.85 ? 'chatter' : roll < 0.92 ? 'tip' : roll < 0.97 ? 'research' : 'expert';
      const tagged = random() < (kind === 'chatter' ? 0.7 : kind === 'research' ? 0.6 : 0.8);
      const topics = tagged
        ? [
            ...new Set(
              Array.from({ length: random() < 0.75 ? 1 : 2 }, () => spell(TOPICS[topicOf()], random)),
            ),
          ]
        : [];
      const generated = chatter.doc(i);
      const statusRoll = random();
      // Curators keep up with the queue: what still waits for review is mostly recent.
      const pending = inPeriod ? 0.05 : 0.005;
      const status =
        statusRoll < pending ? 'pending' : statusRoll < pending + 0.01 ? 'archived' : 'published';
      const audience = random() < 0.02 ? `G0PRIVATE${Math.floor(random() * 20)}` : null;
      const stage = random() < 0.4 ? (BUYING_STAGES[Math.floor(random() * 4)] ?? null) : null;
      if (kind === 'chatter') {
        const body = textAt(i) ?? generated.body;
        const captured = random() < 0.15;
        rows.push({
          externalId: null,
          kind,
          title: titleFromBody(body) || 'Untitled note',
          body,
          url: random() < 0.5 ? `https://crm.example.com/notes/${workspaceId}-${i}` : null,
          channel: captured || audience ? (audience ?? `C0SALES${Math.floor(random() * 12)}`) : null,
          author: captured ? null : `Rep ${repOf()}`,
          account: random() < 0.8 ? `Account ${Math.floor(random() * ACCOUNTS)}` : null,
          contributor: captured ? `U0REP${repOf()}` : null,
          topics,
          stage,
          status,
          audience,
          createdAt,
        });
      } else {
        const paper = kind === 'research' ? texts.papers[i % Math.max(1, texts.papers.length)] : undefined;
        const body = paper?.text ?? generated.body;
        rows.push({
          externalId: `${kind}-${i}`,
          kind,
          title: paper?.title ?? (generated.title || titleFromBody(body)),
          body,
          url: random() < 0.7 ? `https://wiki.example.com/${kind}/${i}` : null,
          channel: null,
          author: kind === 'research' && random() < 0.5 ? null : `Expert ${Math.floor(random() * EXPERTS)}`,
          account: null,
          contributor: `U0CURATOR${Math.floor(random() * 5)}`,
          topics,
          stage,
          status,
          audience,
          createdAt,
        });
      }
    }
    await db.transaction(async (session) => {
      for (let start = 0; start < rows.length; start += INSERT_BATCH)
        await insertEntries(session, workspaceId, rows.slice(start, start + INSERT_BATCH));
    });

    // Questions cite what answered them; shareable tips are cited often, the popular ones most.
    const tips = await db.query<{ id: number }>(
      `SELECT id FROM entries WHERE workspace_id = $1 AND kind = 'tip' AND status = 'published' AND audience IS NULL ORDER BY id`,
      [workspaceId],
    );
    const [range] = await db.query<{ low: number; high: number }>(
      'SELECT min(id) AS low, max(id) AS high FROM entries WHERE workspace_id = $1',
      [workspaceId],
    );
    const tipOf = zipf(tips.length, 1.0, random);
    const anyEntry = () =>
      (range?.low ?? 1) + Math.floor(random() * ((range?.high ?? 1) - (range?.low ?? 1)));
    const questions = Array.from({ length: sizes.questions }, () => {
      const answered = random() < 0.8;
      const cited = answered
        ? [
            ...new Set([
              ...(random() < 0.4 ? [tips[tipOf()]?.id ?? anyEntry()] : []),
              ...Array.from({ length: 1 + Math.floor(random() * 3) }, anyEntry),
            ]),
          ]
        : [];
      return {
        text: chatter.query(),
        askedBy: `U0REP${repOf()}`,
        platform: random() < 0.7 ? 'slack' : 'teams',
        answered,
        sourceIds: cited,
        createdAt: new Date(to.getTime() - random() * ACTIVITY_DAYS * DAY),
      };
    });
    await db.query(
      `INSERT INTO questions (workspace_id, text, asked_by, platform, answered, source_ids, created_at)
       SELECT $1, t, a, p, ans, string_to_array(s, ',')::int[], c::timestamptz
       FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[]) AS q(t, a, p, ans, s, c)`,
      [
        workspaceId,
        questions.map((q) => q.text),
        questions.map((q) => q.askedBy),
        questions.map((q) => q.platform),
        questions.map((q) => q.answered),
        questions.map((q) => q.sourceIds.join(',')),
        questions.map((q) => q.createdAt.toISOString()),
      ],
    );

    // About one answer in seven gets votes, most of them "not helpful" (people vote when it went wrong).
    const asked = await db.query<{ id: number; created_at: Date | string }>(
      'SELECT id, created_at FROM questions WHERE workspace_id = $1 AND answered ORDER BY id',
      [workspaceId],
    );
    const votes = asked.flatMap((question) =>
      random() < 0.15
        ? Array.from({ length: 1 + Math.floor(random() * 3) }, (_, voter) => ({
            questionId: question.id,
            userId: `U0VOTER${voter}`,
            helpful: random() < 0.4,
            createdAt: new Date(new Date(question.created_at).getTime() + random() * DAY),
          }))
        : [],
    );
    await db.query(
      `INSERT INTO question_feedback (question_id, user_id, helpful, created_at)
       SELECT q, u, h, c::timestamptz FROM unnest($1::int[], $2::text[], $3::boolean[], $4::text[]) AS f(q, u, h, c)`,
      [
        votes.map((vote) => vote.questionId),
        votes.map((vote) => vote.userId),
        votes.map((vote) => vote.helpful),
        votes.map((vote) => vote.createdAt.toISOString()),
      ],
    );

    // Accounts, and buying triggers at them (some at accounts nobody imported).
    await db.query(
      `INSERT INTO accounts (workspace_id, name, name_key, domain, industry, owner_email)
       SELECT $1, 'Account ' || n, 'account ' || n, 'account' || n || '.example',
              (ARRAY['Healthcare', 'Manufacturing', 'Logistics', 'Retail'])[1 + n % 4], 'owner' || n % 50 || '@seller.example'
       FROM generate_series(0, $2::int - 1) AS n`,
      [workspaceId, sizes.accounts],
    );
    const accounts = await db.query<{ id: number; name: string; domain: string }>(
      'SELECT id, name, domain FROM accounts WHERE workspace_id = $1 ORDER BY id',
      [workspaceId],
    );
    const events = Array.from({ length: sizes.triggers }, (_, i) => {
      const type = TRIGGER_TYPES[i % TRIGGER_TYPES.length] as string;
      const account = random() < 0.7 ? accounts[Math.floor(random() * accounts.length)] : undefined;
      return {
        type,
        title: `${account?.name ?? `Prospect ${i}`}: ${type.replace('_', ' ')} reported`,
        url: random() < 0.8 ? `https://news.example.com/${workspaceId}/${i}` : null,
        occurredAt: new Date(to.getTime() - random() * ACTIVITY_DAYS * DAY).toISOString(),
        accountName: account?.name ?? `Prospect ${i}`,
        accountDomain: account?.domain ?? null,
        accountId: account?.id ?? null,
        dedupeKey: `event-${i}`,
      };
    });
    await db.query(
      `INSERT INTO trigger_events (workspace_id, type, title, url, occurred_at, account_name, account_domain, account_id, dedupe_key, source)
       SELECT $1, ty::"TriggerType", ti, u, o::timestamptz, an, ad, ai, dk, 'webhook'
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[])
            AS e(ty, ti, u, o, an, ad, ai, dk)`,
      [
        workspaceId,
        events.map((event) => event.type),
        events.map((event) => event.title),
        events.map((event) => event.url),
        events.map((event) => event.occurredAt),
        events.map((event) => event.accountName),
        events.map((event) => event.accountDomain),
        events.map((event) => event.accountId),
        events.map((event) => event.dedupeKey),
      ],
    );
  }
}

async function insertEntries(
  session: Pick<Database, 'query'>,
  workspaceId: string,
  rows: EntryRow[],
): Promise<void> {
  const column = <T>(pick: (row: EntryRow) => T) => rows.map(pick);
  await session.query(
    `INSERT INTO entries (workspace_id, external_id, kind, title, body, source_url, source_channel, source_author,
                          source_account, contributor, topics, stage, status, audience, created_at, updated_at)
     SELECT $1, x, k::"EntryKind", t, b, u, ch, au, ac, co, string_to_array(tp, '|'), st::"BuyingStage",
            s::"EntryStatus", aud, c::timestamptz, c::timestamptz
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                 $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
          AS r(x, k, t, b, u, ch, au, ac, co, tp, st, s, aud, c)`,
    [
      workspaceId,
      column((row) => row.externalId),
      column((row) => row.kind),
      column((row) => row.title),
      column((row) => row.body),
      column((row) => row.url),
      column((row) => row.channel),
      column((row) => row.author),
      column((row) => row.account),
      column((row) => row.contributor),
      column((row) => row.topics.join('|')),
      column((row) => row.stage),
      column((row) => row.status),
      column((row) => row.audience),
      column((row) => row.createdAt.toISOString()),
    ],
  );
}

/** A topic as people tag it: mostly lower case, sometimes capitalized or shouted. */
function spell(topic: string | undefined, random: () => number): string {
  const word = topic ?? 'other';
  const roll = random();
  if (roll < 0.08) return word.toUpperCase();
  if (roll < 0.2) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** A sampler of ranks 0..n-1, rank r with weight 1/(r+1)^s. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(Math.max(1, n));
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / (rank + 1) ** s;
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = Math.max(0, n - 1);
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}
