import type { Context, Hono } from 'hono';
import { EarshotError } from '../../errors.ts';
import { pendingReferenceRequests } from '../../nudges/references/reference-history.ts';
import type { ReferenceAvailability } from '../../nudges/references/reference-views.ts';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { messagePage } from '../pages/layout.ts';
import { type DecisionProblem, referenceRequestsPage } from '../pages/reference-requests-page.ts';

/**
 * `/console/references/requests`: requests waiting for a decision, for everyone of the organization;
 * curators approve or decline through the reference desk, so limits, overrides and the rep's message
 * are chat's own.
 */
export function referenceRequestsRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  const show = async (
    c: Context<ConsoleEnv>,
    extra: { notice?: string; problem?: DecisionProblem } = {},
    status: 200 | 400 | 404 = 200,
  ) => {
    const viewer = c.get('viewer');
    // Every reference's availability in one read, not one read per reference with a pending request.
    const [pending, references] = await Promise.all([
      pendingReferenceRequests({ db: deps.db, workspaceId: viewer.organization }),
      deps.references.check({ workspaceId: viewer.organization }),
    ]);
    const availability = new Map<number, ReferenceAvailability>(references.map((found) => [found.id, found]));
    return c.html(referenceRequestsPage({ viewer, pending, availability, ...extra }), status);
  };

  app.get('/references/requests', (c) => show(c));

  app.post('/references/requests/:id{[0-9]{1,9}}', requireCurator(), async (c) => {
    const viewer = c.get('viewer');
    const form = c.get('form');
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const requestId = Number(c.req.param('id'));
    const decision = text('decision');
    if (decision !== 'approve' && decision !== 'decline') {
      return c.html(messagePage('Not a decision', 'Choose Approve or Decline.'), 400);
    }
    const note = text('note').slice(0, 500);
    const overrideReason = text('overrideReason').slice(0, 300);
    try {
      const outcome = await deps.references.decide({
        workspaceId: viewer.organization,
        platform: 'console',
        userId: viewer.email,
        isCurator: true,
        requestId,
        approve: decision === 'approve',
        note,
        ...(overrideReason.trim() ? { override: { reason: overrideReason } } : {}),
      });
      const account = outcome.reference.account;
      await deps.audit.recordBulk({
        organization: viewer.organization,
        actor: viewer.email,
        action: 'reference-request-decided',
        detail: `${account}: request #${requestId} ${outcome.status}${note.trim() ? ` (“${note.trim()}”)` : ''}${overrideReason.trim() && decision === 'approve' ? `; override: ${overrideReason.trim()}` : ''}`,
      });
      const told = outcome.requesterTold
        ? 'The rep was told in chat.'
        : 'The rep could not be reached in chat: tell them yourself.';
      return show(c, {
        notice: `${outcome.status === 'approved' ? 'Approved' : 'Declined'}: ${account}. ${told}`,
      });
    } catch (error) {
      if (!(error instanceof EarshotError)) throw error;
      if (error.code === 'not_found') {
        return show(c, { notice: 'That request no longer exists.' }, 404);
      }
      // Decided meanwhile (by its owner in chat, or another curator): nothing to fix in this form.
      if (error.code !== 'forbidden') return show(c, { notice: error.userMessage }, 400);
      // A curator is refused only when approving past a limit or cooldown without a reason.
      const message = `Override reason: ${error.userMessage}`;
      return show(c, { problem: { requestId, note, overrideReason, message } }, 400);
    }
  });
}
