import { z } from 'zod';
import { parseButtonValue } from './button-value.ts';

/** The action_id of every button Earshot renders; listeners register on these. */
export const ACTION_IDS = {
  helpful: 'earshot_feedback_helpful',
  notHelpful: 'earshot_feedback_not_helpful',
  share: 'earshot_share',
  routeToCurators: 'earshot_route_to_curators',
  dropFacets: 'earshot_drop_facets',
} as const;

/** What a button on an answer carries: the question's row in the question log. */
export const questionActionValue = z.strictObject({ q: z.int().positive() });

export type QuestionActionValue = z.infer<typeof questionActionValue>;

export function encodeActionValue(value: QuestionActionValue): string {
  return JSON.stringify({ q: value.q });
}

/** Reads the value back from an interaction payload; anyone can post one, so it is checked. */
export function parseActionValue(raw: string | undefined): QuestionActionValue {
  return parseButtonValue(questionActionValue, raw, 'That button is out of date. Ask again.');
}
