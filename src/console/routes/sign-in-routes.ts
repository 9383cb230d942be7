import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { CONSOLE_PATH, type ConsoleDeps, type ConsoleEnv, SESSION_COOKIE } from '../console-env.ts';
import { messagePage } from '../pages/layout.ts';

const REFUSED = {
  unknown: 'This sign-in link is not valid. Ask for a new one (`earshot console link`).',
  used: 'This sign-in link was already used: each link works once. Ask for a new one (`earshot console link`).',
  expired:
    'This sign-in link has expired: links work for 15 minutes. Ask for a new one (`earshot console link`).',
} as const;

/** `GET /console/sign-in?token=…` spends a one-time link and starts a session; sign-out ends it. */
export function signInRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.get('/sign-in', async (c) => {
    const token = c.req.query('token') ?? '';
    const redeemed = token ? await deps.links.redeem(token) : ({ ok: false, reason: 'unknown' } as const);
    if (!redeemed.ok) return c.html(messagePage('Sign-in link refused', REFUSED[redeemed.reason]), 403);
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await deps.sessions.end(previous);
    const sessionId = await deps.sessions.start(redeemed.holder);
    setCookie(c, SESSION_COOKIE, sessionId, {
      path: CONSOLE_PATH,
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.secureCookies,
    });
    return c.redirect(CONSOLE_PATH, 303);
  });
}

/** `POST /console/sign-out`, behind the session check (its form token included). */
export function signOutRoute(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.post('/sign-out', async (c) => {
    await deps.sessions.end(c.get('sessionId'));
    deleteCookie(c, SESSION_COOKIE, { path: CONSOLE_PATH, secure: deps.secureCookies });
    return c.html(messagePage('Signed out', 'You are signed out of the Earshot console.'));
  });
}
