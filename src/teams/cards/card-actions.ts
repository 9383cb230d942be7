import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import { ANSWER_ACTIONS } from '../../views/actions/answer-actions.ts';

/** The verb of every `Action.Execute` Earshot renders; the invoke handler dispatches on these. */
export const TEAMS_VERBS = {
  helpful: ANSWER_ACTIONS.helpful.id,
  notHelpful: ANSWER_ACTIONS.notHelpful.id,
  routeToCurators: ANSWER_ACTIONS.routeToCurators.id,
  dropFacets: ANSWER_ACTIONS.dropFacets.id,
} as const;

export type TeamsVerb = (typeof TEAMS_VERBS)[keyof typeof TEAMS_VERBS];

const VERBS = Object.values(TEAMS_VERBS) as [TeamsVerb, ...TeamsVerb[]];

export const CARD_ACTION_STALE_MESSAGE = 'That card is out of date. Ask again.';

/**
 * An `adaptiveCard/action` invoke's `value`. Teams adds fields of its own (`trigger`, the action's `id`
 * or `title`), so only the parts Earshot wrote are strict: the verb and the data it carries.
 */
export const cardActionSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.enum(VERBS),
    data: ANSWER_ACTIONS.helpful.payload,
  }),
});

export interface CardAction {
  verb: TeamsVerb;
  q: number;
}

/**
 * Reads which button was pressed on which question. Anyone who can reach the bot endpoint can send an
 * invoke, so anything malformed, or a verb Earshot never rendered, is refused as `invalid_input`.
 */
export function parseCardAction(value: unknown): CardAction {
  const parsed = cardActionSchema.safeParse(value);
  if (!parsed.success) {
    let shown: string;
    try {
      shown = JSON.stringify(value)?.slice(0, 200) ?? String(value);
    } catch {
      shown = '(unserializable)';
    }
    throw new EarshotError({
      code: 'invalid_input',
      message: `Invalid card action (${z.prettifyError(parsed.error).replace(/\n/g, ' ')}): ${shown}`,
      userMessage: CARD_ACTION_STALE_MESSAGE,
      cause: parsed.error,
    });
  }
  return { verb: parsed.data.action.verb, q: parsed.data.action.data.q };
}
