import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { SignInLinks } from '../../src/console/sign-in-links.ts';
import type { Database } from '../../src/db/database.ts';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { launchChromium } from './browser.ts';
import { testEarshot } from './earshot.ts';
import { FakeClock } from './fake-clock.ts';
import { openTestDatabase } from './test-database.ts';

export interface ConsoleServer {
  earshot: Earshot;
  db: Database;
  clock: FakeClock;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** A fresh one-time sign-in URL for the email, as `earshot console link` prints it (on this origin). */
  signInUrl(email: string, organization?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * `earshot serve` in this process on a PGlite test database, with a clock the test moves. Organization
 * `acme` exists; people and curators are added by the test.
 */
export async function startConsoleServer(
  env: Record<string, string> = {},
  options: { publicUrlIsOrigin?: boolean } = {},
): Promise<ConsoleServer> {
  const db = await openTestDatabase('pglite');
  const clock = new FakeClock(new Date());
  // Sign-in providers send the browser back to EARSHOT_PUBLIC_URL: then it must be this server's origin.
  const port = options.publicUrlIsOrigin ? await freePort() : 0;
  const publicUrl: Record<string, string> = options.publicUrlIsOrigin
    ? { EARSHOT_PUBLIC_URL: `http://127.0.0.1:${port}` }
    : {};
  const earshot = await testEarshot(db, { ...env, ...publicUrl }, { clock });
  await ensureWorkspace(db, 'acme');
  const server: EarshotServer = await startServer(earshot, { port });
  const origin = `http://127.0.0.1:${server.port}`;
  const links = new SignInLinks({ db, clock });
  return {
    earshot,
    db,
    clock,
    origin,
    signInUrl: async (email, organization = 'acme') =>
      `${origin}/console/sign-in?token=${await links.create({ organization, email })}`,
    close: async () => {
      await server.close();
      await earshot.close();
    },
  };
}

/** Someone Earshot has met in Slack, so the console knows their email. */
export async function addSlackPerson(earshot: Earshot, userId: string, email: string, organization = 'acme') {
  await earshot.people.save({ platform: 'slack', workspaceId: organization, userId, email, timeZone: null });
}

/** Opens a one-time link and presses its Sign in button, as a person would; resolves on the console's first page. */
export async function signInWith(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((address) => address.pathname === '/console');
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ConsoleInBrowser {
  browser: Browser;
  server: ConsoleServer;
  /** Signed in as `signInAs` (the curator unless said otherwise). */
  page: Page;
  close(): Promise<void>;
}

/**
 * One Chromium and one console server for a test file: `curator` is a curator of `acme`, each of
 * `members` (Slack user id → email) a known person there, and a page is signed in.
 */
export async function consoleInBrowser(options: {
  curator: string;
  members?: Record<string, string>;
  signInAs?: string;
  /** Extra configuration, e.g. Slack pointed at a fake Web API so people are told in chat. */
  env?: Record<string, string>;
}): Promise<ConsoleInBrowser> {
  const [browser, server] = await Promise.all([launchChromium(), startConsoleServer(options.env)]);
  await server.earshot.curators.add('acme', { kind: 'email', id: options.curator });
  for (const [userId, email] of Object.entries(options.members ?? {})) {
    await addSlackPerson(server.earshot, userId, email);
  }
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signInWith(page, await server.signInUrl(options.signInAs ?? options.curator));
  return {
    browser,
    server,
    page,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
