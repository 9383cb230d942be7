import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS } from '../../src/console/console-sessions.ts';
import { SIGN_IN_LINK_MS } from '../../src/console/sign-in-links.ts';
import { launchChromium, seriousViolations } from '../helpers/browser.ts';
import {
  addSlackPerson,
  type ConsoleServer,
  signInWith,
  startConsoleServer,
} from '../helpers/console-server.ts';
import { seedEntry } from '../helpers/seed.ts';

const CURATOR = 'cara@acme.test';
const REP = 'rick@acme.test';

describe('the console: sign-in, roles and form tokens', () => {
  let browser: Browser;
  let server: ConsoleServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startConsoleServer()]);
    await server.earshot.curators.add('acme', { kind: 'email', id: CURATOR });
    await addSlackPerson(server.earshot, 'U0REP', REP);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A browser with no cookies, as a new person's would be. */
  async function freshPage(): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  }

  async function signedIn(email: string): Promise<Page> {
    const page = await freshPage();
    await signInWith(page, await server.signInUrl(email));
    return page;
  }

  /** The form token the page carries (every page has one, in its sign-out form). */
  function formToken(page: Page): Promise<string> {
    return page.locator('input[name="_csrf"]').first().inputValue();
  }

  it('signs in with a one-time link once: the session cookie is HttpOnly and SameSite=Lax, a reused link is refused', async () => {
    const url = await server.signInUrl(CURATOR);
    // Opening the link (as a chat app's link preview would) spends nothing: the button does.
    expect((await fetch(url)).status).toBe(200);
    const page = await freshPage();
    await page.goto(url);
    await expect(page.locator('main').textContent()).resolves.toContain(`signs in ${CURATOR} to acme`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.origin}/console`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Knowledge');
    await expect(page.getByRole('banner').textContent()).resolves.toContain(`${CURATOR} · curator of acme`);
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({
      name: 'earshot_console',
      path: '/console',
      httpOnly: true,
      sameSite: 'Lax',
      secure: false,
    });
    // Only the token's hash is stored.
    const token = new URL(url).searchParams.get('token') ?? '';
    const stored = await server.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM console_sign_in_links',
    );
    expect(stored.map((row) => row.token_hash)).not.toContain(token);

    const again = await freshPage();
    const reused = await again.goto(url);
    expect(reused?.status()).toBe(403);
    await expect(again.locator('main').textContent()).resolves.toContain('already used');
    const unsigned = await again.goto(`${server.origin}/console`);
    expect(unsigned?.status()).toBe(401);
    await expect(again.locator('main').textContent()).resolves.toContain('earshot console link');
  });

  it('refuses a sign-in posted from another site, leaving the link unspent', async () => {
    const url = await server.signInUrl(CURATOR);
    const token = new URL(url).searchParams.get('token') ?? '';
    const forged = await fetch(`${server.origin}/console/sign-in`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: new URLSearchParams({ token }),
      redirect: 'manual',
    });
    expect([forged.status, forged.headers.get('set-cookie')]).toEqual([403, null]);
    const page = await freshPage();
    await signInWith(page, url);
    await expect(page.getByRole('banner').textContent()).resolves.toContain(CURATOR);
  });

  it('marks the session cookie Secure when people reach Earshot over https, as a proxy ending TLS forwards it', async () => {
    const https = await startConsoleServer({ EARSHOT_PUBLIC_URL: 'https://earshot.example.com' });
    try {
      await https.earshot.curators.add('acme', { kind: 'email', id: CURATOR });
      const token = new URL(await https.signInUrl(CURATOR)).searchParams.get('token') ?? '';
      // Behind a proxy that ends TLS, the browser's Origin is the public URL's, not the request's.
      const response = await fetch(`${https.origin}/console/sign-in`, {
        method: 'POST',
        headers: { origin: 'https://earshot.example.com' },
        body: new URLSearchParams({ token }),
        redirect: 'manual',
      });
      expect([response.status, response.headers.get('location')]).toEqual([303, '/console']);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie.split('; ').slice(1).sort()).toEqual([
        'HttpOnly',
        'Path=/console',
        'SameSite=Lax',
        'Secure',
      ]);
    } finally {
      await https.close();
    }
  });

  it('refuses a link past its 15 minutes, even from a sign-in page opened in time, and ends a session left idle', async () => {
    const url = await server.signInUrl(CURATOR);
    const idle = await signedIn(CURATOR);
    const opened = await freshPage();
    await opened.goto(url);
    server.clock.advance(SIGN_IN_LINK_MS + 1_000);
    await opened.getByRole('button', { name: 'Sign in' }).click();
    await expect(opened.locator('main').textContent()).resolves.toContain('expired');
    const late = await freshPage();
    const expired = await late.goto(url);
    expect(expired?.status()).toBe(403);
    await expect(late.locator('main').textContent()).resolves.toContain('expired');
    expect((await idle.goto(`${server.origin}/console`))?.status()).toBe(200);
    server.clock.advance(SESSION_IDLE_MS + 1_000);
    expect((await idle.goto(`${server.origin}/console`))?.status()).toBe(401);
  });

  it('lets a member browse, but shows no review queue and refuses a direct approve with 403, changing nothing', async () => {
    const pending = await seedEntry(server.db, { status: 'pending', title: 'Competitor cut prices' });
    const page = await signedIn(REP);
    await expect(page.getByRole('banner').textContent()).resolves.toContain(`${REP} · member of acme`);
    const nav = page.getByRole('navigation', { name: 'Console' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual([
      'Knowledge',
      'References',
      'Accounts',
      'Triggers',
    ]);
    expect((await page.goto(`${server.origin}/console/review`))?.status()).toBe(403);
    await expect(page.locator('main').textContent()).resolves.toContain('Only curators');
    await page.goto(`${server.origin}/console`);
    const posted = await page.request.post(`${server.origin}/console/review`, {
      form: { _csrf: await formToken(page), one: `approve:${pending.id}` },
    });
    expect(posted.status()).toBe(403);
    expect((await server.earshot.entries.get('acme', pending.id)).status).toBe('pending');
    expect(await server.db.prisma.consoleAuditEvent.count()).toBe(0);
  });

  it('refuses a curator form without its token, or with another session’s, with 403 and nothing changed', async () => {
    const pending = await seedEntry(server.db, { status: 'pending', title: 'Asked about SOC 2' });
    const curator = await signedIn(CURATOR);
    const other = await signedIn(CURATOR);
    const post = (form: Record<string, string>) =>
      curator.request.post(`${server.origin}/console/review`, { form, maxRedirects: 0 });
    expect((await post({ one: `approve:${pending.id}` })).status()).toBe(403);
    expect((await post({ _csrf: await formToken(other), one: `approve:${pending.id}` })).status()).toBe(403);
    expect((await server.earshot.entries.get('acme', pending.id)).status).toBe('pending');
    const broken = await curator.request.post(`${server.origin}/console/review`, {
      headers: { 'content-type': 'multipart/form-data' },
      data: '--nothing--',
    });
    expect(broken.status()).toBe(400);
    const accepted = await post({ _csrf: await formToken(curator), one: `reject:${pending.id}` });
    expect(accepted.status()).toBe(303);
    expect((await server.earshot.entries.get('acme', pending.id)).status).toBe('rejected');
  });

  it('has no serious accessibility violations on its pages', async () => {
    await seedEntry(server.db, { status: 'pending', title: 'Heard about a reorg', kind: 'tip' });
    await seedEntry(server.db, {
      title: 'SSO is a must',
      body: 'Buyers ask for SSO with Okta.',
      topics: ['sso'],
    });
    const page = await signedIn(CURATOR);
    for (const path of ['/console?q=SSO', '/console/review', '/console/audit']) {
      await page.goto(`${server.origin}${path}`);
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
    await page.goto(`${server.origin}/console/sign-in?token=nope`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(await server.signInUrl(REP));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('signs out: the session no longer opens the console', async () => {
    const page = await signedIn(REP);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Signed out');
    expect((await page.goto(`${server.origin}/console`))?.status()).toBe(401);
  });
});
