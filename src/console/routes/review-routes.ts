import type { Hono } from 'hono';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { filtersOf, storeFilter } from '../entry-filters.ts';
import { auditPage } from '../pages/audit-page.ts';
import { filterQuery } from '../pages/entry-filter-form.ts';
import { messagePage } from '../pages/layout.ts';
import { type ReviewOutcome, reviewPage } from '../pages/review-page.ts';
import { privateAudiencesOf } from '../private-audiences.ts';
import { decideEntries } from '../review-decisions.ts';
import { parseReviewForm } from './review-form.ts';

const LISTED = 100;

/** Curators only: the review queue (GET shows, POST decides) and the audit log. */
export function reviewRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.use('/review', requireCurator());
  app.use('/audit', requireCurator());

  app.get('/review', async (c) => {
    const viewer = c.get('viewer');
    // Private captures only of conversations this curator is in, as on chat's home tab.
    const audiences = await privateAudiencesOf(deps, viewer);
    const filters = filtersOf((name) => c.req.query(name));
    const listed = {
      workspaceId: viewer.organization,
      status: 'pending' as const,
      audience: null,
      orPrivateTo: audiences,
      ...storeFilter(filters, deps.clock.now()),
    };
    const [entries, matching, pending, privateWaiting] = await Promise.all([
      deps.entries.list({ ...listed, limit: LISTED }, 'oldest'),
      deps.entries.count(listed),
      deps.entries.count({ workspaceId: viewer.organization, status: 'pending' }),
      deps.db.prisma.entry.count({
        where: {
          workspaceId: viewer.organization,
          status: 'pending',
          AND: [{ audience: { not: null } }, { audience: { notIn: audiences } }],
        },
      }),
    ]);
    return c.html(
      reviewPage({
        viewer,
        entries,
        filters,
        matching,
        waiting: pending - privateWaiting,
        privateWaiting,
        outcome: outcomeOf((name) => c.req.query(name)),
      }),
    );
  });

  app.post('/review', async (c) => {
    const viewer = c.get('viewer');
    const decision = parseReviewForm(c.get('form'));
    if (!decision) return c.html(messagePage('Not a review', 'That form could not be read.'), 400);
    const { decided, skipped } = await decideEntries(deps, {
      organization: viewer.organization,
      audiences: await privateAudiencesOf(deps, viewer),
      actor: viewer.email,
      ...decision,
    });
    const count = String(decided.length);
    const done = new URLSearchParams({
      approved: decision.action === 'approve' ? count : '0',
      rejected: decision.action === 'reject' ? count : '0',
      skipped: String(skipped),
    });
    // Back to the same filtered queue, to go on working through it.
    const form = c.get('form');
    const filters = filterQuery(
      filtersOf((name) => (typeof form[name] === 'string' ? (form[name] as string) : undefined)),
    );
    return c.redirect(`/console/review?${done}${filters ? `&${filters}` : ''}`, 303);
  });

  app.get('/audit', async (c) => {
    const viewer = c.get('viewer');
    return c.html(auditPage({ viewer, events: await deps.audit.latest(viewer.organization) }));
  });
}

function outcomeOf(param: (name: string) => string | undefined): ReviewOutcome | null {
  const count = (name: string) => Math.max(0, Number.parseInt(param(name) ?? '', 10) || 0);
  if (param('approved') === undefined) return null;
  return { approved: count('approved'), rejected: count('rejected'), skipped: count('skipped') };
}
