import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import type { ForgedTokenKind } from '../helpers/teams/bot-framework-auth.ts';
import { withCard } from '../helpers/teams/recorded-cards.ts';
import {
  type ActivityOverrides,
  postActivity,
  TEAMS_DEFAULTS,
  teamsMessage,
  teamsWorkspaceOf,
} from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe.each(DATABASE_KINDS)('Teams requests are authenticated and admitted (%s)', (kind) => {
  let teams: TeamsHarness;
  let db: Database;
  let earshot: Earshot;
  let server: EarshotServer;
  let url: string;
  const logs = captureLogs();

  beforeAll(async () => {
    // Bot Framework's real signing keys are endorsed for many channels, not only Teams.
    teams = await startTeamsHarness({ endorsements: ['msteams', 'webchat', 'directline', 'emulator'] });
    db = await openTestDatabase(kind);
    await seedEntry(db, { workspaceId: WORKSPACE, body: 'Kessler asked for SAP S/4HANA support.' });
    earshot = await testEarshot(db, teams.env);
    server = await startServer({ ...earshot, logger: logs.logger }, { port: 0 });
    url = teams.urlOf(server);
  });
  afterAll(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });

  const message = (overrides: ActivityOverrides = {}) =>
    teamsMessage({ text: 'SAP S/4HANA?', serviceUrl: teams.connector.serviceUrl, ...overrides });
  /** Everything a refused request could have caused: a reply, a stored question. */
  const effects = async () => ({
    sent: teams.connector.activities.length,
    questions: (await earshot.questions.list({ workspaceId: WORKSPACE })).length,
  });

  it('answers an activity with a valid Bot Framework token, replying with the bot’s own credentials', async () => {
    const response = await teams.postActivity(url, message());
    expect(response.status).toBe(200);
    const reply = await teams.connector.waitForActivity(withCard);
    expect(reply.authorization).toBe('Bearer outbound-token');
  });

  const forged: ForgedTokenKind[] = ['unknown-key', 'unknown-kid', 'alg-none', 'hs256-public-key', 'garbled'];

  it.each(forged)('refuses a token forged as %s with 401, doing nothing', async (forgery) => {
    const before = await effects();
    const activity = message();
    const response = await postActivity(url, activity, {
      token: teams.auth.forgeToken(forgery, { serviceUrl: activity.serviceUrl }),
    });
    expect(response.status).toBe(401);
    await settle();
    expect(await effects()).toEqual(before);
  });

  it('refuses missing or malformed Authorization, expired tokens, wrong audience and wrong issuer with 401', async () => {
    const before = await effects();
    const serviceUrl = teams.connector.serviceUrl;
    const valid = teams.auth.signToken({ serviceUrl });
    const headers = [
      undefined,
      '',
      'Bearer',
      `Basic ${Buffer.from('bot:password').toString('base64')}`,
      `Bearer ${valid} extra`,
      `bearer${valid}`,
      `Bearer ${teams.auth.signToken({ serviceUrl, expiresInSeconds: -600 })}`,
      `Bearer ${teams.auth.signToken({ serviceUrl, audience: '99999999-0000-4000-8000-000000000000' })}`,
      `Bearer ${teams.auth.signToken({ serviceUrl, issuer: 'https://sts.evil.example/' })}`,
      // A valid token, but for another serviceUrl than the one replies would go to.
      `Bearer ${teams.auth.signToken({ serviceUrl: 'https://attacker.example/' })}`,
    ];
    const statuses = [];
    for (const authorization of headers) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization === undefined ? {} : { authorization }),
        },
        body: JSON.stringify(message()),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual(headers.map(() => 401));
    await settle();
    expect(await effects()).toEqual(before);
    const refusals = logs.warnings().filter((line) => line.msg.includes('authentication failed'));
    expect(refusals.length).toBeGreaterThanOrEqual(headers.length);
    // Operators see why, never the token.
    expect(JSON.stringify(logs.lines)).not.toContain(valid);
  });

  it('refuses, with 403 and one log line, validly signed activities from channels other than Teams', async () => {
    const before = await effects();
    const logged = logs.lines.length;
    const statuses = [];
    for (const channelId of ['webchat', 'directline', 'emulator']) {
      statuses.push((await teams.postActivity(url, message({ channelId }))).status);
    }
    expect(statuses).toEqual([403, 403, 403]);
    await settle();
    expect(await effects()).toEqual(before);
    const refused = logs.lines.slice(logged).filter((line) => line.msg === 'Teams activity refused');
    expect(refused.map((line) => line.channelId)).toEqual(['webchat', 'directline', 'emulator']);
  });

  it('answers other methods and bodies that are no activity with 405 and 400, before any token check', async () => {
    const send = (method: string, body?: string) =>
      fetch(url, { method, headers: { 'content-type': 'application/json' }, body }).then((r) => r.status);
    expect(await send('GET')).toBe(405);
    expect(await send('PUT', '{}')).toBe(405);
    expect(
      await Promise.all(['null', '{}', '[]', '"x"', '{"type":7}', '{not json'].map((b) => send('POST', b))),
    ).toEqual([400, 400, 400, 400, 400, 400]);
  });
});

describe('Teams when the signing keys cannot be fetched', () => {
  it('answers 503 (the Bot Connector retries), not 401 or 500', async () => {
    const teams = await startTeamsHarness();
    const db = await openTestDatabase('pglite');
    const earshot = await testEarshot(db, teams.env);
    const server = await startServer(earshot, { port: 0 });
    try {
      const activity = teamsMessage({ serviceUrl: teams.connector.serviceUrl });
      const token = teams.auth.signToken({ serviceUrl: activity.serviceUrl });
      await teams.auth.close();
      expect((await postActivity(teams.urlOf(server), activity, { token })).status).toBe(503);
    } finally {
      await server.close();
      await earshot.close();
      // The issuer is closed already; the rest (connector, primed token) still needs closing.
      await teams.close().catch(() => {});
    }
  });
});

describe.each(DATABASE_KINDS)('a SingleTenant Teams app (%s)', (kind) => {
  let teams: TeamsHarness;
  let earshot: Earshot;
  let server: EarshotServer;

  beforeAll(async () => {
    teams = await startTeamsHarness();
    const db = await openTestDatabase(kind);
    await seedEntry(db, { workspaceId: WORKSPACE, body: 'Kessler asked for SAP S/4HANA support.' });
    await seedEntry(db, {
      workspaceId: teamsWorkspaceOf('tenant-2'),
      body: 'Tenant two: SAP S/4HANA pricing secret.',
    });
    earshot = await testEarshot(db, {
      ...teams.env,
      MICROSOFT_APP_TYPE: 'SingleTenant',
      MICROSOFT_APP_TENANT_ID: TEAMS_DEFAULTS.tenantId,
    });
    server = await startServer(earshot, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });

  const message = (overrides: ActivityOverrides = {}) =>
    teamsMessage({ text: 'SAP S/4HANA?', serviceUrl: teams.connector.serviceUrl, ...overrides });

  it('answers its own tenant and refuses every other with 403, answering nothing', async () => {
    const own = await teams.postActivity(server, message());
    expect(own.status).toBe(200);
    await teams.connector.waitForActivity(withCard);

    const sent = teams.connector.activities.length;
    const otherTenant = await teams.postActivity(
      server,
      message({ channelData: { tenant: { id: 'tenant-2' } } }),
    );
    // Both places Teams names the tenant must be this app's.
    const mixed = await teams.postActivity(
      server,
      message({
        conversation: { tenantId: 'tenant-2' },
        channelData: { tenant: { id: TEAMS_DEFAULTS.tenantId } },
      }),
    );
    const noTenant = await teams.postActivity(server, {
      ...message(),
      channelData: {},
      conversation: { id: 'a:1personal-chat-with-user-1', conversationType: 'personal' },
    });
    expect([otherTenant.status, mixed.status, noTenant.status]).toEqual([403, 403, 403]);
    await settle();
    expect(teams.connector.activities.length).toBe(sent);
    expect(await earshot.questions.list({ workspaceId: teamsWorkspaceOf('tenant-2') })).toEqual([]);
  });
});
