import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { EarshotError } from '../../errors.ts';
import { contributionsOf } from '../../knowledge/curation/contributions.ts';
import { dueForReview, reviewQueue } from '../../knowledge/curation/review-queue.ts';
import type { Entry } from '../../knowledge/entry.ts';
import { editEntryForm } from '../../views/edit-entry-form.ts';
import { markReviewedForm } from '../../views/mark-reviewed-form.ts';
import { mergeEntryForm } from '../../views/merge-entry-form.ts';
import type { FormView } from '../../views/view-model.ts';
import { CURATION_ACTIONS, parseEntryValue } from '../blocks/entry-action-values.ts';
import { homeView } from '../blocks/home-blocks.ts';
import { renderSlackModal } from '../blocks/render-form.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';
import { visibleToMember } from '../visible-to-member.ts';
import { CURATOR_REFUSAL as REFUSAL, registerCurationForms } from './register-curation-forms.ts';

type ButtonBody = BlockAction<ButtonAction>;

/** App Home: the review queue and due reviews for curators, and each rep's own contributions. */
export function registerCuration(app: App, deps: SlackDeps) {
  const { earshot } = deps;

  const publishHome = async (client: WebClient, workspaceId: string, userId: string) => {
    const isCurator = await deps.curators.isCurator(client, workspaceId, userId);
    const now = new Date();
    const [queue, due, contributions] = await Promise.all([
      isCurator ? reviewQueue(earshot.db, workspaceId) : { entries: [], size: 0 },
      isCurator ? dueForReview(earshot.db, workspaceId, now) : [],
      contributionsOf(earshot.db, workspaceId, userId),
    ]);
    await client.views.publish({
      user_id: userId,
      view: homeView({
        isCurator,
        queue: await visibleToMember(client, userId, queue.entries),
        queueSize: queue.size,
        dueForReview: await visibleToMember(client, userId, due),
        contributions,
        now,
        captureEmoji: deps.config.captureEmoji,
      }),
    });
  };

  app.event('app_home_opened', async ({ event, context, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, slackWorkspaceOf(context), event.user);
  });

  /** Every curation button: only curators get through; anyone else is told why, in a DM. */
  const curatorAction = (
    actionId: string,
    work: (args: {
      client: WebClient;
      workspaceId: string;
      entryId: number;
      body: ButtonBody;
    }) => Promise<boolean>,
  ) => {
    app.action<ButtonBody>(actionId, async ({ ack, body, action, client, context }) => {
      await ack();
      const workspaceId = slackWorkspaceOf(context);
      if (!(await deps.curators.isCurator(client, workspaceId, body.user.id))) {
        await client.chat.postMessage({ channel: body.user.id, text: REFUSAL });
        return;
      }
      try {
        const { e } = parseEntryValue(action.value);
        const refresh = await work({ client, workspaceId, entryId: e, body });
        if (refresh) await publishHome(client, workspaceId, body.user.id);
      } catch (error) {
        if (!(error instanceof EarshotError)) throw error;
        await client.chat.postMessage({ channel: body.user.id, text: error.userMessage });
      }
    });
  };

  curatorAction(CURATION_ACTIONS.approve, async ({ workspaceId, entryId }) => {
    await earshot.entries.setStatus(workspaceId, entryId, 'published');
    return true;
  });
  curatorAction(CURATION_ACTIONS.reject, async ({ workspaceId, entryId }) => {
    await earshot.entries.setStatus(workspaceId, entryId, 'rejected');
    return true;
  });
  /** An entry whose text this curator may see: private ones only by members of their conversation. */
  const readableEntry = async (client: WebClient, workspaceId: string, entryId: number, userId: string) => {
    const entry = await earshot.entries.get(workspaceId, entryId);
    if ((await visibleToMember(client, userId, [entry])).length === 0) {
      throw new EarshotError({
        code: 'forbidden',
        message: `Entry ${entryId} is private to ${entry.audience}, which ${userId} is not in`,
        userMessage:
          'That entry is private to a conversation you are not in, so only its members can edit or merge it.',
      });
    }
    return entry;
  };

  /** A button that opens a form about an entry this curator may read. */
  const formAction = (
    actionId: string,
    form: (entry: Entry, args: { client: WebClient; userId: string }) => FormView | Promise<FormView>,
  ) =>
    curatorAction(actionId, async ({ client, workspaceId, entryId, body }) => {
      const entry = await readableEntry(client, workspaceId, entryId, body.user.id);
      const view = renderSlackModal(await form(entry, { client, userId: body.user.id }));
      await client.views.open({ trigger_id: body.trigger_id, view });
      return false;
    });

  formAction(CURATION_ACTIONS.edit, (entry) => editEntryForm(entry));
  formAction(CURATION_ACTIONS.dueEdit, (entry) =>
    editEntryForm(entry, { due: { now: earshot.clock.now() } }),
  );
  formAction(CURATION_ACTIONS.dueReviewed, (entry) => markReviewedForm(entry, earshot.clock.now()));
  formAction(CURATION_ACTIONS.merge, async (entry, { client, userId }) => {
    // Only entries seen by the same people: merging never moves words across audiences.
    const published = await earshot.entries.list({
      workspaceId: entry.workspaceId,
      status: 'published',
      audience: entry.audience,
      limit: 101,
    });
    return mergeEntryForm(entry, await visibleToMember(client, userId, published));
  });

  registerCurationForms(app, deps, publishHome);
}
