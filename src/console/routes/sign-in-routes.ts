import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { CONSOLE_PATH, type ConsoleDeps, type ConsoleEnv, SESSION_COOKIE } from '../console-env.ts';
import { messagePage } from '../pages/layout.ts';
import { signInPage } from '../pages/sign-in-page.ts';
import type { LinkHolder, Redeemed } from '../sign-in-links.ts';

const REFUSED = {
  unknown: 'This sign-in link is not valid. Ask for a new one (`earshot console link`).',
  used: 'This sign-in link was already used: each link works once. Ask for a new one (`earshot console link`).',
  expired:
    'This sign-in link has expired: links work for 15 minutes. Ask for a new one (`earshot console link`).',
} as const;

/**
 * A one-time link opens a page with a Sign in button (GET spends nothing, so a chat app's link preview or
 * a mail scanner cannot use the link up); the button's POST spends it and starts the session.
 * Sign-in with Slack or Entra ID (oidc-routes.ts) ends the same way, in `beginSession`.
 */
export function signInRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.get('/sign-in', async (c) => {
    const token = c.req.query('token') ?? '';
    const checked = token ? await deps.links.check(token) : REFUSED_UNKNOWN;
    if (!checked.ok) return refused(c, checked.reason);
    return c.html(signInPage({ token, ...checked.holder }));
  });

  app.post('/sign-in', async (c) => {
    // Another site must not sign a visitor in as someone else (login CSRF): browsers say where a form came from.
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin && origin !== deps.publicOrigin) {
      return c.html(messagePage('Sign-in refused', 'Open the sign-in link itself to sign in.'), 403);
    }
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const token = typeof form.token === 'string' ? form.token : '';
    const redeemed = token ? await deps.links.redeem(token) : REFUSED_UNKNOWN;
    if (!redeemed.ok) return refused(c, redeemed.reason);
    return beginSession(c, deps, redeemed.holder);
  });
}

/** Starts the holder's session (ending the browser's previous one) and opens the console. */
export async function beginSession(c: Context<ConsoleEnv>, deps: ConsoleDeps, holder: LinkHolder) {
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await deps.sessions.end(previous);
  const sessionId = await deps.sessions.start(holder);
  setCookie(c, SESSION_COOKIE, sessionId, {
    path: CONSOLE_PATH,
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies,
  });
  return c.redirect(CONSOLE_PATH, 303);
}

const REFUSED_UNKNOWN: Redeemed = { ok: false, reason: 'unknown' };

function refused(c: Context<ConsoleEnv>, reason: keyof typeof REFUSED) {
  return c.html(messagePage('Sign-in link refused', REFUSED[reason]), 403);
}

/** `POST /console/sign-out`, behind the session check (its form token included). */
export function signOutRoute(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.post('/sign-out', async (c) => {
    await deps.sessions.end(c.get('sessionId'));
    deleteCookie(c, SESSION_COOKIE, { path: CONSOLE_PATH, secure: deps.secureCookies });
    return c.html(messagePage('Signed out', 'You are signed out of the Earshot console.'));
  });
}
