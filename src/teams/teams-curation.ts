import { type AdaptiveCardInvokeResponse, CardFactory, type TurnContext } from 'botbuilder';
import { EarshotError } from '../errors.ts';
import { reviewQueue } from '../knowledge/curation/review-queue.ts';
import { conversationKey } from '../knowledge/workspaces/platform-ids.ts';
import { parseReviewAction, REVIEW_VERBS, reviewCard } from './cards/review-card.ts';
import { textCard } from './cards/text-card.ts';
import { invokeCard, invokeMessage } from './invoke-responses.ts';
import type { TeamsDeps } from './teams-bot.ts';
import { channelIdOf } from './teams-capture.ts';
import { isTeamsCurator } from './teams-curators.ts';
import { teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';

const REFUSAL =
  'Sorry, only Earshot curators can do that. Ask a curator, or an admin to make you one (`earshot curators add`).';
const MAX_REVIEW_CARDS = 10;
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
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(reviewCard(entry))] });
  }
}

/** Approve / Edit / Reject on a review card. */
export async function handleReviewAction(
  deps: TeamsDeps,
  context: TurnContext,
  value: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  if (!(await isTeamsCurator(deps.earshot.curators, context))) return invokeMessage(REFUSAL);
  const workspaceId = teamsWorkspaceOf(context);
  const who = context.activity.from?.name ?? 'a curator';
  try {
    const action = parseReviewAction(value);
    const { entries } = deps.earshot;
    // A card's entry id could name another conversation's private capture; its title would come back here.
    const entry = await entries.get(workspaceId, action.e);
    if (entry.audience !== null && entry.audience !== here(context)) return invokeMessage(ELSEWHERE);
    if (action.verb === REVIEW_VERBS.edit) {
      const { title, body, industry, roles } = action;
      const edited = await entries.edit(workspaceId, action.e, { title, body, industry, roles });
      return invokeCard(reviewCard(edited));
    }
    const status = action.verb === REVIEW_VERBS.approve ? 'published' : 'rejected';
    const curated = await entries.setStatus(workspaceId, action.e, status);
    const done = status === 'published' ? 'Approved' : 'Rejected';
    return invokeCard(textCard(`${done} by ${who}: ${curated.title}`));
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    return invokeMessage(error.userMessage);
  }
}
