import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type ScratchPostgres, startScratchPostgres } from '../helpers/scratch-postgres.ts';
import { seedEntry } from '../helpers/seed.ts';
import { appMention, eventCallbackBody, messageEvent } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { slashCommandBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { TEAMS_DEFAULTS, teamsMessage } from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { type SlackHarness, startSlackHarness } from '../slack/slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const OUTAGE_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One question as the test asked it: where its reply must appear. */
interface Asked {
  eventId: string;
  channel: string;
  /** The thread a mention is answered in; undefined for a DM. */
  threadTs: string | undefined;
  body: string;
}

// A database outage can only happen to a server: this runs on a PostgreSQL instance of its own, which
// the test stops for 15 s (the machine's shared server is never touched).
describe('questions asked while the PostgreSQL server is down for 15 s', () => {
  let postgres: ScratchPostgres;
  let db: Database;
  let harness: SlackHarness;
  let teams: TeamsHarness;

  beforeAll(async () => {
    postgres = await startScratchPostgres();
    db = await openDatabase({ kind: 'postgres', url: postgres.url });
    await migrate(db);
    await seedEntry(db, { workspaceId: TEAM, body: 'Kessler asked for SAP S/4HANA support.' });
    await seedEntry(db, {
      workspaceId: TEAMS_DEFAULTS.workspaceId,
      body: 'Kessler asked for SAP S/4HANA support.',
    });
    teams = await startTeamsHarness();
    harness = await startSlackHarness(db, teams.env);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await harness?.earshot.close().catch(() => {});
    await teams?.close();
    await postgres?.destroy();
  });

  const readyz = async () => {
    const response = await fetch(`http://127.0.0.1:${harness.server.port}/readyz`);
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };

  it('acks every event at once, then answers each one once the database is back (never twice)', async () => {
    // The search index warms up in the background after start; the outage begins once all is ready.
    await vi.waitFor(async () => expect((await readyz()).status).toBe(200), {
      timeout: 30_000,
      interval: 200,
    });
    expect(await readyz()).toEqual({
      status: 200,
      body: {
        database: 'ok',
        slack: 'ready',
        teams: 'ready',
        'search index': expect.stringMatching(/^ready/),
      },
    });
    await postgres.stop();
    const outageStarted = Date.now();

    const asked: Asked[] = [];
    for (let i = 0; i < 8; i++) {
      const eventId = `EvOutage${i}`;
      if (i % 4 === 3) {
        const channel = `D_DM${i}`;
        const event = messageEvent({ channel, text: 'What about SAP S/4HANA?' });
        asked.push({ eventId, channel, threadTs: undefined, body: eventCallbackBody(event, { eventId }) });
      } else {
        const event = appMention({ text: `<@${SLACK_IDS.botUserId}> SAP S/4HANA? (${i})` });
        asked.push({
          eventId,
          channel: event.channel,
          threadTs: event.ts,
          body: eventCallbackBody(event, { eventId }),
        });
      }
    }
    for (const question of asked) {
      const started = Date.now();
      const response = await harness.post(question.body);
      expect(response.status).toBe(200);
      // The ack never waits for the database.
      expect(Date.now() - started).toBeLessThan(1_000);
      await sleep(1_200);
    }
    // Teams (which never redelivers) and a slash command (which Slack never redelivers) too.
    const teamsChats = ['a:outage-chat-1', 'a:outage-chat-2'];
    for (const id of teamsChats) {
      const message = teamsMessage({
        text: 'SAP S/4HANA?',
        serviceUrl: teams.connector.serviceUrl,
        conversation: { id },
      });
      expect((await teams.postActivity(harness.server, message)).status).toBe(200);
    }
    const responseUrl = harness.slack.responseUrl('outage-command');
    const command = await harness.post(
      slashCommandBody({ text: 'SAP S/4HANA?', response_url: responseUrl }),
      {
        contentType: 'application/x-www-form-urlencoded',
      },
    );
    expect(command.status).toBe(200);
    // Health is liveness only; readiness says what is wrong.
    expect((await fetch(`http://127.0.0.1:${harness.server.port}/healthz`)).status).toBe(200);
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body.database).toMatch(/^failing: unreachable/);
    expect(down.body.slack).toBe('ready');

    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageStarted)));
    await postgres.start();

    const repliesTo = (question: Asked) =>
      harness.slack.messages.filter(
        (message) =>
          message.channel === question.channel &&
          message.user === SLACK_IDS.botUserId &&
          message.thread_ts === question.threadTs,
      );
    const settled = (question: Asked) => {
      const replies = repliesTo(question);
      return replies.length === 1 && !/^Looking into/.test(String(replies[0]?.text));
    };
    await vi.waitFor(() => expect(asked.filter((question) => !settled(question))).toEqual([]), {
      timeout: 60_000,
      interval: 250,
    });
    for (const question of asked) {
      const [reply] = repliesTo(question);
      expect(String(reply?.text)).toMatch(/S\/4HANA|^Sorry, I couldn't answer/);
    }
    const teamsReplies = (id: string) =>
      teams.connector.activities.filter(
        (call) => call.conversationId === id && call.activity.type === 'message',
      );
    await vi.waitFor(() => expect(teamsChats.map((id) => teamsReplies(id).length)).toEqual([1, 1]), {
      timeout: 60_000,
      interval: 250,
    });
    for (const id of teamsChats) expect(JSON.stringify(teamsReplies(id))).toContain('S/4HANA');
    const commandReplies = () => harness.slack.callsTo('response_url');
    await vi.waitFor(() => expect(commandReplies()).toHaveLength(1), { timeout: 60_000 });
    expect(JSON.stringify(commandReplies()[0]?.args)).toContain('S/4HANA');
    // Slack retrying one of them now changes nothing.
    await harness.post(asked[0]?.body ?? '', { retryNum: 1, retryReason: 'http_timeout' });
    await sleep(1_000);
    for (const question of asked) expect(repliesTo(question)).toHaveLength(1);
    const logged = await harness.earshot.questions.list({ workspaceId: TEAM });
    expect(logged.length).toBeLessThanOrEqual(asked.length + 1);
    const ledger = await db.query<{ status: string }>(
      `SELECT status FROM processed_events WHERE event_id LIKE 'EvOutage%'`,
    );
    expect(ledger.map((row) => row.status).sort()).toEqual(asked.map(() => 'done'));
    expect(await readyz()).toEqual({
      status: 200,
      body: {
        database: 'ok',
        slack: 'ready',
        teams: 'ready',
        'search index': expect.stringMatching(/^ready/),
      },
    });
  }, 150_000);
});
