import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import { mergeEntry } from '../../knowledge/curation/merge-entry.ts';
import { editEntrySchema } from '../../views/edit-entry-form.ts';
import { ENTRY_FIELDS } from '../../views/entry-form-fields.ts';
import { fieldErrors } from '../../views/form-values.ts';
import { MARK_REVIEWED_FIELDS, markReviewedSchema } from '../../views/mark-reviewed-form.ts';
import { MERGE_FIELDS, mergeEntrySchema } from '../../views/merge-entry-form.ts';
import { VIEW_ACTIONS } from '../../views/view-actions.ts';
import { parseEntryValue } from '../blocks/entry-action-values.ts';
import { slackSubmission } from '../blocks/slack-form-values.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';

export const CURATOR_REFUSAL =
  'Sorry, only Earshot curators can publish, edit, merge or reject entries. Ask a curator, or an admin to make you one (`earshot curators add`).';

type PublishHome = (client: WebClient, workspaceId: string, userId: string) => Promise<void>;

/**
 * The curation forms' submissions (edit, merge, mark reviewed, edit a due entry): read with the form's
 * own schema, problems shown under their fields, curators only; then the Home tab is refreshed.
 */
export function registerCurationForms(app: App, deps: SlackDeps, publishHome: PublishHome) {
  const { earshot } = deps;

  const curatorForm = <S extends z.ZodType>(
    callbackId: string,
    form: { schema: (now: Date) => S; errorField: string },
    apply: (args: { workspaceId: string; entryId: number; data: z.output<S> }) => Promise<unknown>,
  ) => {
    app.view(callbackId, async ({ ack, view, body, client, context }) => {
      const workspaceId = slackWorkspaceOf(context);
      const parsed = slackSubmission(form.schema(earshot.clock.now())).safeParse(view.state.values);
      if (!parsed.success) {
        await ack({ response_action: 'errors', errors: fieldErrors(parsed.error) });
        return;
      }
      const refuse = (message: string) =>
        ack({ response_action: 'errors', errors: { [form.errorField]: message } });
      if (!(await deps.curators.isCurator(client, workspaceId, body.user.id))) {
        await refuse(CURATOR_REFUSAL);
        return;
      }
      try {
        const { e } = parseEntryValue(view.private_metadata);
        await apply({ workspaceId, entryId: e, data: parsed.data });
      } catch (error) {
        if (!(error instanceof EarshotError)) throw error;
        await refuse(error.userMessage);
        return;
      }
      await ack();
      await publishHome(client, workspaceId, body.user.id);
    });
  };

  curatorForm(
    VIEW_ACTIONS.editEntry.id,
    { schema: () => editEntrySchema(), errorField: ENTRY_FIELDS.title },
    ({ workspaceId, entryId, data }) => earshot.entries.edit(workspaceId, entryId, data),
  );
  curatorForm(
    VIEW_ACTIONS.dueEdit.id,
    { schema: (now) => editEntrySchema({ due: { now } }), errorField: ENTRY_FIELDS.title },
    ({ workspaceId, entryId, data }) => earshot.entries.edit(workspaceId, entryId, data),
  );
  curatorForm(
    VIEW_ACTIONS.dueReviewed.id,
    { schema: markReviewedSchema, errorField: MARK_REVIEWED_FIELDS.reviewBy },
    ({ workspaceId, entryId, data }) => earshot.entries.edit(workspaceId, entryId, data),
  );
  curatorForm(
    VIEW_ACTIONS.mergeEntry.id,
    { schema: () => mergeEntrySchema, errorField: MERGE_FIELDS.target },
    ({ workspaceId, entryId, data }) =>
      mergeEntry(earshot.db, { workspaceId, sourceId: entryId, targetId: data.targetId }),
  );
}
