import type { Context, Hono } from 'hono';
import { EarshotError } from '../../errors.ts';
import { referenceHistory } from '../../nudges/references/reference-history.ts';
import {
  pauseReference,
  resumeReference,
  setReferenceLimits,
  setReferenceOwner,
} from '../../nudges/references/reference-settings.ts';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { messagePage } from '../pages/layout.ts';
import { type ReferenceFormProblems, referencePage } from '../pages/reference-page.ts';

/** Ids Postgres' int column can hold; anything else names no reference. */
const PATH = '/references/:id{[0-9]{1,9}}';

/**
 * `/console/references/:id`: one reference and its usage history for everyone of the organization;
 * curators change its limits, pause or resume it and set its owner (each change audited).
 */
export function referenceRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  const field = (c: Context<ConsoleEnv>, name: string) => {
    const value = c.get('form')[name];
    return typeof value === 'string' ? value : '';
  };

  const show = async (
    c: Context<ConsoleEnv>,
    extra: { notice?: string; problems?: ReferenceFormProblems } = {},
    status: 200 | 400 = 200,
  ) => {
    const viewer = c.get('viewer');
    const referenceId = Number(c.req.param('id'));
    try {
      const reference = await deps.references.availability(viewer.organization, referenceId);
      const history = await referenceHistory({ db: deps.db, workspaceId: viewer.organization, referenceId });
      return c.html(referencePage({ viewer, reference, history, ...extra }), status);
    } catch (error) {
      if (error instanceof EarshotError && error.code === 'not_found') return notFound(c);
      throw error;
    }
  };

  /** Runs a change, audits it and shows the page with what happened; a refused change shows why, nothing stored. */
  const change = async (
    c: Context<ConsoleEnv>,
    run: (target: { db: ConsoleDeps['db']; workspaceId: string; referenceId: number }) => Promise<{
      audit: Parameters<ConsoleDeps['audit']['recordBulk']>[0]['action'];
      detail: string;
      notice: string;
    }>,
    problemsOf: (message: string) => ReferenceFormProblems,
  ) => {
    const viewer = c.get('viewer');
    try {
      const done = await run({
        db: deps.db,
        workspaceId: viewer.organization,
        referenceId: Number(c.req.param('id')),
      });
      await deps.audit.recordBulk({
        organization: viewer.organization,
        actor: viewer.email,
        action: done.audit,
        detail: done.detail,
      });
      return show(c, { notice: done.notice });
    } catch (error) {
      if (!(error instanceof EarshotError)) throw error;
      if (error.code === 'not_found') return notFound(c);
      return show(c, { problems: problemsOf(error.userMessage) }, 400);
    }
  };

  app.get(PATH, (c) => show(c));

  app.post(`${PATH}/limits`, requireCurator(), async (c) => {
    const viewer = c.get('viewer');
    const values = {
      maxRequestsPer90Days: field(c, 'maxRequestsPer90Days'),
      cooldownDays: field(c, 'cooldownDays'),
    };
    try {
      const outcome = await setReferenceLimits({
        db: deps.db,
        workspaceId: viewer.organization,
        referenceId: Number(c.req.param('id')),
        ...values,
      });
      if (!outcome.ok) return show(c, { problems: { limits: { values, errors: outcome.problems } } }, 400);
      await deps.audit.recordBulk({
        organization: viewer.organization,
        actor: viewer.email,
        action: 'reference-limits',
        detail: outcome.change.detail,
      });
      return show(c, { notice: `Limits saved for ${outcome.change.account}.` });
    } catch (error) {
      if (error instanceof EarshotError && error.code === 'not_found') return notFound(c);
      throw error;
    }
  });

  app.post(`${PATH}/pause`, requireCurator(), (c) => {
    const reason = field(c, 'reason');
    return change(
      c,
      async (target) => {
        const done = await pauseReference({ ...target, reason });
        return {
          audit: 'reference-paused',
          detail: done.detail,
          notice: `Paused ${done.account}: reps see it as not available, with your reason.`,
        };
      },
      (message) => ({ pause: { reason, message } }),
    );
  });

  app.post(`${PATH}/resume`, requireCurator(), (c) =>
    change(
      c,
      async (target) => {
        const done = await resumeReference(target);
        return { audit: 'reference-resumed', detail: done.detail, notice: `Resumed ${done.account}.` };
      },
      (message) => ({ pause: { reason: '', message } }),
    ),
  );

  app.post(`${PATH}/owner`, requireCurator(), (c) => {
    const email = field(c, 'ownerEmail');
    return change(
      c,
      async (target) => {
        const done = await setReferenceOwner({ ...target, ownerEmail: email });
        return {
          audit: 'reference-owner',
          detail: done.detail,
          notice: `Owner saved for ${done.account}: new requests go to them.`,
        };
      },
      (message) => ({ owner: { email, message } }),
    );
  });
}

function notFound(c: Context<ConsoleEnv>) {
  return c.html(messagePage('Not found', 'There is no such reference customer in this organization.'), 404);
}
