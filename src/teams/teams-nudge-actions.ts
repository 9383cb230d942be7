import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { EarshotError } from '../errors.ts';
import type { Earshot } from '../main.ts';
import { composeNudge } from '../nudges/compose-nudge.ts';
import type { NudgeOwnerState } from '../nudges/nudge-actions.ts';
import { alertOutcomeText } from '../views/alert-view.ts';
import { NUDGE_VERBS, nudgeCard, parseNudgeAction } from './cards/nudge-card.ts';
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
    const actions = earshot.nudgeActions;
    const state =
      verb === NUDGE_VERBS.snooze
        ? await actions.snooze(actor)
        : verb === NUDGE_VERBS.dismiss
          ? await actions.dismiss(actor)
          : await actions.markHelpful(actor);
    return await refreshed(earshot, nudgeId, state);
  } catch (error) {
    if (!(error instanceof EarshotError)) throw error;
    return invokeMessage(error.userMessage);
  }
}

/** The alert again with what was just done on it; if it cannot be rebuilt, a line saying what was done. */
async function refreshed(
  earshot: NudgeDeps,
  nudgeId: number,
  state: NudgeOwnerState,
): Promise<AdaptiveCardInvokeResponse> {
  try {
    return invokeCard(nudgeCard(await composeNudge(earshot, nudgeId), state));
  } catch (error) {
    earshot.logger.warn({ err: error, nudge: nudgeId, platform: 'teams' }, 'could not rebuild an alert card');
    return invokeMessage(alertOutcomeText(state));
  }
}
