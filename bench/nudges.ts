/**
 * Nudges benchmark against a real Earshot server on loopback, Slack's Web API played by the fake:
 *   1. one POST /hooks/triggers with 1,000 events for 1,000 accounts of 50 owners (10,000 entries in the
 *      workspace); times each alert from the start of the POST until the fake Slack receives its DM;
 *   2. the reference check over 500 references: the core check, and `/earshot references …` over signed HTTP.
 * Quiet hours are off so every alert is due at once.
 *
 *   npm run bench:nudges [-- postgres]
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { createLogger } from '../src/logger.ts';
import { createEarshot, type Earshot, startServer } from '../src/main.ts';
import { writeAccounts } from '../src/nudges/accounts/import-accounts.ts';
import { writeReferences } from '../src/nudges/references/import-references.ts';
import { startFakeSlackApi } from '../test/helpers/slack/fake-slack-api.ts';
import { postToSlackEndpoint } from '../test/helpers/slack/sign-slack-request.ts';
import { SLACK_IDS } from '../test/helpers/slack/slack-ids.ts';
import { slashCommandBody } from '../test/helpers/slack/slack-interaction-payloads.ts';
import { type BenchBackend, benchDatabase } from './lib/bench-database.ts';
import { peakRssMb, percentile, printReport, round } from './lib/report.ts';
import { syntheticJsonl } from './lib/synthetic-entries.ts';

const WORKSPACE = SLACK_IDS.workspaceId;
const ENTRIES = 10_000;
const EVENTS = 1_000;
const OWNERS = 50;
const REFERENCES = 500;
const CHECKS = 200;
const TOKEN = 'bench-webhook-token-0123456789abcdef';
const SIGNING_SECRET = 'bench-signing-secret';
const INDUSTRIES = [
  'Healthcare',
  'Manufacturing',
  'Logistics',
  'Retail',
  'Financial Services',
  'Energy',
  'Software',
  'Education',
];
const PRODUCTS = [
  'AP automation',
  'Virtual cards',
  'Payments',
  '3-way match',
  'SAP connector',
  'NetSuite connector',
];
const CRITERIA = [
  'healthcare',
  'manufacturing sap',
  'virtual cards',
  'logistics payments',
  'retail',
  'education netsuite',
  '',
];

const backend = (process.argv[2] ?? 'pglite') as BenchBackend;
await main();
process.exit(process.exitCode ?? 0);

async function main() {
  const database = await benchDatabase(backend);
  const users = Object.fromEntries(
    Array.from({ length: OWNERS }, (_, i) => [
      `U0OWNER${i}`,
      { email: `owner${i}@seller.example`, tz: 'UTC' },
    ]),
  );
  const dmAt = new Map<string, number[]>();
  const slack = await startFakeSlackApi({ users, onlyConfiguredEmails: true });
  slack.respond('chat.postMessage', (call, defaultReply) => {
    const channel = String(call.args.channel);
    dmAt.set(channel, [...(dmAt.get(channel) ?? []), performance.now()]);
    return defaultReply();
  });
  const earshot = await createEarshot({
    config: loadConfig({
      LOG_LEVEL: 'silent',
      EARSHOT_WEBHOOK_TOKEN: TOKEN,
      EARSHOT_QUIET_HOURS: 'off',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
    }),
    logger: createLogger('silent'),
    db: await openDatabase(database.config),
  });
  const server = await startServer(earshot, { port: 0 });
  const base = `http://127.0.0.1:${server.port}`;
  try {
    await seed(earshot);
    // The first search builds the workspace's index; a long-running server has done that long before.
    await earshot.search.search({ workspaceId: WORKSPACE, query: 'warm up', limit: 1 });

    const started = performance.now();
    const response = await fetch(`${base}/hooks/triggers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workspace: WORKSPACE, events: events() }),
    });
    const accepted = (await response.json()) as { alertsQueued?: number };
    const webhookMs = performance.now() - started;
    if (response.status !== 202 || accepted.alertsQueued !== EVENTS)
      throw new Error(`webhook: ${JSON.stringify(accepted)}`);
    while ([...dmAt.values()].flat().length < EVENTS) {
      if (performance.now() - started > 300_000) throw new Error('alerts took over 5 minutes');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const latencies = [...dmAt.values()].flat().map((at) => at - started);

    const checkMs: number[] = [];
    for (let i = 0; i < CHECKS; i++) {
      const t = performance.now();
      await earshot.references.check({ workspaceId: WORKSPACE, criteria: CRITERIA[i % CRITERIA.length] });
      checkMs.push(performance.now() - t);
    }
    const commandMs: number[] = [];
    for (let i = 0; i < CHECKS; i++) {
      const t = performance.now();
      const reply = await postToSlackEndpoint(`${base}/slack/events`, {
        body: slashCommandBody({ text: `references ${CRITERIA[i % CRITERIA.length]}`.trim() }),
        signingSecret: SIGNING_SECRET,
        contentType: 'application/x-www-form-urlencoded',
      });
      if (reply.status !== 200) throw new Error(`/earshot references answered ${reply.status}`);
      commandMs.push(performance.now() - t);
    }

    const rows = [
      row(`webhook POST with ${EVENTS} events (202)`, [webhookMs]),
      row(`webhook start → DM received (${EVENTS} alerts)`, latencies),
      row(`reference check, core (${REFERENCES} references)`, checkMs),
      row('/earshot references over signed HTTP', commandMs),
    ];
    printReport(`Nudges on ${backend} (${ENTRIES} entries, ${EVENTS} events, ${OWNERS} owners)`, rows, {
      backend,
      webhookMs: round(webhookMs),
      alertP50Ms: round(percentile(latencies, 0.5)),
      alertP95Ms: round(percentile(latencies, 0.95)),
      alertsPerSecond: round(EVENTS / (Math.max(...latencies) / 1000)),
      checkP95Ms: round(percentile(checkMs, 0.95), 2),
      commandP95Ms: round(percentile(commandMs, 0.95), 2),
      peakRssMb: peakRssMb(),
    });
  } finally {
    await server.close();
    await earshot.close();
    await slack.close();
    await database.dispose();
  }
}

function row(measurement: string, values: number[]) {
  return {
    measurement,
    n: values.length,
    p50Ms: round(percentile(values, 0.5)),
    p95Ms: round(percentile(values, 0.95)),
    maxMs: round(Math.max(...values)),
  };
}

function events() {
  return Array.from({ length: EVENTS }, (_, i) => ({
    type: (['funding', 'exec_hire', 'job_change', 'expansion', 'news'] as const)[i % 5],
    account: { domain: `account${i}.example` },
    title: `Account ${i} ${['raised a Series B', 'hired a new CFO', 'lost its champion', 'opened a new office', 'was in the news'][i % 5]}`,
    url: `https://news.example.com/${i}`,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  }));
}

async function seed(earshot: Earshot) {
  const tmp = await mkdtemp(path.join(tmpdir(), 'earshot-nudges-bench-'));
  const file = path.join(tmp, 'entries.jsonl');
  const out = createWriteStream(file);
  for (const line of syntheticJsonl(ENTRIES)) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await finished(out);
  await earshot.importFiles({ workspaceId: WORKSPACE, files: [file] });
  await writeAccounts({
    db: earshot.db,
    clock: earshot.clock,
    workspaceId: WORKSPACE,
    accounts: Array.from({ length: EVENTS }, (_, i) => ({
      name: `Account ${i}`,
      domain: `account${i}.example`,
      industry: INDUSTRIES[i % INDUSTRIES.length],
      ownerEmail: `owner${i % OWNERS}@seller.example`,
    })),
  });
  await writeReferences({
    db: earshot.db,
    workspaceId: WORKSPACE,
    references: Array.from({ length: REFERENCES }, (_, i) => ({
      account: `Reference ${i}`,
      industry: INDUSTRIES[i % INDUSTRIES.length] as string,
      products: [PRODUCTS[i % PRODUCTS.length] as string, PRODUCTS[(i * 7) % PRODUCTS.length] as string],
      useCases: ['invoice capture', 'approval routing'],
      ownerEmail: `owner${i % OWNERS}@seller.example`,
      maxRequestsPer90Days: 3,
      cooldownDays: 14,
      status: i % 10 === 0 ? ('paused' as const) : ('active' as const),
      pausedReason: i % 10 === 0 ? 'open service issue' : undefined,
    })),
  });
}
