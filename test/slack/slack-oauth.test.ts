import jwt from 'jsonwebtoken';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { SLACK_BOT_SCOPES } from '../../src/slack/oauth/bot-scopes.ts';
import { seedEntry } from '../helpers/seed.ts';
import type { OAuthGrant } from '../helpers/slack/fake-slack-api.ts';
import { EMEA_GRANT, OAUTH_ENV, TEST_OAUTH_APP } from '../helpers/slack/fake-slack-oauth.ts';
import { appMention, eventCallback } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { slashCommandBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { finishInstall, installByOAuth, startInstall } from '../helpers/slack/slack-oauth-browser.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, stateSecret: STATE_SECRET } = TEST_OAUTH_APP;
const EMEA = EMEA_GRANT;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DATABASE_KINDS)('Slack OAuth installs on %s', (kind) => {
  let db: Database;
  let harness: SlackHarness;
  let baseUrl: string;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(db, OAUTH_ENV, {
      oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    });
    baseUrl = `http://127.0.0.1:${harness.server.port}`;
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  // Each workspace knows Earshot by its own bot user.
  const botIn = (teamId: string) => (teamId === 'T_EMEA' ? EMEA.botUserId : SLACK_IDS.botUserId);
  const mentionFrom = (teamId: string, question: string, eventId: string) =>
    JSON.stringify(
      eventCallback(appMention({ team: teamId, text: `<@${botIn(teamId)}> ${question}` }), {
        teamId,
        eventId,
      }),
    );
  const storedToken = async (id: string) =>
    (
      await db.query<{ bot_token: string | null }>(
        'SELECT bot_token FROM slack_installations WHERE id = $1',
        [id],
      )
    )[0]?.bot_token;

  it('installs a workspace: Slack consent with a checked state, the token stored encrypted, the workspace its own organization', async () => {
    const start = await startInstall(baseUrl);
    expect(`${start.authorizeUrl.origin}${start.authorizeUrl.pathname}`).toBe(
      new URL('/oauth/v2/authorize', harness.slack.url).toString(),
    );
    expect(start.authorizeUrl.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(start.authorizeUrl.searchParams.get('scope')?.split(',')).toEqual(
      expect.arrayContaining(['chat:write', 'mpim:history', 'users:read.email']),
    );
    expect(start.cookie).toBe(`slack-app-oauth-state=${start.state}`);

    harness.slack.grantOAuth('code-emea', EMEA);
    const done = await finishInstall(baseUrl, { code: 'code-emea', state: start.state }, start.cookie);
    expect(done.status).toBe(200);
    expect(done.text).toContain('Thank you');
    const [exchange] = harness.slack.callsTo('oauth.v2.access');
    expect(exchange?.args).toMatchObject({ code: 'code-emea', client_id: CLIENT_ID });

    const raw = await storedToken('slack:T_EMEA');
    expect(raw).toMatch(/^v1\./);
    expect(raw).not.toContain(EMEA.botToken);
    expect(raw).not.toContain(Buffer.from(EMEA.botToken).toString('base64').slice(0, 16));
    const [row] = await db.query<Record<string, unknown>>(
      'SELECT team_id, bot_user_id, bot_scopes, installer_user_id, is_enterprise_install FROM slack_installations',
    );
    expect(row).toEqual({
      team_id: 'T_EMEA',
      bot_user_id: 'U_BOT_EMEA',
      bot_scopes: EMEA.scope,
      installer_user_id: 'U_EMEA_ADMIN',
      is_enterprise_install: false,
    });
    expect(await harness.earshot.organizations.find('slack:T_EMEA')).toBe('slack:T_EMEA');
    expect(await harness.earshot.organizations.show('slack:T_EMEA')).toMatchObject({
      installations: [expect.objectContaining({ id: 'slack:T_EMEA', name: 'Acme EMEA' })],
    });
    const logged = JSON.stringify(harness.logs.lines);
    expect(logged).toContain('Earshot was installed in a Slack workspace');
    expect(logged).not.toContain(EMEA.botToken);
  });

  it('refuses a forged, expired or other-browser state, and stores nothing', async () => {
    const start = await startInstall(baseUrl);
    harness.slack.grantOAuth('code-emea', EMEA);
    const forged = jwt.sign(
      { installOptions: { scopes: ['chat:write'] }, now: new Date().toJSON() },
      'not-ours',
    );
    const expired = jwt.sign(
      { installOptions: { scopes: ['chat:write'] }, now: new Date(Date.now() - 11 * 60_000).toJSON() },
      STATE_SECRET,
    );
    for (const [state, cookie] of [
      [forged, `slack-app-oauth-state=${forged}`],
      [expired, `slack-app-oauth-state=${expired}`],
      // A state Earshot issued, but to another browser: the redirect carries no matching cookie.
      [start.state, undefined],
    ] as const) {
      const refused = await finishInstall(baseUrl, { code: 'code-emea', state }, cookie);
      expect(refused.status).toBe(400);
      expect(refused.text).toMatch(/invalid_state/i);
    }
    expect(harness.slack.callsTo('oauth.v2.access')).toEqual([]);
    expect(await db.query('SELECT id FROM slack_installations')).toEqual([]);
    expect(harness.logs.lines.filter((line) => line.msg === 'refused a Slack OAuth redirect').length).toBe(3);
  });

  it("serves the OAuth workspace with its own token next to SLACK_BOT_TOKEN's, and ignores a workspace with neither", async () => {
    expect((await installByOAuth(baseUrl, harness.slack, EMEA)).status).toBe(200);
    await seedEntry(db, {
      workspaceId: 'slack:T_EMEA',
      body: 'Kessler negotiated a 12% discount off list price.',
    });
    await seedEntry(db, {
      workspaceId: SLACK_IDS.workspaceId,
      body: 'Brightline wants SSO before signing the renewal.',
    });

    await harness.post(mentionFrom('T_EMEA', 'what discount off list price did Kessler get?', 'EvEmea'));
    const emeaAnswer = await harness.slack.waitForCall('chat.update', (call) =>
      JSON.stringify(call.args).includes('12% discount'),
    );
    expect(emeaAnswer.token).toBe(EMEA.botToken);

    await harness.post(
      mentionFrom(SLACK_IDS.teamId, 'what does Brightline want before the renewal?', 'EvToken'),
    );
    const tokenAnswer = await harness.slack.waitForCall('chat.update', (call) =>
      JSON.stringify(call.args).includes('SSO'),
    );
    expect(tokenAnswer.token).toBe('xoxb-test-token');
    expect(JSON.stringify(tokenAnswer.args)).not.toContain('Kessler');

    const before = harness.slack.calls.length;
    await harness.post(
      mentionFrom('T_NOWHERE', 'what discount off list price did Kessler get?', 'EvNowhere'),
    );
    await sleep(500);
    expect(harness.slack.calls.slice(before)).toEqual([]);
    const ignored = harness.logs.lines.filter((line) => /does not serve/.test(String(line.msg)));
    expect(ignored).toEqual([expect.objectContaining({ platform: 'slack', workspace: 'T_NOWHERE' })]);
    // Every call about EMEA went out with EMEA's token, and no token reached the logs.
    const emeaCalls = harness.slack.calls.filter((call) => call.token === EMEA.botToken);
    expect(emeaCalls.map((call) => call.method)).toContain('chat.postMessage');
    expect(JSON.stringify(harness.logs.lines)).not.toContain(EMEA.botToken);
  });

  it('deletes the token on app_uninstalled and tokens_revoked, keeps the knowledge, and a reinstall lands in the same organization', async () => {
    await installByOAuth(baseUrl, harness.slack, EMEA);
    await harness.earshot.organizations.create('Acme');
    await harness.earshot.organizations.link('acme', 'slack:T_EMEA');
    await seedEntry(db, { workspaceId: 'acme', body: 'Kessler negotiated a 12% discount off list price.' });

    const uninstalled = eventCallback({ type: 'app_uninstalled' }, { teamId: 'T_EMEA', eventId: 'EvGone' });
    expect((await harness.post(JSON.stringify(uninstalled))).status).toBe(200);
    await expect.poll(() => storedToken('slack:T_EMEA')).toBeNull();
    const [installation] = await db.query<{ workspace_id: string }>(
      'SELECT workspace_id FROM installations WHERE id = $1',
      ['slack:T_EMEA'],
    );
    expect(installation?.workspace_id).toBe('acme');
    expect((await harness.earshot.organizations.show('acme')).entries).toBe(1);

    // Without its token, the workspace is no longer served.
    const before = harness.slack.calls.length;
    await harness.post(
      mentionFrom('T_EMEA', 'what discount off list price did Kessler get?', 'EvAfterUninstall'),
    );
    await sleep(500);
    expect(harness.slack.calls.slice(before)).toEqual([]);

    const reinstalled = { ...EMEA, botToken: 'xoxb-emea-second-install-77aa' };
    expect((await installByOAuth(baseUrl, harness.slack, reinstalled)).status).toBe(200);
    expect(await harness.earshot.organizations.find('slack:T_EMEA')).toBe('acme');
    await harness.post(
      mentionFrom('T_EMEA', 'what discount off list price did Kessler get?', 'EvReinstalled'),
    );
    const answer = await harness.slack.waitForCall('chat.update', (call) =>
      JSON.stringify(call.args).includes('12% discount'),
    );
    expect(answer.token).toBe(reinstalled.botToken);

    const revoked = eventCallback(
      { type: 'tokens_revoked', tokens: { oauth: [], bot: [EMEA.botUserId] } } as { type: string },
      { teamId: 'T_EMEA', eventId: 'EvRevoked' },
    );
    await harness.post(JSON.stringify(revoked));
    await expect.poll(() => storedToken('slack:T_EMEA')).toBeNull();
    expect((await harness.earshot.organizations.show('acme')).entries).toBe(1);
  });

  it('serves an Enterprise Grid org-wide install in each of its workspaces, as one organization', async () => {
    const grid: OAuthGrant = {
      team: null,
      enterprise: { id: 'E_GRID', name: 'Grid Corp' },
      isEnterpriseInstall: true,
      botToken: 'xoxb-grid-org-token-19be',
      botUserId: 'U_BOT_GRID',
      botId: 'B_GRID',
      scope: SLACK_BOT_SCOPES.join(','),
      installerUserId: 'U_GRID_ADMIN',
    };
    expect((await installByOAuth(baseUrl, harness.slack, grid)).status).toBe(200);
    expect(await harness.earshot.organizations.find('slack:E_GRID')).toBe('slack:E_GRID');
    await seedEntry(db, {
      workspaceId: 'slack:E_GRID',
      body: 'Kessler negotiated a 12% discount off list price.',
    });

    const body = eventCallback(
      appMention({
        team: 'T_GRID_SALES',
        text: '<@U_BOT_GRID> what discount off list price did Kessler get?',
      }),
      {
        teamId: 'T_GRID_SALES',
        eventId: 'EvGrid',
      },
    );
    const orgWide = {
      ...body,
      enterprise_id: 'E_GRID',
      authorizations: [
        {
          enterprise_id: 'E_GRID',
          team_id: null,
          user_id: 'U_BOT_GRID',
          is_bot: true,
          is_enterprise_install: true,
        },
      ],
    };
    await harness.post(JSON.stringify(orgWide));
    const answer = await harness.slack.waitForCall('chat.update', (call) =>
      JSON.stringify(call.args).includes('12% discount'),
    );
    expect(answer.token).toBe(grid.botToken);
  });

  it('reaches a person and a channel with the token of the workspace they were seen in', async () => {
    await installByOAuth(baseUrl, harness.slack, EMEA);
    await harness.earshot.organizations.create('Acme');
    await harness.earshot.organizations.link('acme', SLACK_IDS.workspaceId);
    await harness.earshot.organizations.link('acme', 'slack:T_EMEA');
    // Dana works in the EMEA workspace: only its token finds her.
    harness.slack.respond('users.lookupByEmail', (call, reply) =>
      call.token === EMEA.botToken ? reply() : { ok: false, error: 'users_not_found' },
    );

    const dana = await harness.earshot.messengers.findPerson('acme', { email: 'dana@example.com' });
    expect(dana).toMatchObject({ platform: 'slack', userId: 'U_DANA', installationId: 'slack:T_EMEA' });
    if (!dana) throw new Error('Dana not found');
    await harness.earshot.messengers.sendDirect(dana, {
      kind: 'text',
      text: 'Mercy Health agreed to a call.',
    });
    const dm = await harness.slack.waitForCall('chat.postMessage', (call) => call.args.channel === 'U_DANA');
    expect(dm.token).toBe(EMEA.botToken);

    // Kept: the next alert to Dana, from any process, goes the same way without looking her up again.
    const [kept] = await db.query<{ installation_id: string }>(
      'SELECT installation_id FROM chat_people WHERE user_id = $1',
      ['U_DANA'],
    );
    expect(kept?.installation_id).toBe('slack:T_EMEA');

    // A channel subscribed to the digest from EMEA gets it with EMEA's token.
    await harness.post(
      slashCommandBody({
        team_id: 'T_EMEA',
        channel_id: 'C_EMEA_SALES',
        channel_name: 'emea-sales',
        user_id: 'U_EMEA_ADMIN',
        text: 'digest weekly mon 09:00',
        response_url: harness.slack.responseUrl('digest'),
      }),
    );
    await expect
      .poll(() =>
        db.query('SELECT installation_id FROM conversation_refs WHERE conversation_id = $1', [
          'C_EMEA_SALES',
        ]),
      )
      .toEqual([{ installation_id: 'slack:T_EMEA' }]);
    const channel = await harness.earshot.conversations.find('slack', 'acme', 'C_EMEA_SALES');
    if (!channel) throw new Error('the subscribed channel was not kept');
    await harness.earshot.messengers
      .sender('slack')
      ?.send(channel, { kind: 'text', text: 'This week in the field' });
    const digest = await harness.slack.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === 'C_EMEA_SALES',
    );
    expect(digest.token).toBe(EMEA.botToken);
  });
});

describe.each(DATABASE_KINDS)('Slack with OAuth installs only (no SLACK_BOT_TOKEN) on %s', (kind) => {
  let db: Database;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(
      db,
      { ...OAUTH_ENV, SLACK_BOT_TOKEN: '' },
      { oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } },
    );
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  it('starts with no workspace, serves each one once it installs, and no other', async () => {
    expect(harness.server.slack?.mode).toBe('http');
    expect(harness.slack.calls).toEqual([]);
    const baseUrl = `http://127.0.0.1:${harness.server.port}`;
    expect((await installByOAuth(baseUrl, harness.slack, EMEA)).status).toBe(200);
    await seedEntry(db, {
      workspaceId: 'slack:T_EMEA',
      body: 'Kessler negotiated a 12% discount off list price.',
    });

    const ask = (teamId: string, eventId: string) =>
      harness.post(
        JSON.stringify(
          eventCallback(
            appMention({
              team: teamId,
              text: `<@${EMEA.botUserId}> what discount off list price did Kessler get?`,
            }),
            { teamId, eventId },
          ),
        ),
      );
    await ask('T_EMEA', 'EvInstalled');
    const answer = await harness.slack.waitForCall('chat.update', (call) =>
      JSON.stringify(call.args).includes('12% discount'),
    );
    expect(answer.token).toBe(EMEA.botToken);

    const before = harness.slack.calls.length;
    await ask(SLACK_IDS.teamId, 'EvNotInstalled');
    await sleep(500);
    expect(harness.slack.calls.slice(before)).toEqual([]);
  });
});
