import type { Hono } from 'hono';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { referencesPage } from '../pages/references-page.ts';

const MAX_CRITERIA_CHARS = 200;

/** `GET /console/references`: reference customers and their availability, for everyone of the organization. */
export function referencesRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.get('/references', async (c) => {
    const viewer = c.get('viewer');
    const criteria = (c.req.query('criteria') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_CRITERIA_CHARS);
    const references = await deps.references.check({
      workspaceId: viewer.organization,
      ...(criteria ? { criteria } : {}),
    });
    return c.html(referencesPage({ viewer, criteria, references }));
  });
}
