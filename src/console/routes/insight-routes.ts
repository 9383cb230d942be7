import type { Hono } from 'hono';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { INSIGHT_PERIODS, type InsightPeriod, loadInsight } from '../insight/insight.ts';
import { insightPage } from '../pages/insight-page.ts';

const DEFAULT_PERIOD: InsightPeriod = 30;
const MAX_CREATED_CHARS = 200;

/** Curators only: `GET /console/insight?days=30`. */
export function insightRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.use('/insight', requireCurator());

  app.get('/insight', async (c) => {
    const viewer = c.get('viewer');
    const days = Number(c.req.query('days'));
    const period = INSIGHT_PERIODS.find((choice) => choice === days) ?? DEFAULT_PERIOD;
    const insight = await loadInsight(deps.db, viewer.organization, period, deps.clock.now());
    const created = c.req.query('created')?.slice(0, MAX_CREATED_CHARS) ?? null;
    return c.html(insightPage({ viewer, insight, created }));
  });
}
