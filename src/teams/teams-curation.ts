import { type AdaptiveCardInvokeResponse, CardFactory, type TurnContext } from 'botbuilder';
import { EarshotError } from '../errors.ts';
import { reviewQueue } from '../knowledge/curation/review-queue.ts';
import { parseReviewAction, REVIEW_VERBS, reviewCard } from './cards/review-card.ts';
import { textCard } from './cards/text-card.ts';
import { invokeCard, invokeMessage } from './invoke-responses.ts';
import type { TeamsDeps } from './teams-bot.ts';
import { channelIdOf } from './teams-capture.ts';
import { isTeamsCurator } from './teams-curators.ts';
import { teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';

const REFUSAL =
  'Sorry, only Earshot curators can do that. Ask a curator, or an admin to add you to EARSHOT_CURATORS.';
const MAX_REVIEW_CARDS = 10;

/** `watch` / `unwatch` in a channel: curators only. Returns what to say. */
export async function toggleWatch(
  deps: TeamsDeps,
  context: TurnContext,
  verb: 'watch' | 'unwatch',
): Promise<string> {
  if (!(await isTeamsCurator(deps.config, context))) return REFUSAL;
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
  if (!(await isTeamsCurator(deps.config, context))) {
    await context.sendActivity(REFUSAL);
    return;
  }
  const here = channelIdOf(context.activity.conversation.id);
  const queue = await reviewQueue(deps.earshot.db, teamsWorkspaceOf(context), 50);
  const visible = queue.entries
    .filter((entry) => entry.audience === null || entry.audience === here)
    .slice(0, MAX_REVIEW_CARDS);
  if (visible.length === 0) {
    await context.sendActivity('Nothing waiting for review.');
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
  if (!(await isTeamsCurator(deps.config, context))) return invokeMessage(REFUSAL);
  const workspaceId = teamsWorkspaceOf(context);
  const who = context.activity.from?.name ?? 'a curator';
  try {
    const action = parseReviewAction(value);
    const { entries } = deps.earshot;
    if (action.verb === REVIEW_VERBS.edit) {
      const entry = await entries.edit(workspaceId, action.e, { title: action.title, body: action.body });
      return invokeCard(reviewCard(entry));
    }
    const status = action.verb === REVIEW_VERBS.approve ? 'published' : 'rejected';
    const entry = await entries.setStatus(workspaceId, action.e, status);
    const done = status === 'published' ? 'Approved' : 'Rejected';
    return invokeCard(textCard(`${done} by ${who}: ${entry.title}`));
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    return invokeMessage(error.userMessage);
  }
}
