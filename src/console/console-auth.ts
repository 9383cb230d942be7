import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ConsoleDeps, ConsoleEnv } from './console-env.ts';
import { SESSION_COOKIE } from './console-env.ts';
import { consoleRoleOf } from './console-roles.ts';
import { sameSecret } from './console-secrets.ts';
import { messagePage } from './pages/layout.ts';
import { signInChoicesPage } from './pages/sign-in-choices-page.ts';

const SIGN_IN_HINT =
  'Ask an Earshot admin for a sign-in link: they make one with `earshot console link --org ORG --as EMAIL`.';

/**
 * Every console page after sign-in: a live session whose person still belongs to the organization (the
 * role is read on each request), and on every POST the session's form token, else 403 and nothing done.
 */
export function requireSession(deps: ConsoleDeps): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const sessionId = getCookie(c, SESSION_COOKIE);
    const session = sessionId ? await deps.sessions.find(sessionId) : null;
    if (!sessionId || !session) return c.html(signInChoicesPage(deps.oidc.providers, SIGN_IN_HINT), 401);
    const role = await consoleRoleOf(deps, session.organization, session.email);
    if (!role) {
      await deps.sessions.end(sessionId);
      return c.html(
        messagePage(
          'No longer a member',
          `Earshot no longer knows ${session.email} in ${session.organization}.`,
        ),
        403,
      );
    }
    c.set('sessionId', sessionId);
    c.set('viewer', { ...session, role });
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody({ all: true }).catch(() => null);
      if (!form) return c.html(messagePage('Not a form', 'That request could not be read as a form.'), 400);
      const token = form._csrf;
      if (typeof token !== 'string' || !sameSecret(token, session.csrfToken)) {
        return c.html(
          messagePage(
            'Form expired',
            'This form could not be checked. Go back, reload the page and try again.',
          ),
          403,
        );
      }
      c.set('form', form);
    }
    await next();
  };
}

/** Curator-only pages and actions: anyone else gets 403 before anything is read or changed. */
export function requireCurator(): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (c.get('viewer').role !== 'curator') return forbidden(c);
    await next();
  };
}

function forbidden(c: Context<ConsoleEnv>) {
  return c.html(
    messagePage(
      'Curators only',
      'Only curators of this organization can review entries and see the audit log. Ask an admin to make you one (`earshot curators add`).',
    ),
    403,
  );
}
