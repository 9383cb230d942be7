import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { EarshotError } from '../../errors.ts';
import { contributionsOf } from '../../knowledge/curation/contributions.ts';
import { mergeEntry } from '../../knowledge/curation/merge-entry.ts';
import { dueForReview, reviewQueue } from '../../knowledge/curation/review-queue.ts';
import {
  EDIT_MODAL_ID,
  editEntryModal,
  editSubmission,
  MERGE_MODAL_ID,
  mergeModal,
  mergeSubmission,
  submissionErrors,
} from '../blocks/curation-modals.ts';
import { CURATION_ACTIONS, parseEntryValue } from '../blocks/entry-action-values.ts';
import { homeView } from '../blocks/home-blocks.ts';
import { slackWorkspaceOf } from '../pin-workspace.ts';
import type { SlackDeps } from '../slack-context.ts';
import { visibleToMember } from '../visible-to-member.ts';

type ButtonBody = BlockAction<ButtonAction>;

const REFUSAL =
  'Sorry, only Earshot curators can publish, edit, merge or reject entries. Ask a curator, or an admin to make you one (`earshot curators add`).';

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

  app.event('app_home_opened', async ({ event, context, body, client }) => {
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

  curatorAction(CURATION_ACTIONS.edit, async ({ client, workspaceId, entryId, body }) => {
    const entry = await readableEntry(client, workspaceId, entryId, body.user.id);
    await client.views.open({ trigger_id: body.trigger_id, view: editEntryModal(entry) });
    return false;
  });
  curatorAction(CURATION_ACTIONS.merge, async ({ client, workspaceId, entryId, body }) => {
    const entry = await readableEntry(client, workspaceId, entryId, body.user.id);
    // Only entries seen by the same people: merging never moves words across audiences.
    const published = await earshot.entries.list({
      workspaceId,
      status: 'published',
      audience: entry.audience,
      limit: 101,
    });
    const candidates = (await visibleToMember(client, body.user.id, published))
      .filter((candidate) => candidate.id !== entry.id)
      .slice(0, 100);
    await client.views.open({ trigger_id: body.trigger_id, view: mergeModal(entry, candidates) });
    return false;
  });

  app.view(EDIT_MODAL_ID, async ({ ack, view, body, client, context }) => {
    const workspaceId = slackWorkspaceOf(context);
    const parsed = editSubmission.safeParse(view.state.values);
    if (!parsed.success) {
      await ack({ response_action: 'errors', errors: submissionErrors(parsed.error) });
      return;
    }
    if (!(await deps.curators.isCurator(client, workspaceId, body.user.id))) {
      await ack({ response_action: 'errors', errors: { title: REFUSAL } });
      return;
    }
    await ack();
    const { e } = parseEntryValue(view.private_metadata);
    await earshot.entries.edit(workspaceId, e, parsed.data);
    await publishHome(client, workspaceId, body.user.id);
  });

  app.view(MERGE_MODAL_ID, async ({ ack, view, body, client, context }) => {
    const workspaceId = slackWorkspaceOf(context);
    const parsed = mergeSubmission.safeParse(view.state.values);
    if (!parsed.success) {
      await ack({ response_action: 'errors', errors: { target: 'Pick the entry to merge into.' } });
      return;
    }
    if (!(await deps.curators.isCurator(client, workspaceId, body.user.id))) {
      await ack({ response_action: 'errors', errors: { target: REFUSAL } });
      return;
    }
    const { e } = parseEntryValue(view.private_metadata);
    try {
      await mergeEntry(earshot.db, { workspaceId, sourceId: e, targetId: parsed.data.targetId });
    } catch (error) {
      if (!(error instanceof EarshotError)) throw error;
      await ack({ response_action: 'errors', errors: { target: error.userMessage } });
      return;
    }
    await ack();
    await publishHome(client, workspaceId, body.user.id);
  });
}
