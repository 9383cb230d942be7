import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { EarshotError } from '../errors.ts';
import type { Earshot } from '../main.ts';
import { NUDGE_VERBS, nudgeDismissedCard, nudgeSnoozedCard, parseNudgeAction } from './cards/nudge-card.ts';
import { invokeCard, invokeMessage } from './invoke-responses.ts';
import { teamsUserId, tenantOf } from './teams-identity.ts';

/**
 * Snooze / Dismiss / Helpful on a buying-trigger alert. Only the person it went to may press them;
 * anyone else is told so and the alert stays as it was.
 */
export async function handleNudgeAction(
  earshot: Pick<Earshot, 'nudgeActions'>,
  context: TurnContext,
  value: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  try {
    const { verb, nudgeId } = parseNudgeAction(value);
    const actor = {
      workspaceId: tenantOf(context),
      nudgeId,
      platform: 'teams' as const,
      userId: teamsUserId(context),
    };
    switch (verb) {
      case NUDGE_VERBS.snooze:
        return invokeCard(nudgeSnoozedCard((await earshot.nudgeActions.snooze(actor)).until));
      case NUDGE_VERBS.dismiss:
        await earshot.nudgeActions.dismiss(actor);
        return invokeCard(nudgeDismissedCard());
      case NUDGE_VERBS.helpful:
        await earshot.nudgeActions.markHelpful(actor);
        return invokeMessage('Thanks! Noted that this alert helped.');
    }
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    return invokeMessage(error.userMessage);
  }
}
