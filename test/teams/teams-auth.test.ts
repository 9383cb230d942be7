import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import {
  type FakeBotFrameworkAuth,
  primeOutboundToken,
  startFakeBotFrameworkAuth,
} from '../helpers/teams/bot-framework-auth.ts';
import { type FakeBotConnector, startFakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import { postActivity, TEAMS_DEFAULTS, teamsMessage } from '../helpers/teams/teams-activities.ts';
import { openTestDatabase } from '../helpers/test-database.ts';

const APP_ID = '11111111-2222-4333-8444-555555555555';

describe('Teams requests with an app id: every token is validated', () => {
  let auth: FakeBotFrameworkAuth;
  let connector: FakeBotConnector;
  let earshot: Earshot;
  let server: EarshotServer;
  let url: string;
  let unprime: () => void;

  beforeAll(async () => {
    auth = await startFakeBotFrameworkAuth({ appId: APP_ID });
    connector = await startFakeBotConnector();
    const db = await openTestDatabase('pglite');
    await seedEntry(db, {
      workspaceId: TEAMS_DEFAULTS.tenantId,
      body: 'Kessler asked for SAP S/4HANA support.',
    });
    earshot = await testEarshot(db, {
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'test-client-secret',
      MICROSOFT_OPENID_METADATA_URL: auth.openIdMetadataUrl,
    });
    server = await startServer(earshot, { port: 0 });
    url = `http://127.0.0.1:${server.port}/api/messages`;
    // Azure AD is out of reach here: the outbound token the bot would fetch is placed in botbuilder's cache.
    unprime = primeOutboundToken({ appId: APP_ID, token: 'outbound-token' });
  });
  afterAll(async () => {
    unprime();
    await server.close();
    await earshot.close();
    await connector.close();
    await auth.close();
  });

  const message = () => teamsMessage({ text: 'SAP S/4HANA?', serviceUrl: connector.serviceUrl });

  it('accepts a valid Bot Framework token and answers with the bot’s own credentials', async () => {
    const response = await postActivity(url, message(), {
      token: auth.signToken({ serviceUrl: connector.serviceUrl }),
    });
    expect(response.status).toBe(200);
    const reply = await connector.waitForActivity((call) => Array.isArray(call.activity.attachments));
    expect(reply.authorization).toBe('Bearer outbound-token');
  });

  it('rejects a missing token, a wrong audience and an expired token with 401, answering nothing', async () => {
    const before = connector.activities.length;
    const missing = await postActivity(url, message());
    const wrongAudience = await postActivity(url, message(), {
      token: auth.signToken({
        serviceUrl: connector.serviceUrl,
        audience: '99999999-0000-4000-8000-000000000000',
      }),
    });
    const expired = await postActivity(url, message(), {
      token: auth.signToken({ serviceUrl: connector.serviceUrl, expiresInSeconds: -600 }),
    });
    expect([missing.status, wrongAudience.status, expired.status]).toEqual([401, 401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.activities.length).toBe(before);
  });
});
