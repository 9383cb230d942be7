import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { freePort, startServeProcess } from '../helpers/serve-process.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { postToSlackEndpoint } from '../helpers/slack/sign-slack-request.ts';
import { appMention, eventCallbackBody } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { TEAMS_DEFAULTS, teamsMessage } from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { openTestDatabase } from '../helpers/test-database.ts';

const SIGNING_SECRET = 'test-signing-secret';
const WEBHOOK_TOKEN = 'webhook-token-for-reliability-tests-0123456789';

/**
 * Slack refusing the token, or not answering at all, when `serve` starts: everything else serves and
 * Slack is retried until it works.
 */
describe('Slack failing at start', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => {});
    cleanup.length = 0;
  });

  async function start(slackApiUrl: string) {
    const db: Database = await openTestDatabase('pglite');
    await seedEntry(db, {
      workspaceId: SLACK_IDS.workspaceId,
      body: 'Kessler asked for SAP S/4HANA support.',
    });
    await seedEntry(db, { workspaceId: TEAMS_DEFAULTS.workspaceId, body: 'Okta SSO came up in every demo.' });
    const teams: TeamsHarness = await startTeamsHarness();
    cleanup.push(() => teams.close());
    const logs = captureLogs();
    const built = await testEarshot(db, {
      ...teams.env,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackApiUrl,
      EARSHOT_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    });
    const earshot: Earshot = { ...built, logger: logs.logger };
    cleanup.push(() => earshot.close());
    const server: EarshotServer = await startServer(earshot, { port: 0 });
    cleanup.unshift(() => server.close());
    const base = `http://127.0.0.1:${server.port}`;
    const readyz = async () => {
      const response = await fetch(`${base}/readyz`);
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    };
    return { earshot, server, teams, logs, base, readyz };
  }

  /** What a user of the other parts notices: health, Teams answers, the trigger webhook. */
  async function expectTheRestServes(running: Awaited<ReturnType<typeof start>>) {
    expect((await fetch(`${running.base}/healthz`)).status).toBe(200);
    const { teams, server } = running;
    const asked = await teams.postActivity(
      server,
      teamsMessage({ text: 'Okta SSO?', serviceUrl: teams.connector.serviceUrl }),
    );
    expect(asked.status).toBe(200);
    const reply = await teams.connector.waitForActivity(
      (call) => JSON.stringify(call.activity).includes('Okta SSO came up'),
      20_000,
    );
    expect(reply).toBeDefined();
    const hook = await fetch(`${running.base}/hooks/triggers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${WEBHOOK_TOKEN}` },
      body: JSON.stringify({
        workspace: 'local',
        events: [
          {
            type: 'funding',
            account: { domain: 'acme.com' },
            title: 'Acme raised a Series B',
            occurredAt: new Date().toISOString(),
          },
        ],
      }),
    });
    expect(hook.status).toBe(202);
  }

  async function expectSlackAnswers(running: Awaited<ReturnType<typeof start>>, slack: FakeSlackApi) {
    const event = appMention({ text: `<@${SLACK_IDS.botUserId}> SAP S/4HANA?` });
    const response = await postToSlackEndpoint(`${running.base}/slack/events`, {
      body: eventCallbackBody(event),
      signingSecret: SIGNING_SECRET,
    });
    expect(response.status).toBe(200);
    const update = await slack.waitForCall('chat.update', undefined, 20_000);
    expect(JSON.stringify(update.args)).toContain('S/4HANA');
  }

  it('keeps serving when the bot token is rejected (invalid_auth), says how to fix it once, and connects when it is accepted', async () => {
    const slack = await startFakeSlackApi();
    cleanup.push(() => slack.close());
    slack.respond('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    const running = await start(slack.url);

    const failing = await running.readyz();
    expect(failing.status).toBe(503);
    expect(failing.body.slack).toMatch(
      /^failing: SLACK_BOT_TOKEN was rejected \(invalid_auth\): reinstall the app/,
    );
    expect(failing.body.database).toBe('ok');
    expect(failing.body.teams).toBe('ready');
    // Until Slack is connected, its events get 503 so that Slack delivers them again later.
    const early = await postToSlackEndpoint(`${running.base}/slack/events`, {
      body: eventCallbackBody(appMention()),
      signingSecret: SIGNING_SECRET,
    });
    expect(early.status).toBe(503);
    await expectTheRestServes(running);
    // Retried with backoff, but said once.
    await vi.waitFor(() => expect(slack.callsTo('auth.test').length).toBeGreaterThanOrEqual(2), {
      timeout: 10_000,
    });
    // Retries after the first are logged at debug level only.
    const said = running.logs.lines.filter(
      (line) => line.level >= 40 && /SLACK_BOT_TOKEN was rejected/.test(line.msg),
    );
    expect(said).toHaveLength(1);
    expect(said[0]?.level).toBe(50);
    expect(JSON.stringify(running.logs.lines)).not.toContain('xoxb-test-token');

    slack.respond('auth.test', (_call, defaultReply) => defaultReply());
    await vi.waitFor(
      async () =>
        expect(await running.readyz()).toEqual({
          status: 200,
          body: {
            database: 'ok',
            slack: 'ready',
            teams: 'ready',
            'search index': expect.stringMatching(/^ready/),
          },
        }),
      { timeout: 40_000, interval: 500 },
    );
    await expectSlackAnswers(running, slack);
  }, 120_000);

  it('`earshot serve` as a process: starts and serves with a rejected token, saying why in one line', async () => {
    const slack = await startFakeSlackApi();
    cleanup.push(() => slack.close());
    slack.respond('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    const serve = await startServeProcess({
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      EARSHOT_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    });
    cleanup.push(() => serve.stop());
    const base = serve.origin;
    await vi.waitFor(() => expect(serve.stderr()).toContain('SLACK_BOT_TOKEN was rejected (invalid_auth)'), {
      timeout: 20_000,
    });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { slack: string }).slack).toMatch(
      /^failing: SLACK_BOT_TOKEN was rejected/,
    );
    const hook = await fetch(`${base}/hooks/triggers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${WEBHOOK_TOKEN}` },
      body: JSON.stringify({ workspace: 'local', events: [] }),
    });
    expect(hook.status).toBeLessThan(500);
    expect(serve.child.exitCode).toBeNull();
    expect(serve.stderr()).not.toContain('xoxb-test-token');
  }, 120_000);

  it('keeps serving when Slack cannot be reached at all, and connects once it answers', async () => {
    const port = await freePort();
    const running = await start(`http://127.0.0.1:${port}/api/`);

    // The server listens after at most 5 s of Slack's first try; the try's verdict may come later.
    await vi.waitFor(async () => expect((await running.readyz()).body.slack).not.toBe('starting'), {
      timeout: 30_000,
      interval: 250,
    });
    const failing = await running.readyz();
    expect(failing.status).toBe(503);
    expect(failing.body.slack).toMatch(
      /^failing: Slack's Web API \(http:\/\/127\.0\.0\.1:\d+\/api\/\) cannot be reached \(ECONNREFUSED\)/,
    );
    await expectTheRestServes(running);

    const slack = await startFakeSlackApi({ port });
    cleanup.push(() => slack.close());
    await vi.waitFor(async () => expect((await running.readyz()).status).toBe(200), {
      timeout: 60_000,
      interval: 500,
    });
    expect(running.logs.lines.some((line) => /Slack is connected now/.test(line.msg))).toBe(true);
    await expectSlackAnswers(running, slack);
  }, 150_000);
});
