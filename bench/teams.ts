/**
 * Teams benchmark against a real Earshot server on loopback, its Bot Connector calls going to a fake connector:
 * 100 personal-chat questions sent one after another, with 10,000 entries in the tenant's workspace. Times each
 * question from the POST to /api/messages until the connector receives the reply carrying the Adaptive Card, and
 * the HTTP response time of /api/messages itself. Authenticated as in production: Earshot has an app id and
 * every activity carries a Bot Framework token from a local issuer (tests' harness), so validation is timed too.
 * Then follow-ups: in each of 50 channel reply chains, an @mention answered (not timed) and a reply without a
 * mention, timed from its POST to the card answering it (thread state read, question rewritten, state stored).
 *
 *   npx tsx bench/teams.ts [--entries N] [--questions N] [--follow-ups N]
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { createLogger } from '../src/logger.ts';
import { createEarshot, type Earshot, startServer } from '../src/main.ts';
import type { RecordedActivity } from '../test/helpers/teams/fake-bot-connector.ts';
import { TEAMS_DEFAULTS, teamsMention, teamsMessage } from '../test/helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../test/helpers/teams/teams-harness.ts';
import { benchDatabase } from './lib/bench-database.ts';
import { peakRssMb, percentile, printReport, round } from './lib/report.ts';
import { syntheticJsonl, syntheticQuestions } from './lib/synthetic-entries.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;
const ENTRIES = numberOption('--entries', 10_000);
const QUESTIONS = numberOption('--questions', 100);
const FOLLOW_UPS = numberOption('--follow-ups', 50);
/** Follow-ups as reps write them: narrowing, switching, more recent, pointing back. */
const FOLLOW_UP_REPLIES = [
  'and in healthcare?',
  'what about for enterprise deals?',
  'any more recent?',
  'and their pricing?',
];
const ANSWER_TIMEOUT_MS = 60_000;
const APOLOGY_PATTERN = /^Sorry, I couldn't answer/;

await main();
// Nothing should be left open, but a stray keep-alive socket or timer must not keep the benchmark alive.
process.exit(process.exitCode ?? 0);

async function main() {
  const tmp = await mkdtemp(path.join(tmpdir(), 'earshot-teams-bench-'));
  const database = await benchDatabase('pglite');
  const teams = await startTeamsHarness();
  const earshot = await createEarshot({
    config: loadConfig({ LOG_LEVEL: 'silent', ...teams.env }),
    logger: createLogger('silent'),
    db: await openDatabase(database.config),
  });
  const server = await startServer(earshot, { port: 0 });
  const url = teams.urlOf(server);
  try {
    const importStarted = performance.now();
    await importSynthetic(earshot, tmp, ENTRIES);
    const importSeconds = round((performance.now() - importStarted) / 1000, 2);
    const answer = await measureAnswers(url, teams);
    const followUp = await measureFollowUps(url, teams);
    const rows = [
      {
        measurement: 'first question to Adaptive Card (index build)',
        events: 1,
        p50Ms: answer.firstAnswerMs,
        p95Ms: '-',
        note: `HTTP ${answer.firstHttpMs} ms`,
      },
      {
        measurement: `question to Adaptive Card reply (${ENTRIES / 1000}k entries)`,
        events: answer.sent - 1,
        p50Ms: answer.p50Ms,
        p95Ms: answer.p95Ms,
        note: `max ${answer.maxMs} ms, apologies ${answer.apologies}`,
      },
      {
        measurement: 'POST /api/messages HTTP response',
        events: answer.sent - 1,
        p50Ms: answer.http.p50Ms,
        p95Ms: answer.http.p95Ms,
        note: 'every response 2xx (else the run stops)',
      },
      {
        measurement: `reply in a reply chain (no mention) to Adaptive Card follow-up (${ENTRIES / 1000}k entries)`,
        events: followUp.sent,
        p50Ms: followUp.p50Ms,
        p95Ms: followUp.p95Ms,
        note: `apologies ${followUp.apologies}`,
      },
    ];
    printReport('Teams over loopback HTTP: personal-chat question to Adaptive Card answer', rows, {
      benchmark: 'teams',
      entries: ENTRIES,
      importSeconds,
      answer,
      followUp,
      peakRssMb: peakRssMb(),
      slackComparison: 'see npm run bench:slack (mention → chat.update p50/p95)',
    });
  } finally {
    await server.close();
    await teams.close();
    await earshot.close();
    await database.dispose();
    await rm(tmp, { recursive: true, force: true });
  }
}

async function importSynthetic(earshot: Earshot, tmp: string, count: number) {
  const file = path.join(tmp, `entries-${count}.jsonl`);
  const out = createWriteStream(file);
  for (const line of syntheticJsonl(count)) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await finished(out);
  await earshot.importFiles({ workspaceId: WORKSPACE, files: [file] });
}

/** Personal-chat messages one at a time; time from the POST to the message carrying the card. */
async function measureAnswers(url: string, teams: TeamsHarness) {
  const { connector } = teams;
  const questions = syntheticQuestions(QUESTIONS);
  const durations: number[] = [];
  const httpDurations: number[] = [];
  let firstAnswerMs = 0;
  let firstHttpMs = 0;
  let apologies = 0;
  for (const [i, question] of questions.entries()) {
    const id = `bench-teams-${String(i).padStart(6, '0')}`;
    // A conversation per question, so each answer (sent in a turn of its own) is matched exactly.
    const conversationId = `a:bench-teams-${i}`;
    const activity = teamsMessage({
      id,
      text: question,
      serviceUrl: connector.serviceUrl,
      conversation: { id: conversationId },
    });
    // The card, or the apology if answering failed (so a failure is counted rather than timing out).
    const isAnswer = (call: RecordedActivity) =>
      call.conversationId === conversationId &&
      (Array.isArray(call.activity.attachments) || APOLOGY_PATTERN.test(String(call.activity.text ?? '')));
    const started = performance.now();
    const answered = connector.waitForActivity(isAnswer, ANSWER_TIMEOUT_MS).then((call) => ({
      call,
      ms: performance.now() - started,
    }));
    const response = await teams.postActivity(url, activity);
    const httpMs = performance.now() - started;
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`question ${i} got HTTP ${response.status}: ${JSON.stringify(response.body)}`);
    }
    const { call, ms } = await answered;
    if (!Array.isArray(call.activity.attachments)) apologies += 1;
    if (i === 0) {
      firstAnswerMs = ms;
      firstHttpMs = httpMs;
    } else {
      durations.push(ms);
      httpDurations.push(httpMs);
    }
  }
  return {
    sent: questions.length,
    firstAnswerMs: round(firstAnswerMs, 0),
    firstHttpMs: round(firstHttpMs, 0),
    p50Ms: round(percentile(durations, 0.5)),
    p95Ms: round(percentile(durations, 0.95)),
    maxMs: round(Math.max(...durations)),
    apologies,
    http: {
      p50Ms: round(percentile(httpDurations, 0.5)),
      p95Ms: round(percentile(httpDurations, 0.95)),
    },
  };
}

/**
 * In a channel reply chain of its own each time (so each card is matched exactly): an @mention answered,
 * not timed, then a reply without a mention, timed from its POST to the card answering it.
 */
async function measureFollowUps(url: string, teams: TeamsHarness) {
  const { connector } = teams;
  const questions = syntheticQuestions(FOLLOW_UPS);
  const durations: number[] = [];
  let apologies = 0;
  for (const [i, question] of questions.entries()) {
    const root = `bench-root-${String(i).padStart(6, '0')}`;
    const conversation = {
      conversationType: 'channel' as const,
      id: `19:bench-follow-${i}@thread.tacv2;messageid=${root}`,
    };
    const answers = () =>
      connector.activities.filter(
        (call) =>
          call.conversationId === conversation.id &&
          (Array.isArray(call.activity.attachments) ||
            APOLOGY_PATTERN.test(String(call.activity.text ?? ''))),
      );
    const mention = teamsMention({
      id: root,
      text: question,
      serviceUrl: connector.serviceUrl,
      conversation,
    });
    const mentioned = connector.waitForActivity(() => answers().length >= 1, ANSWER_TIMEOUT_MS);
    await teams.postActivity(url, mention);
    await mentioned;
    const reply = teamsMessage({
      text: FOLLOW_UP_REPLIES[i % FOLLOW_UP_REPLIES.length],
      serviceUrl: connector.serviceUrl,
      conversation,
      replyToId: root,
    });
    const started = performance.now();
    const answered = connector.waitForActivity(() => answers().length >= 2, ANSWER_TIMEOUT_MS);
    const response = await teams.postActivity(url, reply);
    if (response.status < 200 || response.status >= 300)
      throw new Error(`follow-up ${i} got HTTP ${response.status}`);
    await answered;
    durations.push(performance.now() - started);
    if (!Array.isArray(answers()[1]?.activity.attachments)) apologies += 1;
  }
  return {
    sent: questions.length,
    p50Ms: round(percentile(durations, 0.5)),
    p95Ms: round(percentile(durations, 0.95)),
    apologies,
  };
}

/** `--name N` from the command line, else the default. */
function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 2) throw new Error(`${name} must be a whole number of at least 2`);
  return value;
}
