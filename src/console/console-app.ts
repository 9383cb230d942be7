import { Hono } from 'hono';
import { requireSession } from './console-auth.ts';
import { CONSOLE_PATH, type ConsoleDeps, type ConsoleEnv } from './console-env.ts';
import { consoleBodyLimits } from './import/import-limits.ts';
import { CONSOLE_CSS } from './pages/console-css.ts';
import { messagePage } from './pages/layout.ts';
import { accountsRoutes } from './routes/accounts-routes.ts';
import { digestsRoutes } from './routes/digests-routes.ts';
import { dueRoutes } from './routes/due-routes.ts';
import { entryRoutes } from './routes/entry-routes.ts';
import { importRoutes } from './routes/import-routes.ts';
import { insightRoutes } from './routes/insight-routes.ts';
import { knowledgeRoutes } from './routes/knowledge-routes.ts';
import { newEntryRoutes } from './routes/new-entry-routes.ts';
import { oidcRoutes } from './routes/oidc-routes.ts';
import { referenceRequestsRoutes } from './routes/reference-requests-routes.ts';
import { referenceRoutes } from './routes/reference-routes.ts';
import { referencesRoutes } from './routes/references-routes.ts';
import { reviewRoutes } from './routes/review-routes.ts';
import { signInRoutes, signOutRoute } from './routes/sign-in-routes.ts';
import { synonymsRoutes } from './routes/synonyms-routes.ts';
import { triggersRoutes } from './routes/triggers-routes.ts';

// Pages load nothing but their own stylesheet, post only to themselves, and are never framed.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  // Same-origin requests keep their Origin (the sign-in form is checked by it); other sites learn nothing.
  'referrer-policy': 'same-origin',
};

/** The curator web console under /console: sign-in by one-time link, knowledge, review queue, audit log. */
export function consoleApp(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>({ strict: false }).basePath(CONSOLE_PATH);
  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    // Pages show the organization's knowledge: no shared cache keeps them.
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  });
  app.get('/console.css', (c) =>
    c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=300' }),
  );
  app.use(consoleBodyLimits());
  signInRoutes(app, deps);
  oidcRoutes(app, deps);
  app.use(requireSession(deps));
  signOutRoute(app, deps);
  knowledgeRoutes(app, deps);
  reviewRoutes(app, deps);
  entryRoutes(app, deps);
  dueRoutes(app, deps);
  importRoutes(app, deps);
  insightRoutes(app, deps);
  newEntryRoutes(app, deps);
  synonymsRoutes(app, deps);
  referencesRoutes(app, deps);
  referenceRequestsRoutes(app, deps);
  referenceRoutes(app, deps);
  digestsRoutes(app, deps);
  accountsRoutes(app, deps);
  triggersRoutes(app, deps);
  app.notFound((c) => c.html(messagePage('Not found', 'There is no such page in the console.'), 404));
  app.onError((error, c) => {
    deps.logger.error({ err: error, path: c.req.path }, 'console request failed');
    return c.html(
      messagePage('Something went wrong', 'The page could not be shown. Try again in a moment.'),
      500,
    );
  });
  return app;
}
