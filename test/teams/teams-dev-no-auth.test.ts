import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { startServer } from '../../src/main.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { type FakeBotConnector, startFakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import { withCard } from '../helpers/teams/recorded-cards.ts';
import { postActivity, TEAMS_DEFAULTS, teamsMessage } from '../helpers/teams/teams-activities.ts';
import { openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;

describe('Teams without an app id', () => {
  let db: Database;
  let connector: FakeBotConnector;

  beforeEach(async () => {
    connector = await startFakeBotConnector();
    db = await openTestDatabase('pglite');
    await seedEntry(db, { workspaceId: WORKSPACE, body: 'Harborview will not sign until Okta SSO works.' });
  });
  afterEach(async () => {
    await db.close();
    await connector.close();
  });

  const question = (channelId = 'msteams') =>
    teamsMessage({ text: 'Okta SSO?', channelId, serviceUrl: connector.serviceUrl });

  it('is closed by default: a Slack-only server has no /api/messages and says how to enable Teams', async () => {
    const slack = await startFakeSlackApi();
    const logs = captureLogs();
    const earshot = await testEarshot(db, {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_API_URL: slack.url,
    });
    const server = await startServer({ ...earshot, logger: logs.logger }, { port: 0 });
    try {
      const url = `http://127.0.0.1:${server.port}/api/messages`;
      // The review's attack: a made-up activity naming a workspace, answers to a serviceUrl of its choosing.
      const response = await postActivity(url, question(), { token: 'anything' });
      expect(response.status).toBe(404);
      expect((await postActivity(url, question())).status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(connector.activities).toEqual([]);
      expect(await earshot.questions.list({ workspaceId: WORKSPACE })).toEqual([]);
      expect(server.proactive.teams).toBeUndefined();
      const hints = logs.lines.filter((line) => line.msg.startsWith('Teams is off'));
      expect(hints).toHaveLength(1);
      expect(hints[0]?.msg).toContain('MICROSOFT_APP_ID');
      expect(hints[0]?.msg).toContain('EARSHOT_TEAMS_DEV_NO_AUTH=true');
    } finally {
      await server.close();
      await slack.close();
    }
  });

  it('with EARSHOT_TEAMS_DEV_NO_AUTH=true answers without a token (Teams and the emulator) and warns loudly', async () => {
    const logs = captureLogs();
    const earshot = await testEarshot(db, { EARSHOT_TEAMS_DEV_NO_AUTH: 'true' });
    const server = await startServer({ ...earshot, logger: logs.logger }, { port: 0 });
    try {
      const url = `http://127.0.0.1:${server.port}/api/messages`;
      expect(logs.warnings().map((line) => line.msg)).toEqual([
        expect.stringContaining('TEAMS RUNS WITHOUT AUTHENTICATION (EARSHOT_TEAMS_DEV_NO_AUTH=true)'),
      ]);
      expect((await postActivity(url, question())).status).toBe(200);
      await connector.waitForActivity(withCard);
      expect((await postActivity(url, question('emulator'))).status).toBe(200);
      await expect.poll(() => connector.activities.filter(withCard).length).toBe(2);
      // Still only Teams and the emulator.
      expect((await postActivity(url, question('webchat'))).status).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('refuses the dev mode in production and together with an app id, naming the variable', () => {
    expect(() => loadConfig({ EARSHOT_TEAMS_DEV_NO_AUTH: 'true', NODE_ENV: 'production' })).toThrowError(
      /EARSHOT_TEAMS_DEV_NO_AUTH: is refused when NODE_ENV=production/,
    );
    expect(() =>
      loadConfig({
        EARSHOT_TEAMS_DEV_NO_AUTH: 'true',
        MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000001',
        MICROSOFT_APP_PASSWORD: 'p',
      }),
    ).toThrowError(/EARSHOT_TEAMS_DEV_NO_AUTH: cannot be combined with MICROSOFT_APP_ID/);
    expect(loadConfig({ NODE_ENV: 'production' }).teams).toBeNull();
  });
});
