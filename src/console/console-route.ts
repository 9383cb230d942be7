import { getRequestListener } from '@hono/node-server';
import type { Earshot } from '../main.ts';
import type { Route } from '../server/http-server.ts';
import { consoleApp } from './console-app.ts';
import { ConsoleAudit } from './console-audit.ts';
import { CONSOLE_PATH } from './console-env.ts';
import { ConsoleSessions } from './console-sessions.ts';
import { CONSOLE_ROUTE_MAX_BYTES } from './import/import-limits.ts';
import { oidcProviders } from './oidc/oidc-providers.ts';
import { OidcSignIn } from './oidc/oidc-sign-in.ts';
import { SignInLinks } from './sign-in-links.ts';

/** The console as a route of Earshot's one HTTP server, for every path under /console. */
export function consoleRoute(
  earshot: Pick<
    Earshot,
    | 'db'
    | 'clock'
    | 'logger'
    | 'entries'
    | 'search'
    | 'curators'
    | 'askWithoutLogging'
    | 'config'
    | 'references'
    | 'messengers'
    | 'digests'
    | 'nudges'
  >,
): Route {
  const { db, clock } = earshot;
  const app = consoleApp({
    ...earshot,
    links: new SignInLinks({ db, clock }),
    sessions: new ConsoleSessions({ db, clock }),
    audit: new ConsoleAudit({ db, clock }),
    oidc: new OidcSignIn({
      providers: oidcProviders(earshot.config.consoleSignIn),
      logger: earshot.logger,
      // Registered with the provider as is: Slack's and Entra's app settings list this exact URL.
      redirectUri: (id) => `${earshot.config.publicUrl}${CONSOLE_PATH}/sign-in/${id}/callback`,
    }),
    secureCookies: earshot.config.publicUrl.startsWith('https:'),
    publicOrigin: new URL(earshot.config.publicUrl).origin,
  });
  // Hono's Node adapter would otherwise replace the global Request and Response for the whole process.
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  return { methods: ['GET', 'HEAD', 'POST'], maxBodyBytes: CONSOLE_ROUTE_MAX_BYTES, handle: listener };
}
