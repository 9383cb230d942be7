import type { Hono } from 'hono';
import { EarshotError } from '../../errors.ts';
import { mergeEntry } from '../../knowledge/curation/merge-entry.ts';
import type { Entry } from '../../knowledge/entry.ts';
import { editEntryForm, editEntrySchema } from '../../views/edit-entry-form.ts';
import { fieldErrorSentences, fieldErrors } from '../../views/form-values.ts';
import { mergeEntryForm, mergeEntrySchema } from '../../views/merge-entry-form.ts';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { entryCitations } from '../entry-activity/entry-citations.ts';
import { entryFeedback } from '../entry-activity/entry-feedback.ts';
import { mergeCandidates } from '../merge-candidates.ts';
import { entryEditPage } from '../pages/entry-edit-page.ts';
import { entryMergePage } from '../pages/entry-merge-page.ts';
import { entryPage } from '../pages/entry-page.ts';
import { curatedEntry, noSuchEntry, submittedValues, visibleEntry } from './curated-entry.ts';

const MERGEABLE = ['pending', 'published'];
const CHARTED_WEEKS = 12;
const LISTED_ANSWERS = 50;

/**
 * Everyone: `/console/entries/:id`, the entry's page (members: published entries; a private capture
 * only for curators in its conversation; anyone else gets 404). Curators only:
 * `/console/entries/:id/edit` (every field, chat's edit form and schema) and
 * `/console/entries/:id/merge` (pick a duplicate, compare side by side, confirm; chat's merge core).
 * Each change is in the audit log; a refused form changes nothing.
 */
export function entryRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.use('/entries/:id/edit', requireCurator());
  app.use('/entries/:id/merge', requireCurator());

  app.get('/entries/:id', async (c) => {
    const found = await visibleEntry(c, deps);
    if ('refusal' in found) return found.refusal;
    const { entry } = found;
    const viewer = c.get('viewer');
    // Members read what chat answers with: published entries only, not what waits for review or was set aside.
    if (viewer.role !== 'curator' && entry.status !== 'published') return noSuchEntry(c);
    const now = deps.clock.now();
    const [citations, feedback] = await Promise.all([
      entryCitations(deps.db, entry.workspaceId, entry.id, { now, weeks: CHARTED_WEEKS }),
      entryFeedback(deps.db, entry.workspaceId, entry.id, LISTED_ANSWERS),
    ]);
    return c.html(entryPage({ viewer, entry, citations, feedback, now }));
  });

  app.get('/entries/:id/edit', async (c) => {
    const found = await curatedEntry(c, deps);
    if ('refusal' in found) return found.refusal;
    const { entry } = found;
    const merged = Number(c.req.query('merged'));
    const notice =
      c.req.query('saved') === '1'
        ? 'Saved.'
        : Number.isInteger(merged) && merged > 0
          ? `Merged entry #${merged} into this one; #${merged} is archived.`
          : null;
    return c.html(
      entryEditPage({
        viewer: c.get('viewer'),
        entry,
        form: editEntryForm(entry, { account: true }),
        notice,
      }),
    );
  });

  app.post('/entries/:id/edit', async (c) => {
    const found = await curatedEntry(c, deps);
    if ('refusal' in found) return found.refusal;
    const { entry } = found;
    const viewer = c.get('viewer');
    const form = editEntryForm(entry, { account: true });
    const values = submittedValues(c.get('form'));
    const parsed = editEntrySchema().safeParse(values);
    if (!parsed.success) {
      const errors = fieldErrorSentences(form, parsed.error);
      return c.html(entryEditPage({ viewer, entry, form, state: { values, errors } }), 400);
    }
    const edited = await deps.entries.edit(viewer.organization, entry.id, parsed.data);
    await deps.audit.record({
      organization: viewer.organization,
      actor: viewer.email,
      action: 'edit',
      entry: edited,
    });
    return c.redirect(`/console/entries/${entry.id}/edit?saved=1`, 303);
  });

  app.get('/entries/:id/merge', async (c) => {
    const found = await curatedEntry(c, deps);
    if ('refusal' in found) return found.refusal;
    const { entry } = found;
    const pick = mergeEntryForm(entry, await mergeCandidates(deps, entry));
    const asked = c.req.query('target');
    if (asked === undefined)
      return c.html(entryMergePage({ viewer: c.get('viewer'), entry, pick, target: null }));
    const chosen = await chosenTarget(deps, entry, { target: asked });
    return c.html(
      entryMergePage({ viewer: c.get('viewer'), entry, pick, ...chosen }),
      chosen.target ? 200 : 400,
    );
  });

  app.post('/entries/:id/merge', async (c) => {
    const found = await curatedEntry(c, deps);
    if ('refusal' in found) return found.refusal;
    const { entry } = found;
    const viewer = c.get('viewer');
    const chosen = await chosenTarget(deps, entry, c.get('form'));
    if (!chosen.target) {
      const pick = mergeEntryForm(entry, await mergeCandidates(deps, entry));
      return c.html(entryMergePage({ viewer, entry, pick, ...chosen }), 400);
    }
    let merged: Entry;
    try {
      merged = await mergeEntry(deps.db, {
        workspaceId: viewer.organization,
        sourceId: entry.id,
        targetId: chosen.target.id,
      });
    } catch (error) {
      if (!(error instanceof EarshotError)) throw error;
      const pick = mergeEntryForm(entry, await mergeCandidates(deps, entry));
      return c.html(entryMergePage({ viewer, entry, pick, target: null, problem: error.userMessage }), 400);
    }
    await deps.audit.record({
      organization: viewer.organization,
      actor: viewer.email,
      action: 'merge',
      entry,
      title: `${entry.title} → #${merged.id} ${merged.title}`,
    });
    return c.redirect(`/console/entries/${merged.id}/edit?merged=${entry.id}`, 303);
  });
}

/** The duplicate a merge names, when it may be merged into; else what to tell the curator. */
async function chosenTarget(
  deps: Pick<ConsoleDeps, 'entries'>,
  entry: Entry,
  form: Record<string, unknown>,
): Promise<{ target: Entry | null; problem?: string; pickErrors?: Record<string, string> }> {
  if (!MERGEABLE.includes(entry.status)) {
    return {
      target: null,
      problem: `This entry is ${entry.status}: only pending or published entries merge.`,
    };
  }
  const parsed = mergeEntrySchema.safeParse(form);
  if (!parsed.success) return { target: null, pickErrors: fieldErrors(parsed.error) };
  const [target] = await deps.entries.getMany(entry.workspaceId, [parsed.data.targetId]);
  if (
    !target ||
    target.id === entry.id ||
    target.audience !== entry.audience ||
    target.status !== 'published'
  ) {
    return {
      target: null,
      problem: 'Pick one of the published entries listed: that one cannot take this entry in.',
    };
  }
  return { target };
}
