import { getRequestListener } from '@hono/node-server';
import type { Earshot } from '../main.ts';
import type { Route } from '../server/http-server.ts';
import { consoleApp } from './console-app.ts';
import { ConsoleAudit } from './console-audit.ts';
import { ConsoleSessions } from './console-sessions.ts';
import { CONSOLE_ROUTE_MAX_BYTES } from './import/import-limits.ts';
import { SignInLinks } from './sign-in-links.ts';

/** The console as a route of Earshot's one HTTP server, for every path under /console. */
export function consoleRoute(
  earshot: Pick<Earshot, 'db' | 'clock' | 'logger' | 'entries' | 'curators' | 'askWithoutLogging' | 'config'>,
): Route {
  const { db, clock } = earshot;
  const app = consoleApp({
    ...earshot,
    links: new SignInLinks({ db, clock }),
    sessions: new ConsoleSessions({ db, clock }),
    audit: new ConsoleAudit({ db, clock }),
    secureCookies: earshot.config.publicUrl.startsWith('https:'),
    publicOrigin: new URL(earshot.config.publicUrl).origin,
  });
  // Hono's Node adapter would otherwise replace the global Request and Response for the whole process.
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  return { methods: ['GET', 'HEAD', 'POST'], maxBodyBytes: CONSOLE_ROUTE_MAX_BYTES, handle: listener };
}
