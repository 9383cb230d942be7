import type { Hono } from 'hono';
import { dueForReview } from '../../knowledge/curation/review-queue.ts';
import { fieldErrorSentences } from '../../views/form-values.ts';
import { markReviewedForm, markReviewedSchema } from '../../views/mark-reviewed-form.ts';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { type DueProblem, duePage } from '../pages/due-page.ts';
import { day } from '../pages/html.ts';
import { privateAudiencesOf, visibleTo } from '../private-audiences.ts';
import { curatedEntry, submittedValues } from './curated-entry.ts';

/** How far ahead "due" looks, as in Slack's Home tab. */
const WINDOW_DAYS = 14;

/** Curators only: `/console/due` lists what is due for review; Mark reviewed sets a next date (audited). */
export function dueRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.use('/due', requireCurator());
  app.use('/due/*', requireCurator());

  const show = async (
    viewer: ConsoleEnv['Variables']['viewer'],
    extra: { notice?: string | null; problem?: DueProblem },
  ) => {
    const now = deps.clock.now();
    const [due, audiences] = await Promise.all([
      dueForReview(deps.db, viewer.organization, now, WINDOW_DAYS),
      privateAudiencesOf(deps, viewer),
    ]);
    const entries = due.filter((entry) => visibleTo(entry, audiences));
    return duePage({
      viewer,
      entries,
      windowDays: WINDOW_DAYS,
      privateDue: due.length - entries.length,
      now,
      ...extra,
    });
  };

  app.get('/due', async (c) => {
    const viewer = c.get('viewer');
    const reviewed = Number(c.req.query('reviewed'));
    const [entry] =
      Number.isInteger(reviewed) && reviewed > 0
        ? await deps.entries.getMany(viewer.organization, [reviewed])
        : [];
    const notice =
      entry && visibleTo(entry, await privateAudiencesOf(deps, viewer))
        ? `Marked “${entry.title}” reviewed: next review by ${entry.reviewBy ? day(entry.reviewBy) : 'no date'}.`
        : null;
    return c.html(await show(viewer, { notice }));
  });

  app.post('/due/:id/reviewed', async (c) => {
    const found = await curatedEntry(c, deps);
    if ('refusal' in found) return found.refusal;
    const { entry } = found;
    const viewer = c.get('viewer');
    const now = deps.clock.now();
    const values = submittedValues(c.get('form'));
    const parsed = markReviewedSchema(now).safeParse(values);
    if (!parsed.success) {
      const errors = fieldErrorSentences(markReviewedForm(entry, now), parsed.error);
      return c.html(await show(viewer, { problem: { entryId: entry.id, values, errors } }), 400);
    }
    const reviewed = await deps.entries.edit(viewer.organization, entry.id, parsed.data);
    await deps.audit.record({
      organization: viewer.organization,
      actor: viewer.email,
      action: 'reviewed',
      entry: reviewed,
    });
    return c.redirect(`/console/due?reviewed=${entry.id}`, 303);
  });
}
