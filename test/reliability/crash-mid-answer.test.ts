import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { startScratchPostgres } from '../helpers/scratch-postgres.ts';
import { seedEntry } from '../helpers/seed.ts';
import { startServeProcess } from '../helpers/serve-process.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { postToSlackEndpoint } from '../helpers/slack/sign-slack-request.ts';
import { appMention, eventCallbackBody } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { SIGNING_SECRET, startSlackHarness } from '../slack/slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;

/** Bot replies in the mention's thread. */
const repliesIn = (slack: FakeSlackApi, channel: string, threadTs: string) =>
  slack.messages.filter(
    (m) => m.channel === channel && m.thread_ts === threadTs && m.user === SLACK_IDS.botUserId,
  );

/** A second Earshot on the same database and the same Slack, with logs kept. */
async function startTakeover(db: Database, slack: FakeSlackApi) {
  const logs = captureLogs();
  const built = await testEarshot(db, {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    EARSHOT_EVENT_LEASE_SECONDS: '2',
  });
  const earshot: Earshot = { ...built, logger: logs.logger };
  const server: EarshotServer = await startServer(earshot, { port: 0 });
  return { earshot, server, logs };
}

describe('an Earshot that stops mid-answer', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => {});
    cleanup.length = 0;
  });

  it.each(
    DATABASE_KINDS,
  )('on %s: another Earshot takes the question over when the lease runs out, answers in the same message, and the first never answers too', async (kind) => {
    const db = await openTestDatabase(kind);
    await seedEntry(db, { workspaceId: TEAM, body: 'Kessler asked for SAP S/4HANA support.' });
    const openai = await startFakeOpenAI();
    cleanup.push(() => openai.close());
    // The first Earshot's model never answers: it is stuck mid-answer, as if frozen.
    openai.fail({ kind: 'hang' }, { route: 'chat', times: 10 });
    const first = await startSlackHarness(db, {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_TIMEOUT_MS: '8000',
      EARSHOT_EVENT_LEASE_SECONDS: '2',
    });
    cleanup.push(
      () => first.earshot.close(),
      () => first.close(),
    );
    const event = appMention({ text: `<@${SLACK_IDS.botUserId}> SAP S/4HANA?` });
    expect((await first.post(eventCallbackBody(event, { eventId: 'EvStuck' }))).status).toBe(200);
    await first.slack.waitForCall('chat.postMessage');
    await vi.waitFor(() => expect(openai.requests.length).toBeGreaterThan(0), { timeout: 10_000 });
    // It stops serving (its in-memory retries and its sweeper end); its lease is not renewed.
    await first.server.close();

    const second = await startTakeover(db, first.slack);
    cleanup.push(() => second.server.close());
    await vi.waitFor(() => expect(first.slack.callsTo('chat.update')).toHaveLength(1), { timeout: 30_000 });
    const [reply] = repliesIn(first.slack, event.channel, event.ts);
    expect(String(reply?.text)).toContain('S/4HANA');
    expect(second.logs.lines.some((line) => /taking over an event/.test(line.msg))).toBe(true);

    // The first one's answer comes back eventually (the model times out); it sees it lost the claim.
    await vi.waitFor(
      () =>
        expect(first.logs.lines.some((line) => /another process took this event over/.test(line.msg))).toBe(
          true,
        ),
      { timeout: 30_000 },
    );
    expect(first.slack.callsTo('chat.update')).toHaveLength(1);
    expect(repliesIn(first.slack, event.channel, event.ts)).toHaveLength(1);
    await vi.waitFor(async () => {
      const [claim] = await db.query<{ status: string; attempts: number }>(
        `SELECT status, attempts FROM processed_events WHERE event_id = 'EvStuck'`,
      );
      expect(claim).toEqual({ status: 'done', attempts: 2 });
    });
  }, 120_000);

  it('killed with SIGKILL mid-answer (PostgreSQL server): a second Earshot answers the question once', async () => {
    const postgres = await startScratchPostgres();
    cleanup.push(() => postgres.destroy());
    const db = await openDatabase({ kind: 'postgres', url: postgres.url });
    cleanup.push(() => db.close());
    await migrate(db);
    await seedEntry(db, { workspaceId: TEAM, body: 'Kessler asked for SAP S/4HANA support.' });
    const slack = await startFakeSlackApi();
    cleanup.push(() => slack.close());
    const openai: FakeOpenAI = await startFakeOpenAI();
    cleanup.push(() => openai.close());
    openai.fail({ kind: 'hang' }, { route: 'chat', times: 10 });

    const serve = await startServeProcess({
      DATABASE_URL: postgres.url,
      LOG_LEVEL: 'warn',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_TIMEOUT_MS: '60000',
      EARSHOT_EVENT_LEASE_SECONDS: '3',
    });
    cleanup.push(() => serve.stop());
    const { port } = serve;
    await vi.waitFor(
      async () => expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status, serve.stderr()).toBe(200),
      { timeout: 30_000, interval: 250 },
    );
    const event = appMention({ text: `<@${SLACK_IDS.botUserId}> SAP S/4HANA?` });
    const acked = await postToSlackEndpoint(`http://127.0.0.1:${port}/slack/events`, {
      body: eventCallbackBody(event, { eventId: 'EvKilled' }),
      signingSecret: SIGNING_SECRET,
    });
    expect(acked.status).toBe(200);
    await slack.waitForCall('chat.postMessage', undefined, 20_000);
    await vi.waitFor(() => expect(openai.requests.length).toBeGreaterThan(0), { timeout: 20_000 });
    await serve.kill();

    const second = await startTakeover(db, slack);
    cleanup.push(() => second.server.close());
    await vi.waitFor(() => expect(slack.callsTo('chat.update')).toHaveLength(1), { timeout: 30_000 });
    const replies = repliesIn(slack, event.channel, event.ts);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.text)).toContain('S/4HANA');
    // Settled right after the answer is posted.
    await vi.waitFor(async () => {
      const [claim] = await db.query<{ status: string }>(
        `SELECT status FROM processed_events WHERE event_id = 'EvKilled'`,
      );
      expect(claim?.status).toBe('done');
    });
  }, 150_000);
});
