import { type AdaptiveCardInvokeResponse, CardFactory, type TurnContext } from 'botbuilder';
import { EarshotError } from '../errors.ts';
import { dueForReview } from '../knowledge/curation/review-queue.ts';
import { conversationKey } from '../knowledge/workspaces/platform-ids.ts';
import { DUE_REVIEW_VERBS, dueReviewCard, parseDueReviewAction } from './cards/due-review-card.ts';
import { textCard } from './cards/text-card.ts';
import { invokeCard, invokeMessage } from './invoke-responses.ts';
import type { TeamsDeps } from './teams-bot.ts';
import { channelIdOf } from './teams-capture.ts';
import { isTeamsCurator } from './teams-curators.ts';
import { teamsWorkspaceOf } from './teams-identity.ts';

const REFUSAL =
  'Sorry, only Earshot curators can see what is due for review. Ask an admin to make you one (`earshot curators add`).';
const ELSEWHERE =
  'That entry is private to another conversation: review it there, where its members can see it.';
/** Slack's App Home looks as far ahead. */
const WINDOW_DAYS = 14;
const MAX_CARDS = 10;

/** `review due`: published entries past or near their review date, most overdue first, one card each. */
export async function sendDueForReview(deps: TeamsDeps, context: TurnContext): Promise<void> {
  if (!(await isTeamsCurator(deps.earshot.curators, context))) {
    await context.sendActivity(REFUSAL);
    return;
  }
  const now = deps.earshot.clock.now();
  const here = hereKey(context);
  // Another conversation's private captures stay there, as in the review queue.
  const due = (await dueForReview(deps.earshot.db, teamsWorkspaceOf(context), now, WINDOW_DAYS)).filter(
    (entry) => entry.audience === null || entry.audience === here,
  );
  if (due.length === 0) {
    await context.sendActivity(`Nothing due for review in the next ${WINDOW_DAYS} days.`);
    return;
  }
  const shown = due.slice(0, MAX_CARDS);
  await context.sendActivity(
    `${due.length} due for review in the next ${WINDOW_DAYS} days, most overdue first${due.length > shown.length ? `; here are the first ${shown.length}` : ''}.`,
  );
  for (const entry of shown) {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(dueReviewCard(entry, now))] });
  }
}

/** Mark reviewed / Edit on a due-for-review card: curators only; sets the next review date. */
export async function handleDueReviewAction(
  deps: TeamsDeps,
  context: TurnContext,
  value: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  if (!(await isTeamsCurator(deps.earshot.curators, context))) return invokeMessage(REFUSAL);
  const workspaceId = teamsWorkspaceOf(context);
  const who = context.activity.from?.name ?? 'a curator';
  try {
    const action = parseDueReviewAction(value, deps.earshot.clock.now());
    const { entries } = deps.earshot;
    const entry = await entries.get(workspaceId, action.e);
    if (entry.audience !== null && entry.audience !== hereKey(context)) return invokeMessage(ELSEWHERE);
    const edited = await entries.edit(workspaceId, action.e, {
      reviewBy: action.reviewBy,
      ...(action.verb === DUE_REVIEW_VERBS.edit ? { title: action.title, body: action.body } : {}),
    });
    const next = action.reviewBy.toISOString().slice(0, 10);
    const done = action.verb === DUE_REVIEW_VERBS.edit ? 'Edited' : 'Reviewed';
    return invokeCard(textCard(`${done} by ${who}: ${edited.title}. Next review by ${next}.`));
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    return invokeMessage(error.userMessage);
  }
}

function hereKey(context: TurnContext): string {
  return conversationKey('teams', channelIdOf(context.activity.conversation.id));
}
