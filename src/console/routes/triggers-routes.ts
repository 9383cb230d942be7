import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ALERT_MAX_AGE_DAYS } from '../../nudges/triggers/ingest-triggers.ts';
import { matchTrigger } from '../../nudges/triggers/match-trigger.ts';
import { recentTriggers, type TriggerCursor } from '../../nudges/triggers/recent-triggers.ts';
import { TRIGGER_TYPES } from '../../nudges/triggers/trigger-types.ts';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { messagePage } from '../pages/layout.ts';
import { type TriggerFilters, triggersPage } from '../pages/triggers-page.ts';

const PAGE_SIZE = 25;
const triggerId = z.coerce.number().int().positive().max(2_147_483_647);
const filtersSchema = z.object({
  type: z.enum(TRIGGER_TYPES).nullable().catch(null),
  matched: z.enum(['matched', 'unmatched']).nullable().catch(null),
});
const cursorSchema = z
  .string()
  .regex(/^[^~]+~\d+$/)
  .transform((text): TriggerCursor | null => {
    const [at = '', id = ''] = text.split('~');
    const occurredAt = new Date(at);
    return Number.isNaN(occurredAt.getTime()) ? null : { occurredAt, id: Number(id) };
  })
  .nullable()
  .catch(null);

/**
 * `/console/triggers`: everyone of the organization sees recent trigger events and the alerts they caused
 * (owners' alerts are no secret within a sales team); curators match an unmatched event to an account.
 */
export function triggersRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  const listPage = async (c: Context<ConsoleEnv>, extra: { notice?: string; problem?: string } = {}) => {
    const viewer = c.get('viewer');
    const filters: TriggerFilters = filtersSchema.parse({
      type: c.req.query('type') || null,
      matched: c.req.query('matched') || null,
    });
    const before = cursorSchema.parse(c.req.query('before') ?? null);
    const page = await recentTriggers(deps.db, {
      workspaceId: viewer.organization,
      type: filters.type,
      matched: filters.matched === null ? null : filters.matched === 'matched',
      before,
      limit: PAGE_SIZE,
    });
    return triggersPage({ viewer, filters, ...page, firstPage: !before, ...extra });
  };

  app.get('/triggers', async (c) => c.html(await listPage(c)));

  app.post('/triggers/:id/match', requireCurator(), async (c) => {
    const viewer = c.get('viewer');
    const id = triggerId.safeParse(c.req.param('id'));
    if (!id.success)
      return c.html(messagePage('No such event', 'This organization has no such trigger event.'), 404);
    const form = c.get('form');
    const account = typeof form.account === 'string' ? form.account.slice(0, 300) : '';
    const matched = await matchTrigger({
      db: deps.db,
      clock: deps.clock,
      workspaceId: viewer.organization,
      triggerId: id.data,
      account,
    });
    if (!matched.ok) return c.html(await listPage(c, { problem: matched.problem }), 422);
    await deps.audit.recordBulk({
      organization: viewer.organization,
      actor: viewer.email,
      action: 'trigger-matched',
      detail: `“${matched.title}” → ${matched.account.name}`,
    });
    if (matched.alertsQueued > 0) deps.nudges.kick();
    const alert =
      matched.alertsQueued > 0
        ? 'its owner’s alert is on its way'
        : `no alert: the event is over ${ALERT_MAX_AGE_DAYS} days old, or its owner already had one`;
    return c.html(
      await listPage(c, { notice: `Matched “${matched.title}” to ${matched.account.name}; ${alert}.` }),
    );
  });
}
