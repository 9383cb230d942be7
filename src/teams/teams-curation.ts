import { type AdaptiveCardInvokeResponse, CardFactory, type TurnContext } from 'botbuilder';
import { EarshotError } from '../errors.ts';
import { mergeEntry } from '../knowledge/curation/merge-entry.ts';
import { reviewQueue } from '../knowledge/curation/review-queue.ts';
import type { Entry } from '../knowledge/entry.ts';
import { conversationKey } from '../knowledge/workspaces/platform-ids.ts';
import { editEntryForm, editEntrySchema } from '../views/edit-entry-form.ts';
import { initialValues } from '../views/form-values.ts';
import { type MergeTarget, mergeEntryForm, mergeEntrySchema } from '../views/merge-entry-form.ts';
import { reviewItemView } from '../views/review-item-view.ts';
import { VIEW_ACTIONS } from '../views/view-actions.ts';
import { parseCurationInvoke, REVIEW_VERBS } from './cards/curation-card-actions.ts';
import { readCardForm } from './cards/read-card-form.ts';
import { renderTeamsCard } from './cards/render-card.ts';
import { textCard } from './cards/text-card.ts';
import { invokeCard, invokeMessage } from './invoke-responses.ts';
import type { TeamsDeps } from './teams-bot.ts';
import { channelIdOf } from './teams-capture.ts';
import { isTeamsCurator } from './teams-curators.ts';
import { teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';

const REFUSAL =
  'Sorry, only Earshot curators can do that. Ask a curator, or an admin to make you one (`earshot curators add`).';
const MAX_REVIEW_CARDS = 10;
/** Merge targets offered on a review card: enough to find a duplicate, few enough for a card. */
const MAX_MERGE_CANDIDATES = 15;
const STALE = 'That card is out of date. Type review again.';
const ELSEWHERE =
  'That entry is private to another conversation: review it there, where its members can see it.';

/** This conversation as private audiences name it. */
function here(context: TurnContext): string {
  return conversationKey('teams', channelIdOf(context.activity.conversation.id));
}

/** `watch` / `unwatch` in a channel: curators only. Returns what to say. */
export async function toggleWatch(
  deps: TeamsDeps,
  context: TurnContext,
  verb: 'watch' | 'unwatch',
): Promise<string> {
  if (!(await isTeamsCurator(deps.earshot.curators, context))) return REFUSAL;
  const channel = {
    platform: 'teams' as const,
    workspaceId: teamsWorkspaceOf(context),
    conversationId: channelIdOf(context.activity.conversation.id),
  };
  if (verb === 'watch') {
    await deps.earshot.watched.watch({ ...channel, watchedBy: teamsUserId(context) });
    return 'Earshot now keeps tips and field intel posted here, for the curators to review. Send "unwatch" to stop.';
  }
  return (await deps.earshot.watched.unwatch(channel))
    ? 'Earshot no longer captures messages here.'
    : 'Earshot was not watching this conversation.';
}

/** The review queue as cards, oldest first; private captures only in the conversation they came from. */
export async function sendReviewQueue(deps: TeamsDeps, context: TurnContext): Promise<void> {
  if (!(await isTeamsCurator(deps.earshot.curators, context))) {
    await context.sendActivity(REFUSAL);
    return;
  }
  const queue = await reviewQueue(
    deps.earshot.db,
    teamsWorkspaceOf(context),
    MAX_REVIEW_CARDS,
    here(context),
  );
  const visible = queue.entries;
  if (visible.length === 0) {
    await context.sendActivity(
      queue.size === 0
        ? 'Nothing waiting for review.'
        : `${queue.size} waiting for review, each private to another conversation: review them there.`,
    );
    return;
  }
  await context.sendActivity(`${queue.size} waiting for review; here are the oldest ${visible.length}.`);
  for (const entry of visible) {
    const candidates = await mergeCandidates(deps, context, entry);
    const card = renderTeamsCard(reviewItemView(entry, { mergeTargets: candidates }));
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  }
}

/**
 * Published entries the pending one most resembles (searched by its own words), then the newest: only
 * entries seen by the same people, since merging never moves words across audiences.
 */
export async function mergeCandidates(
  deps: TeamsDeps,
  context: TurnContext,
  entry: Entry,
): Promise<MergeTarget[]> {
  const workspaceId = teamsWorkspaceOf(context);
  const sameAudience = (candidate: Entry) =>
    candidate.id !== entry.id && candidate.status === 'published' && candidate.audience === entry.audience;
  const alike = await deps.earshot.search.search({
    workspaceId,
    query: `${entry.title} ${entry.body}`.slice(0, 2_000),
    limit: MAX_MERGE_CANDIDATES * 2,
    viewer: { conversationKey: here(context) },
  });
  const newest = await deps.earshot.entries.list({
    workspaceId,
    status: 'published',
    audience: entry.audience,
    limit: MAX_MERGE_CANDIDATES + 1,
  });
  const byId = new Map<number, MergeTarget>();
  for (const candidate of [...alike.map((hit) => hit.entry), ...newest]) {
    if (sameAudience(candidate) && !byId.has(candidate.id))
      byId.set(candidate.id, { id: candidate.id, title: candidate.title });
  }
  return [...byId.values()].slice(0, MAX_MERGE_CANDIDATES);
}

/** Approve / Edit / Merge / Reject on a review card. */
export async function handleReviewAction(
  deps: TeamsDeps,
  context: TurnContext,
  value: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  if (!(await isTeamsCurator(deps.earshot.curators, context))) return invokeMessage(REFUSAL);
  const workspaceId = teamsWorkspaceOf(context);
  const who = context.activity.from?.name ?? 'a curator';
  try {
    const { verb, e, values } = parseCurationInvoke(value, REVIEW_VERBS, STALE);
    const { entries } = deps.earshot;
    // A card's entry id could name another conversation's private capture; its title would come back here.
    const entry = await entries.get(workspaceId, e);
    if (entry.audience !== null && entry.audience !== here(context)) return invokeMessage(ELSEWHERE);
    if (verb === VIEW_ACTIONS.editEntry.id || verb === VIEW_ACTIONS.curateEdit.id) {
      const form = editEntryForm(entry);
      // Cards made before the edit form had every field sent only some: the others keep their values.
      const submitted = verb === VIEW_ACTIONS.curateEdit.id ? { ...initialValues(form), ...values } : values;
      const edit = readCardForm(form, editEntrySchema(), submitted);
      if (!edit.ok) return invokeMessage(edit.message);
      const edited = await entries.edit(workspaceId, e, edit.data);
      const mergeTargets = await mergeCandidates(deps, context, edited);
      return invokeCard(renderTeamsCard(reviewItemView(edited, { mergeTargets })));
    }
    if (verb === VIEW_ACTIONS.mergeEntry.id || verb === VIEW_ACTIONS.curateMerge.id) {
      const merge = readCardForm(mergeEntryForm(entry, []), mergeEntrySchema, values);
      if (!merge.ok) return invokeMessage(merge.message);
      const merged = await mergeEntry(deps.earshot.db, {
        workspaceId,
        sourceId: e,
        targetId: merge.data.targetId,
      });
      return invokeCard(textCard(`Merged by ${who} into: ${merged.title}`));
    }
    const status = verb === VIEW_ACTIONS.curateApprove.id ? 'published' : 'rejected';
    const curated = await entries.setStatus(workspaceId, e, status);
    const done = status === 'published' ? 'Approved' : 'Rejected';
    return invokeCard(textCard(`${done} by ${who}: ${curated.title}`));
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    return invokeMessage(error.userMessage);
  }
}
