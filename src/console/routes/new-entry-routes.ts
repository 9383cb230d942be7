import type { Hono } from 'hono';
import { z } from 'zod';
import { writeEntries } from '../../knowledge/entries/write-entries.ts';
import { ENTRY_KINDS, type EntryKind, entryInputSchema } from '../../knowledge/entry.ts';
import { describeIssues } from '../../knowledge/import/describe-issues.ts';
import { splitTopics } from '../../knowledge/import/entry-fields.ts';
import { clip } from '../../views/clip.ts';
import { MAX_NEW_TITLE } from '../../views/entry-form-fields.ts';
import { requireCurator } from '../console-auth.ts';
import type { ConsoleDeps, ConsoleEnv } from '../console-env.ts';
import { type NewEntryDraft, newEntryPage } from '../pages/new-entry-page.ts';

const MAX_QUESTION_CHARS = 500;
const formText = z.string().max(20_000).catch('');

/** The create form as posted; every field text, checked by the import schema afterwards. */
const newEntryForm = z.object({
  question: formText,
  kind: formText,
  title: formText,
  body: formText,
  topics: formText,
  stage: formText,
});

/**
 * Curators only: `/console/new-entry` creates a published entry, validated like an imported one; the
 * insight page's "Create entry" opens it prefilled from an unanswered question.
 */
export function newEntryRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  app.use('/new-entry', requireCurator());

  app.get('/new-entry', (c) => {
    const question = (c.req.query('question') ?? '').trim().slice(0, MAX_QUESTION_CHARS) || null;
    const draft: NewEntryDraft = {
      question,
      kind: 'tip',
      title: question ? clip(question, MAX_NEW_TITLE) : '',
      body: '',
      topics: '',
      stage: '',
    };
    return c.html(newEntryPage({ viewer: c.get('viewer'), draft, problems: [] }));
  });

  app.post('/new-entry', async (c) => {
    const viewer = c.get('viewer');
    const form = newEntryForm.parse(c.get('form'));
    const draft: NewEntryDraft = {
      ...form,
      question: form.question.slice(0, MAX_QUESTION_CHARS) || null,
      kind: ENTRY_KINDS.includes(form.kind as EntryKind) ? (form.kind as EntryKind) : 'tip',
    };
    const input = {
      kind: form.kind,
      title: form.title,
      body: form.body,
      topics: splitTopics(form.topics),
      ...(form.stage ? { stage: form.stage } : {}),
      contributor: viewer.email,
      status: 'published',
    };
    const parsed = entryInputSchema.safeParse(input);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error.issues, input).map(({ path, message }) => ({
        field: path,
        message,
      }));
      return c.html(newEntryPage({ viewer, draft, problems }), 422);
    }
    const written = await deps.db.transaction((session) =>
      writeEntries(session, viewer.organization, [parsed.data]),
    );
    const entry = await deps.entries.get(viewer.organization, written.ids[0] as number);
    await deps.audit.record({
      organization: viewer.organization,
      actor: viewer.email,
      action: 'create',
      entry,
    });
    return c.redirect(`/console/insight?${new URLSearchParams({ created: entry.title })}`, 303);
  });
}
