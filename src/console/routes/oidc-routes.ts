import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { CONSOLE_PATH, type ConsoleDeps, type ConsoleEnv } from '../console-env.ts';
import { matchIdentity } from '../oidc/match-identity.ts';
import type { PendingSignIn } from '../oidc/oidc-sign-in.ts';
import { messagePage } from '../pages/layout.ts';
import { beginSession } from './sign-in-routes.ts';

const PENDING_COOKIE = 'earshot_console_oidc';
const PENDING_PATH = `${CONSOLE_PATH}/sign-in`;
const PENDING_SECONDS = 10 * 60;

const pendingSchema = z.object({
  provider: z.string(),
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
});

const START_AGAIN = 'Go back to the console and choose Sign in again.';

/**
 * `GET /console/sign-in/:provider` sends the browser to Slack or Microsoft with a fresh state, nonce and
 * PKCE challenge (kept in a short-lived HttpOnly cookie); `…/callback` verifies the answer, matches the
 * identity to an organization and starts a session. A provider not configured has no routes (404).
 */
export function oidcRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.get('/sign-in/:provider', async (c) => {
    const provider = deps.oidc.provider(c.req.param('provider'));
    if (!provider) return c.notFound();
    const started = await deps.oidc.start(provider);
    if (!started) return unavailable(c, provider.label);
    setCookie(c, PENDING_COOKIE, Buffer.from(JSON.stringify(started.pending)).toString('base64url'), {
      path: PENDING_PATH,
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.secureCookies,
      maxAge: PENDING_SECONDS,
    });
    return c.redirect(started.url.href, 302);
  });

  app.get('/sign-in/:provider/callback', async (c) => {
    const provider = deps.oidc.provider(c.req.param('provider'));
    if (!provider) return c.notFound();
    const pending = pendingOf(getCookie(c, PENDING_COOKIE));
    deleteCookie(c, PENDING_COOKIE, { path: PENDING_PATH, secure: deps.secureCookies });
    if (!pending || pending.provider !== provider.id) {
      return refused(
        c,
        `This sign-in with ${provider.label} was not started here, or took too long. ${START_AGAIN}`,
      );
    }
    const finished = await deps.oidc.finish(provider, new URL(c.req.url).searchParams, pending);
    if (!finished.ok) {
      if (finished.reason === 'unavailable') return unavailable(c, provider.label);
      const why = {
        denied: `${provider.label} did not sign you in.`,
        unverified: `The answer from ${provider.label} could not be verified.`,
        unknown_identity: `${provider.label} did not say which user and workspace you are.`,
      }[finished.reason];
      return refused(c, `${why} ${START_AGAIN}`);
    }
    const holder = await matchIdentity(deps, finished.identity);
    if (!holder) {
      return c.html(
        messagePage(
          'Not in an organization',
          `Earshot does not know you in any organization linked to the ${provider.label} ${finished.identity.platform === 'slack' ? 'workspace' : 'tenant'} you signed in with. Ask an Earshot admin to link it (\`earshot org link\`), or to send you a sign-in link.`,
        ),
        403,
      );
    }
    deps.logger.info({ provider: provider.id, organization: holder.organization }, 'console sign-in');
    return beginSession(c, deps, holder);
  });
}

function pendingOf(cookie: string | undefined): PendingSignIn | null {
  if (!cookie) return null;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function refused(c: Context<ConsoleEnv>, message: string) {
  return c.html(messagePage('Sign-in refused', message), 403);
}

function unavailable(c: Context<ConsoleEnv>, label: string) {
  return c.html(
    messagePage(
      'Sign-in unavailable',
      `${label} could not be reached to sign you in. Try again in a moment.`,
    ),
    502,
  );
}
