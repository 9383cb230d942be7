import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type ScratchPostgres, startScratchPostgres } from '../helpers/scratch-postgres.ts';
import { seedEntry } from '../helpers/seed.ts';
import { EMEA_GRANT, OAUTH_ENV, TEST_OAUTH_APP } from '../helpers/slack/fake-slack-oauth.ts';
import { appMention, eventCallback } from '../helpers/slack/slack-event-payloads.ts';
import { installByOAuth } from '../helpers/slack/slack-oauth-browser.ts';
import { type SlackHarness, startSlackHarness } from '../slack/slack-server.ts';

// A workspace installed through another replica (or just before a restart) is unknown to this process
// until it reads the installation: while the database is down it cannot tell whether to answer.
describe('an event from a workspace this server has not seen yet, while the PostgreSQL server is down', () => {
  let postgres: ScratchPostgres;
  let db: Database;
  let harness: SlackHarness;

  beforeAll(async () => {
    postgres = await startScratchPostgres();
    db = await openDatabase({ kind: 'postgres', url: postgres.url });
    await migrate(db);
    harness = await startSlackHarness(db, OAUTH_ENV, {
      oauth: { clientId: TEST_OAUTH_APP.clientId, clientSecret: TEST_OAUTH_APP.clientSecret },
    });
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await harness?.earshot.close().catch(() => {});
    await postgres?.destroy();
  });

  it('is refused with 503 (so Slack delivers it again) and answered once Slack retries after the outage', async () => {
    const baseUrl = `http://127.0.0.1:${harness.server.port}`;
    expect((await installByOAuth(baseUrl, harness.slack, EMEA_GRANT)).status).toBe(200);
    await seedEntry(db, {
      workspaceId: 'slack:T_EMEA',
      body: 'Kessler negotiated a 12% discount off list price.',
    });
    const mention = JSON.stringify(
      eventCallback(
        appMention({
          team: 'T_EMEA',
          text: `<@${EMEA_GRANT.botUserId}> what discount off list price did Kessler get?`,
        }),
        { teamId: 'T_EMEA', eventId: 'EvNewInstall' },
      ),
    );

    await postgres.stop();
    const refused = await harness.post(mention);
    expect(refused.status).toBe(503);
    expect(harness.logs.lines).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/answered 503 so Slack tries again/) }),
    );

    await postgres.start();
    // Slack's redelivery of the same event.
    let retry = 0;
    await vi.waitFor(
      async () =>
        expect((await harness.post(mention, { retryNum: ++retry, retryReason: 'http_error' })).status).toBe(
          200,
        ),
      { timeout: 30_000, interval: 1_000 },
    );
    const answer = await harness.slack.waitForCall('chat.update', (call) =>
      JSON.stringify(call.args).includes('12% discount'),
    );
    expect(answer.token).toBe(EMEA_GRANT.botToken);
  }, 90_000);
});
