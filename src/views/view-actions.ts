import type { z } from 'zod';
import { ANSWER_ACTIONS } from './actions/answer-actions.ts';
import { CURATION_VIEW_ACTIONS } from './actions/curation-actions.ts';
import { DIGEST_VIEW_ACTIONS } from './actions/digest-actions.ts';
import { HOME_VIEW_ACTIONS } from './actions/home-actions.ts';
import { NUDGE_VIEW_ACTIONS } from './actions/nudge-actions.ts';
import { REFERENCE_VIEW_ACTIONS } from './actions/reference-actions.ts';

/**
 * Every button and form Earshot renders, by name: the id both platforms send back (Slack `action_id` or
 * modal `callback_id`, Teams `Action.Execute` verb) and the payload it carries. Anyone can post an
 * interaction, so each platform parses what comes back against the payload schema here.
 */
export const VIEW_ACTIONS = {
  ...ANSWER_ACTIONS,
  ...REFERENCE_VIEW_ACTIONS,
  ...NUDGE_VIEW_ACTIONS,
  ...CURATION_VIEW_ACTIONS,
  ...DIGEST_VIEW_ACTIONS,
  ...HOME_VIEW_ACTIONS,
} satisfies Record<string, { id: string; payload: z.ZodType<Record<string, string | number | boolean>> }>;

export type ViewActionName = keyof typeof VIEW_ACTIONS;
export type ViewActionPayload<A extends ViewActionName> = z.infer<(typeof VIEW_ACTIONS)[A]['payload']>;

/** A button for a named action; the payload is typed by the action. */
export function actionButton<A extends ViewActionName>(
  action: A,
  label: string,
  payload: ViewActionPayload<A>,
  extra: { style?: 'primary' | 'danger' } = {},
) {
  return { label, action: VIEW_ACTIONS[action].id, payload, ...extra };
}
