import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousViolations } from '../helpers/browser.ts';
import { type ConsoleServer, startConsoleServer } from '../helpers/console-server.ts';
import { type FakeOidcProvider, startFakeOidcProvider } from '../helpers/fake-oidc-provider.ts';

const ENTRA_CLIENT = '6f1c2d3e-0000-4000-8000-00000000c0de';
const ACME_TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
const CARA_OID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

describe('the console: sign in with Slack and Microsoft Entra ID (OpenID Connect)', () => {
  let browser: Browser;
  let server: ConsoleServer;
  let slack: FakeOidcProvider;
  let entra: FakeOidcProvider;

  beforeAll(async () => {
    [browser, slack, entra] = await Promise.all([
      launchChromium(),
      startFakeOidcProvider({ clientId: '1234.5678', clientSecret: 'slack-secret' }),
      startFakeOidcProvider({ clientId: ENTRA_CLIENT, clientSecret: 'entra-secret' }),
    ]);
    server = await startConsoleServer(
      {
        EARSHOT_CONSOLE_SLACK_CLIENT_ID: slack.clientId,
        EARSHOT_CONSOLE_SLACK_CLIENT_SECRET: slack.clientSecret,
        EARSHOT_CONSOLE_SLACK_ISSUER: slack.issuer,
        EARSHOT_CONSOLE_ENTRA_CLIENT_ID: entra.clientId,
        EARSHOT_CONSOLE_ENTRA_CLIENT_SECRET: entra.clientSecret,
        EARSHOT_CONSOLE_ENTRA_ISSUER: entra.issuer,
      },
      { publicUrlIsOrigin: true },
    );
    const { earshot } = server;
    await earshot.organizations.link('acme', 'slack:T0ACME');
    await earshot.organizations.link('acme', `teams:${ACME_TENANT}`);
    await earshot.organizations.create('Globex');
    await earshot.organizations.link('globex', 'slack:T0GLOBEX');
    await earshot.people.save({
      platform: 'slack',
      workspaceId: 'acme',
      userId: 'U0REP',
      email: 'rick@acme.test',
      timeZone: null,
    });
    await earshot.people.save({
      platform: 'teams',
      workspaceId: 'acme',
      userId: CARA_OID,
      email: 'cara@acme.test',
      timeZone: null,
    });
    await earshot.curators.add('acme', { kind: 'email', id: 'cara@acme.test' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await slack?.close();
    await entra?.close();
  });

  async function freshPage(): Promise<Page> {
    return (await browser.newContext()).newPage();
  }

  /** Opens the console signed out and presses the provider's button; resolves where the browser lands. */
  async function signInWithButton(label: string): Promise<Page> {
    const page = await freshPage();
    await page.goto(`${server.origin}/console`);
    await page.getByRole('link', { name: `Sign in with ${label}` }).click();
    await page.waitForLoadState('load');
    return page;
  }

  const slackUser = (userId: string, team: string, email = 'someone@acme.test') => ({
    'https://slack.com/user_id': userId,
    'https://slack.com/team_id': team,
    email,
    email_verified: true,
  });

  it('offers both providers to a signed-out browser, accessibly', async () => {
    const page = await freshPage();
    const response = await page.goto(`${server.origin}/console`);
    expect(response?.status()).toBe(401);
    const buttons = await page.locator('main a.button').allTextContents();
    expect(buttons).toEqual(['Sign in with Slack', 'Sign in with Microsoft']);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('signs a Slack user in to the organization their team is linked to, found by their Slack user id', async () => {
    // The email in the token differs from the one Earshot knows: the user id decides.
    slack.signInAs({ claims: slackUser('U0REP', 'T0ACME', 'rick.personal@acme.test') });
    const page = await signInWithButton('Slack');
    expect(new URL(page.url()).pathname).toBe('/console');
    await expect(page.getByRole('banner').textContent()).resolves.toContain(
      'rick@acme.test · member of acme',
    );
    const asked = slack.authorizeRequests.at(-1);
    expect({
      method: asked?.get('code_challenge_method'),
      challenge: Boolean(asked?.get('code_challenge')),
      state: Boolean(asked?.get('state')),
      nonce: Boolean(asked?.get('nonce')),
      redirect: asked?.get('redirect_uri'),
    }).toEqual({
      method: 'S256',
      challenge: true,
      state: true,
      nonce: true,
      redirect: `${server.origin}/console/sign-in/slack/callback`,
    });
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'earshot_console')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
  });

  it('signs an Entra user in by object id and tenant, as the curator they are', async () => {
    entra.signInAs({ claims: { oid: CARA_OID.toUpperCase(), tid: ACME_TENANT, email: 'cara@acme.test' } });
    const page = await signInWithButton('Microsoft');
    expect(new URL(page.url()).pathname).toBe('/console');
    await expect(page.getByRole('banner').textContent()).resolves.toContain(
      'cara@acme.test · curator of acme',
    );
    await expect(page.getByRole('link', { name: 'Review queue' }).count()).resolves.toBe(1);
  });

  it('falls back to a verified email in the linked organization, never to an unverified one', async () => {
    await server.earshot.curators.add('acme', { kind: 'email', id: 'nina@acme.test' });
    slack.signInAs({ claims: { ...slackUser('U0NEW', 'T0ACME', 'nina@acme.test'), email_verified: false } });
    const unverified = await signInWithButton('Slack');
    await expect(unverified.locator('h1').textContent()).resolves.toBe('Not in an organization');

    slack.signInAs({ claims: slackUser('U0NEW', 'T0ACME', 'nina@acme.test') });
    const verified = await signInWithButton('Slack');
    await expect(verified.getByRole('banner').textContent()).resolves.toContain(
      'nina@acme.test · curator of acme',
    );
  });

  it('refuses a token from a team or tenant no organization of the person is linked to', async () => {
    // Same user id and email as a member of acme, but from Globex's team, where Earshot does not know them.
    slack.signInAs({ claims: slackUser('U0REP', 'T0GLOBEX', 'rick@acme.test') });
    const otherTeam = await signInWithButton('Slack');
    await expect(otherTeam.locator('h1').textContent()).resolves.toBe('Not in an organization');
    await expect(otherTeam.locator('main').textContent()).resolves.toContain('linked to the Slack workspace');
    expect(await seriousViolations(otherTeam)).toEqual([]);

    entra.signInAs({
      claims: { oid: CARA_OID, tid: OTHER_TENANT, email: 'cara@acme.test', email_verified: true },
    });
    const otherTenant = await signInWithButton('Microsoft');
    await expect(otherTenant.locator('h1').textContent()).resolves.toBe('Not in an organization');
    const sessions = await server.db.query<{ email: string }>(
      'SELECT email FROM console_sessions ORDER BY email',
    );
    // Only the three who were matched above have sessions.
    expect(sessions.map((row) => row.email)).toEqual(['cara@acme.test', 'nina@acme.test', 'rick@acme.test']);
  });

  it('refuses an ID token with the wrong nonce and an answer with the wrong state', async () => {
    slack.signInAs({ claims: slackUser('U0REP', 'T0ACME'), nonce: 'someone-elses-nonce' });
    const wrongNonce = await signInWithButton('Slack');
    expect(new URL(wrongNonce.url()).pathname).toBe('/console/sign-in/slack/callback');
    await expect(wrongNonce.locator('main').textContent()).resolves.toContain(
      'The answer from Slack could not be verified.',
    );
    entra.signInAs({ claims: { oid: CARA_OID, tid: ACME_TENANT }, state: 'forged-state' });
    const wrongState = await signInWithButton('Microsoft');
    await expect(wrongState.locator('main').textContent()).resolves.toContain(
      'The answer from Microsoft could not be verified.',
    );
    // A callback the browser did not start here (no pending cookie) is refused before any token request.
    const stray = await (await freshPage()).goto(
      `${server.origin}/console/sign-in/entra/callback?code=x&state=y`,
    );
    expect(stray?.status()).toBe(403);
    const sessions = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM console_sessions');
    expect(sessions[0]?.n).toBe(3);
  });
});

describe('the console without sign-in providers configured', () => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsoleServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows no provider buttons and has no provider routes', async () => {
    const page = await fetch(`${server.origin}/console`);
    expect(page.status).toBe(401);
    expect(await page.text()).not.toContain('Sign in with');
    for (const path of ['/console/sign-in/slack', '/console/sign-in/entra/callback?code=x&state=y']) {
      expect((await fetch(`${server.origin}${path}`, { redirect: 'manual' })).status).toBe(404);
    }
  });
});

describe('the console when the identity provider cannot be reached', () => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsoleServer({
      EARSHOT_CONSOLE_SLACK_CLIENT_ID: '1234.5678',
      EARSHOT_CONSOLE_SLACK_CLIENT_SECRET: 'slack-secret',
      // Nothing listens on the discard port.
      EARSHOT_CONSOLE_SLACK_ISSUER: 'http://127.0.0.1:9',
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('says so instead of failing, and starts no sign-in', async () => {
    const response = await fetch(`${server.origin}/console/sign-in/slack`, { redirect: 'manual' });
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('Slack could not be reached to sign you in.');
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});
