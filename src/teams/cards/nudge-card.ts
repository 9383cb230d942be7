import type { NudgeView } from '../../nudges/nudge-view.ts';
import { type AlertState, alertView } from '../../views/alert-view.ts';
import { VIEW_ACTIONS } from '../../views/view-actions.ts';
import type { RichCard } from './card-elements.ts';
import { parseExecute } from './execute-action.ts';
import { renderTeamsCard } from './render-card.ts';

export const NUDGE_VERBS = {
  snooze: VIEW_ACTIONS.snoozeAlert.id,
  dismiss: VIEW_ACTIONS.dismissAlert.id,
  helpful: VIEW_ACTIONS.alertHelpful.id,
} as const;

export type NudgeVerb = (typeof NUDGE_VERBS)[keyof typeof NUDGE_VERBS];

/** The buying-trigger alert as an Adaptive Card; after a click, with what the owner did. */
export function nudgeCard(nudge: NudgeView, state: AlertState = {}): RichCard {
  return renderTeamsCard(alertView(nudge, state));
}

export function isNudgeVerb(verb: string | undefined): boolean {
  return (Object.values(NUDGE_VERBS) as Array<string | undefined>).includes(verb);
}

/** Which alert button was pressed on which alert; anything Earshot did not render is refused. */
export function parseNudgeAction(value: unknown): { verb: NudgeVerb; nudgeId: number } {
  const { verb, data } = parseExecute(value, {
    verbs: Object.values(NUDGE_VERBS) as [NudgeVerb, ...NudgeVerb[]],
    // The three buttons carry the same payload.
    data: VIEW_ACTIONS.snoozeAlert.payload,
    staleMessage: 'That alert card is out of date.',
    what: 'nudge',
  });
  return { verb, nudgeId: data.n };
}
