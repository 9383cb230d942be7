/**
 * Slack benchmark against a real Earshot server on loopback, its Web API calls going to a fake Slack:
 *  0. ack latency of a real `earshot serve` process with 100,000 entries (--entries): during the first
 *     10 s after it starts listening (index warm-up), and at 50 events/s while 5 questions/s are answered;
 *  1. ack latency of signed app_mention events at a steady 50 events/s (1,000 entries in the workspace);
 *  2. capture throughput: real Slack messages (../shared/data/disco-slack) replayed into a watched channel;
 *  3. mention to posted answer (the chat.update carrying it), with 10,000 entries in the workspace;
 *  4. follow-up: a reply without a mention in the thread of an answer to its answer (thread state read,
 *     question rewritten, answered, state stored), with the same 10,000 entries.
 *
 *   npm run bench:slack [-- --entries 10000 --events 5000 --phases serve,ack,capture,answer,followup]
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { classifyMessage } from '../src/knowledge/capture/classify-message.ts';
import { createLogger } from '../src/logger.ts';
import { createEarshot, type Earshot, startServer } from '../src/main.ts';
import { APOLOGY } from '../src/slack/slack-context.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../test/helpers/slack/fake-slack-api.ts';
import { postToSlackEndpoint } from '../test/helpers/slack/sign-slack-request.ts';
import {
  appMention,
  eventCallbackBody,
  messageEvent,
  nextSlackTs,
  SLACK_IDS,
  slashCommandBody,
} from '../test/helpers/slack/slack-payloads.ts';
import { benchDatabase } from './lib/bench-database.ts';
import { readDiscoMessages } from './lib/disco-slack.ts';
import { peakRssMb, percentile, printReport, round } from './lib/report.ts';
import { measureServeAcks } from './lib/serve-acks.ts';
import { syntheticJsonl, syntheticQuestions } from './lib/synthetic-entries.ts';

const SIGNING_SECRET = 'bench-secret-123';
const WORKSPACE = SLACK_IDS.workspaceId;
const ACK_RATE = 50;
const ACK_SECONDS = 10;
const CAPTURE_CONCURRENCY = 20;
const ASK_MENTIONS = 100;
const FOLLOW_UPS = 50;
/** Follow-ups as reps write them: narrowing, switching, more recent, pointing back. */
const FOLLOW_UP_REPLIES = [
  'and in healthcare?',
  'what about for enterprise deals?',
  'any more recent?',
  'and their pricing?',
];
const TARGETS = { ackP99Ms: 100, captureEventsPerSec: 200 };
/**
 * Phase 0 on this branch's starting commit (index built by the first question, on the event loop;
 * no planner statistics), same machine, 100k entries: the figures the ratios compare with.
 */
const BEFORE = { startupAckP99Ms: 49_642, loadAckP99Ms: 11_133 };

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const maxEvents = Number(args.get('--events') ?? 5000);
const serveEntries = Number(args.get('--entries') ?? 100_000);
const phases = new Set((args.get('--phases') ?? 'serve,ack,capture,answer,followup').split(','));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await main();

async function main() {
  const tmp = await mkdtemp(path.join(tmpdir(), 'earshot-slack-bench-'));
  const database = await benchDatabase('pglite');
  const fake = await startFakeSlackApi();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.url,
    LOG_LEVEL: 'silent',
  };
  // Phase 0 first, in a process of its own, before this process starts a server of its own.
  const serve = phases.has('serve')
    ? await measureServeAcks({
        entries: serveEntries,
        fake,
        signingSecret: SIGNING_SECRET,
        seconds: ACK_SECONDS,
        rate: ACK_RATE,
        questionsPerSec: 5,
      })
    : undefined;
  const earshot = await createEarshot({
    config: loadConfig(env),
    logger: createLogger('silent'),
    db: await openDatabase(database.config),
  });
  const server = await startServer(earshot, { port: 0 });
  const url = `http://127.0.0.1:${server.port}/slack/events`;
  const post = (body: string) => postToSlackEndpoint(url, { body, signingSecret: SIGNING_SECRET });
  try {
    const rows: Array<Record<string, string | number>> = [];
    if (serve) {
      rows.push(
        {
          measurement: `serve: ack, first ${ACK_SECONDS} s after listening, 5 questions/s (${serveEntries / 1000}k, warm-up)`,
          events: serve.startup.sent,
          p50Ms: serve.startup.p50Ms,
          'p99/p95Ms': serve.startup.p99Ms,
          rate: `${ACK_RATE}/s`,
          note: `max ${serve.startup.maxMs} ms, /healthz max ${serve.startup.healthzMaxMs} ms, non-200: ${serve.startup.failed}`,
        },
        {
          measurement: `serve: ack at ${ACK_RATE}/s, 5 questions/s answered (${serveEntries / 1000}k)`,
          events: serve.load.sent,
          p50Ms: serve.load.p50Ms,
          'p99/p95Ms': serve.load.p99Ms,
          rate: `${ACK_RATE}/s`,
          note: `max ${serve.load.maxMs} ms, /healthz max ${serve.load.healthzMaxMs} ms, non-200: ${serve.load.failed}`,
        },
      );
    }
    await importSynthetic(earshot, tmp, 1_000);
    // Two seconds at the same rate first, not measured: index build, JIT and connection warm-up
    // (their acks are reported apart as coldAck).
    const coldAck = phases.has('ack') ? await measureAck(post, fake, 2, 'WARM') : undefined;
    const ack = phases.has('ack') ? await measureAck(post, fake) : undefined;
    const capture = phases.has('capture') ? await measureCapture(post, earshot) : undefined;
    if (phases.has('answer') || phases.has('followup')) await importSynthetic(earshot, tmp, 10_000);
    const answer = phases.has('answer') ? await measureAnswers(post, fake) : undefined;
    const followUp = phases.has('followup') ? await measureFollowUps(post, fake) : undefined;
    if (coldAck && ack) {
      rows.push(
        {
          measurement: 'ack latency, first 2 s after start (cold)',
          events: coldAck.sent,
          p50Ms: coldAck.p50Ms,
          'p99/p95Ms': coldAck.p99Ms,
          rate: `${coldAck.achievedPerSec}/s sent`,
          note: `non-200: ${coldAck.failed}`,
        },
        {
          measurement: 'ack latency (app_mention, 50/s, 1k entries)',
          events: ack.sent,
          p50Ms: ack.p50Ms,
          'p99/p95Ms': ack.p99Ms,
          rate: `${ack.achievedPerSec}/s sent`,
          note: `non-200: ${ack.failed}`,
        },
      );
    }
    if (capture) {
      rows.push({
        measurement: 'capture (disco-slack messages, 20 in flight)',
        events: capture.sent,
        p50Ms: '-',
        'p99/p95Ms': '-',
        rate: `${capture.eventsPerSec} events/s`,
        note: `kept ${capture.kept}, noise ${capture.noise}, merged ${capture.merged}, lost ${capture.lost}`,
      });
    }
    if (answer) {
      rows.push({
        measurement: 'mention to chat.update answer (10k entries)',
        events: answer.sent,
        p50Ms: answer.p50Ms,
        'p99/p95Ms': answer.p95Ms,
        rate: '-',
        note: `first ${answer.firstAnswerMs} ms, apologies ${answer.apologies}`,
      });
    }
    if (followUp) {
      rows.push({
        measurement: 'thread reply (no mention) to chat.update follow-up answer (10k entries)',
        events: followUp.sent,
        p50Ms: followUp.p50Ms,
        'p99/p95Ms': followUp.p95Ms,
        rate: '-',
        note: `apologies ${followUp.apologies}`,
      });
    }
    printReport('Slack over loopback HTTP: ack latency, capture throughput, mention to answer', rows, {
      benchmark: 'slack',
      serve,
      coldAck,
      ack,
      capture,
      answer,
      followUp,
      peakRssMb: peakRssMb(),
      targets: TARGETS,
      before: BEFORE,
      ratios: {
        serveStartupAckP99: serve ? round(serve.startup.p99Ms / TARGETS.ackP99Ms, 2) : undefined,
        serveLoadAckP99: serve ? round(serve.load.p99Ms / TARGETS.ackP99Ms, 2) : undefined,
        serveStartupAckP99VsBefore:
          serve && BEFORE.startupAckP99Ms
            ? round(serve.startup.p99Ms / BEFORE.startupAckP99Ms, 3)
            : undefined,
        serveLoadAckP99VsBefore:
          serve && BEFORE.loadAckP99Ms ? round(serve.load.p99Ms / BEFORE.loadAckP99Ms, 3) : undefined,
        ackP99: ack ? round(ack.p99Ms / TARGETS.ackP99Ms, 2) : undefined,
        captureThroughput: capture ? round(capture.eventsPerSec / TARGETS.captureEventsPerSec, 2) : undefined,
      },
      met: {
        serveStartupAckP99: serve ? serve.startup.p99Ms < TARGETS.ackP99Ms : undefined,
        serveLoadAckP99: serve ? serve.load.p99Ms < TARGETS.ackP99Ms : undefined,
        ackP99: ack ? ack.p99Ms < TARGETS.ackP99Ms : undefined,
        captureThroughput: capture ? capture.eventsPerSec >= TARGETS.captureEventsPerSec : undefined,
        noEventLost: capture ? capture.lost === 0 : undefined,
        noDuplicates: capture
          ? capture.duplicateExternalIds === 0 && capture.repeatedContentHashes === 0
          : undefined,
      },
    });
  } finally {
    await server.close();
    await fake.close();
    await earshot.close();
    await database.dispose();
    await rm(tmp, { recursive: true, force: true });
  }
}

type Post = (body: string) => ReturnType<typeof postToSlackEndpoint>;

async function importSynthetic(earshot: Earshot, tmp: string, count: number) {
  const file = path.join(tmp, `entries-${count}.jsonl`);
  const out = createWriteStream(file);
  for (const line of syntheticJsonl(count)) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await finished(out);
  await earshot.importFiles({ workspaceId: WORKSPACE, files: [file] });
}

/** 1. Signed mentions on a timer schedule (not back to back); time to the HTTP response of each. */
async function measureAck(post: Post, fake: FakeSlackApi, seconds = ACK_SECONDS, label = 'ACK') {
  const total = ACK_RATE * seconds;
  const questions = syntheticQuestions(total, 11);
  const updatesBefore = fake.callsTo('chat.update').length;
  const durations: number[] = [];
  const perSecondMax = Array.from({ length: seconds }, () => 0);
  let failed = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / ACK_RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const body = eventCallbackBody(
      appMention({ text: `<@${SLACK_IDS.botUserId}> ${questions[i]}`, ts: nextSlackTs() }),
      { eventId: `Ev${label}${String(i).padStart(6, '0')}` },
    );
    const sent = performance.now();
    pending.push(
      post(body).then((response) => {
        const ms = performance.now() - sent;
        durations.push(ms);
        const second = Math.floor(i / ACK_RATE);
        perSecondMax[second] = Math.max(perSecondMax[second] ?? 0, ms);
        if (response.status !== 200) failed += 1;
      }),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  // Let the answers to these mentions finish, so they don't weigh on the next measurement.
  await waitUntil(() => fake.callsTo('chat.update').length >= updatesBefore + total, 120_000);
  return {
    sent: total,
    failed,
    achievedPerSec: round(total / elapsed, 1),
    p50Ms: round(percentile(durations, 0.5)),
    p99Ms: round(percentile(durations, 0.99)),
    maxMs: round(Math.max(...durations)),
    /** Slowest ack among the events sent in each second: shows whether slowness is a start-up cost. */
    perSecondMaxMs: perSecondMax.map((ms) => round(ms, 0)),
  };
}

/** 2. `/earshot watch`, then real Slack messages replayed into the channel, 20 in flight. */
async function measureCapture(post: Post, earshot: Earshot) {
  const channel = 'C_FIELD';
  const watched = await post(slashCommandBody({ text: 'watch', channel_id: channel, channel_name: 'field' }));
  const where = { platform: 'slack' as const, workspaceId: WORKSPACE, conversationId: channel };
  if (watched.status !== 200 || !(await earshot.watched.isWatched(where))) {
    throw new Error(`/earshot watch failed: ${watched.status} ${watched.text}`);
  }
  const messages = await readDiscoMessages(maxEvents);
  const noise = messages.filter((message) => classifyMessage(message.text) === 'noise').length;
  const processedBefore = await countProcessed();
  const entriesBefore = await countCaptured(channel);

  let next = 0;
  let failed = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < messages.length) {
      const i = next;
      next += 1;
      const message = messages[i];
      if (!message) continue;
      const ts = `${message.seconds}.${String(i).padStart(6, '0')}`;
      const body = eventCallbackBody(messageEvent({ channel, user: message.user, text: message.text, ts }), {
        eventId: `EvCAP${String(i).padStart(7, '0')}`,
      });
      const response = await post(body);
      if (response.status !== 200) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: CAPTURE_CONCURRENCY }, worker));
  const sentSeconds = (performance.now() - start) / 1000;

  // Done: every event claimed, and the entry count unchanged for 1 s.
  let processed = 0;
  let entries = -1;
  let changedAt = performance.now();
  const deadline = performance.now() + 300_000;
  while (performance.now() < deadline) {
    processed = (await countProcessed()) - processedBefore;
    const now = await countCaptured(channel);
    if (now !== entries) {
      entries = now;
      changedAt = performance.now();
    }
    if (processed >= messages.length && performance.now() - changedAt >= 1000) break;
    await sleep(50);
  }
  const doneSeconds = (Math.max(changedAt, start) - start) / 1000;
  const kept = entries - entriesBefore;
  const [dupIds] = await earshot.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT external_id FROM entries WHERE workspace_id = $1
       AND external_id IS NOT NULL GROUP BY external_id HAVING count(*) > 1) d`,
    [WORKSPACE],
  );
  const [repeated] = await earshot.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM entries WHERE workspace_id = $1 AND content_hash IN
       (SELECT content_hash FROM entries WHERE workspace_id = $1 AND content_hash IS NOT NULL
        GROUP BY content_hash HAVING count(*) > 1)`,
    [WORKSPACE],
  );
  return {
    sent: messages.length,
    failed,
    sendSeconds: round(sentSeconds, 2),
    doneSeconds: round(doneSeconds, 2),
    eventsPerSec: round(messages.length / Math.max(doneSeconds, sentSeconds), 0),
    kept,
    noise,
    /** Non-noise messages whose text an earlier message already had: merged into its entry. */
    merged: messages.length - noise - kept,
    processedEvents: processed,
    lost: messages.length - processed,
    duplicateExternalIds: dupIds?.n ?? 0,
    repeatedContentHashes: repeated?.n ?? 0,
  };

  async function countProcessed() {
    const [row] = await earshot.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM processed_events WHERE platform = 'slack' AND workspace_id = $1`,
      [WORKSPACE],
    );
    return row?.n ?? 0;
  }
  async function countCaptured(conversation: string) {
    const [row] = await earshot.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM entries WHERE workspace_id = $1 AND external_id LIKE $2`,
      [WORKSPACE, `slack:${conversation}:%`],
    );
    return row?.n ?? 0;
  }
}

/** 3. Mentions one at a time; time from the request to the chat.update that replaces the placeholder. */
async function measureAnswers(post: Post, fake: FakeSlackApi) {
  const channel = 'C_ASK';
  const questions = syntheticQuestions(ASK_MENTIONS);
  const durations: number[] = [];
  let firstAnswerMs = 0;
  let apologies = 0;
  for (const [i, question] of questions.entries()) {
    const ts = nextSlackTs();
    const body = eventCallbackBody(
      appMention({ channel, ts, text: `<@${SLACK_IDS.botUserId}> ${question}` }),
      {
        eventId: `EvASK${String(i).padStart(6, '0')}`,
      },
    );
    const started = performance.now();
    const answered = fake.waitForCall(
      'chat.update',
      (call) =>
        call.args.channel === channel &&
        fake.messages.find((message) => message.ts === call.args.ts)?.thread_ts === ts,
      60_000,
    );
    const response = await post(body);
    if (response.status !== 200) throw new Error(`mention ${i} got HTTP ${response.status}`);
    const update = await answered;
    const ms = performance.now() - started;
    if (update.args.text === APOLOGY) apologies += 1;
    if (i === 0) firstAnswerMs = ms;
    else durations.push(ms);
  }
  return {
    sent: questions.length,
    firstAnswerMs: round(firstAnswerMs, 0),
    p50Ms: round(percentile(durations, 0.5)),
    p95Ms: round(percentile(durations, 0.95)),
    apologies,
  };
}

/**
 * 4. For each thread: a mention answered (not timed), then a reply in its thread without a mention;
 * time from the reply's request to the chat.update that replaces the reply's placeholder.
 */
async function measureFollowUps(post: Post, fake: FakeSlackApi) {
  const channel = 'C_FOLLOW';
  const questions = syntheticQuestions(FOLLOW_UPS);
  const durations: number[] = [];
  let apologies = 0;
  const inThread = (root: string, after: number) => (call: { args: Record<string, unknown> }) =>
    call.args.channel === channel &&
    fake.callsTo('chat.update').length > after &&
    fake.messages.find((message) => message.ts === call.args.ts)?.thread_ts === root;
  for (const [i, question] of questions.entries()) {
    const root = nextSlackTs();
    const mentioned = fake.waitForCall('chat.update', inThread(root, 0), 60_000);
    const mention = appMention({ channel, ts: root, text: `<@${SLACK_IDS.botUserId}> ${question}` });
    if (
      (await post(eventCallbackBody(mention, { eventId: `EvFUQ${String(i).padStart(6, '0')}` }))).status !==
      200
    )
      throw new Error(`mention ${i} was refused`);
    await mentioned;
    const after = fake.callsTo('chat.update').length;
    const reply = messageEvent({
      channel,
      thread_ts: root,
      text: FOLLOW_UP_REPLIES[i % FOLLOW_UP_REPLIES.length],
    });
    const started = performance.now();
    const answered = fake.waitForCall('chat.update', inThread(root, after), 60_000);
    const response = await post(eventCallbackBody(reply, { eventId: `EvFUR${String(i).padStart(6, '0')}` }));
    if (response.status !== 200) throw new Error(`follow-up ${i} got HTTP ${response.status}`);
    const update = await answered;
    durations.push(performance.now() - started);
    if (update.args.text === APOLOGY) apologies += 1;
  }
  return {
    sent: questions.length,
    p50Ms: round(percentile(durations, 0.5)),
    p95Ms: round(percentile(durations, 0.95)),
    apologies,
  };
}

async function waitUntil(condition: () => boolean, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await sleep(50);
  }
}
