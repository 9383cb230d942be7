import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { EarshotError } from '../errors.ts';
import type { Earshot } from '../main.ts';
import { composeNudge } from '../nudges/compose-nudge.ts';
import {
  NUDGE_VERBS,
  type NudgeCardState,
  nudgeCard,
  nudgeDismissedCard,
  parseNudgeAction,
} from './cards/nudge-card.ts';
import { invokeCard, invokeMessage } from './invoke-responses.ts';
import { teamsUserId, teamsWorkspaceOf } from './teams-identity.ts';

type NudgeDeps = Pick<Earshot, 'nudgeActions' | 'db' | 'search' | 'references' | 'logger'>;

/**
 * Snooze / Dismiss / Helpful on a buying-trigger alert. Only the person it went to may press them;
 * anyone else is told so and the alert stays as it was.
 */
export async function handleNudgeAction(
  earshot: NudgeDeps,
  context: TurnContext,
  value: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  try {
    const { verb, nudgeId } = parseNudgeAction(value);
    const actor = {
      workspaceId: teamsWorkspaceOf(context),
      nudgeId,
      platform: 'teams' as const,
      userId: teamsUserId(context),
    };
    switch (verb) {
      case NUDGE_VERBS.snooze: {
        const { until } = await earshot.nudgeActions.snooze(actor);
        return await refreshed(earshot, nudgeId, { snoozedUntil: until });
      }
      case NUDGE_VERBS.dismiss:
        await earshot.nudgeActions.dismiss(actor);
        return invokeCard(nudgeDismissedCard());
      case NUDGE_VERBS.helpful:
        await earshot.nudgeActions.markHelpful(actor);
        return await refreshed(earshot, nudgeId, { helpful: true });
    }
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    return invokeMessage(error.userMessage);
  }
}

/** The alert again with what was just done on it; if it cannot be rebuilt, a line saying what was done. */
async function refreshed(
  earshot: NudgeDeps,
  nudgeId: number,
  state: NudgeCardState,
): Promise<AdaptiveCardInvokeResponse> {
  try {
    return invokeCard(nudgeCard(await composeNudge(earshot, nudgeId), state));
  } catch (error) {
    earshot.logger.warn({ err: error, nudge: nudgeId, platform: 'teams' }, 'could not rebuild an alert card');
    return invokeMessage(
      state.snoozedUntil ? 'Snoozed for a week.' : 'Thanks! Noted that this alert helped.',
    );
  }
}
