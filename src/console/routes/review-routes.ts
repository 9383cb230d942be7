import type { Hono } from 'hono';
import { reviewQueue } from '../../knowledge/curation/review-queue.ts';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { auditPage } from '../pages/audit-page.ts';
import { messagePage } from '../pages/layout.ts';
import { type ReviewOutcome, reviewPage } from '../pages/review-page.ts';
import { decideEntries } from '../review-decisions.ts';
import { parseReviewForm } from './review-form.ts';

const LISTED = 100;
/**
 * The review queue as a conversation no private capture belongs to sees it: public entries only. The
 * console cannot check conversation membership, so private captures stay in their conversation.
 */
const NO_CONVERSATION = 'console:none';

/** Curators only: the review queue (GET shows, POST decides) and the audit log. */
export function reviewRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.use('/review', requireCurator());
  app.use('/audit', requireCurator());

  app.get('/review', async (c) => {
    const viewer = c.get('viewer');
    const [queue, privateWaiting] = await Promise.all([
      reviewQueue(deps.db, viewer.organization, LISTED, NO_CONVERSATION),
      deps.db.prisma.entry.count({
        where: { workspaceId: viewer.organization, status: 'pending', audience: { not: null } },
      }),
    ]);
    return c.html(
      reviewPage({
        viewer,
        entries: queue.entries,
        waiting: queue.size - privateWaiting,
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
      actor: viewer.email,
      ...decision,
    });
    const count = String(decided.length);
    const done = new URLSearchParams({
      approved: decision.action === 'approve' ? count : '0',
      rejected: decision.action === 'reject' ? count : '0',
      skipped: String(skipped),
    });
    return c.redirect(`/console/review?${done}`, 303);
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
