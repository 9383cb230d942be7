import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import { SLACK_LIMITS } from './block-limits.ts';

/** The action_id of every button Earshot renders; listeners register on these. */
export const ACTION_IDS = {
  helpful: 'earshot_feedback_helpful',
  notHelpful: 'earshot_feedback_not_helpful',
  share: 'earshot_share',
  routeToCurators: 'earshot_route_to_curators',
} as const;

/** What a button on an answer carries: the question's row in the question log. */
export const questionActionValue = z.strictObject({ q: z.int().positive() });

export type QuestionActionValue = z.infer<typeof questionActionValue>;

export function encodeActionValue(value: QuestionActionValue): string {
  return JSON.stringify({ q: value.q });
}

/** Reads a button's `value` from an interaction payload; anyone can post one, so it is checked. */
export function parseActionValue(raw: string | undefined): QuestionActionValue {
  const stale = (reason: string, cause?: unknown) =>
    new EarshotError({
      code: 'invalid_input',
      message: `Invalid button value (${reason}): ${JSON.stringify(raw?.slice(0, 200) ?? null)}`,
      userMessage: 'That button is out of date. Ask again.',
      cause,
    });
  if (raw === undefined || raw.length > SLACK_LIMITS.buttonValue) throw stale('missing or too long');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw stale('not JSON', error);
  }
  const parsed = questionActionValue.safeParse(json);
  if (!parsed.success) throw stale(z.prettifyError(parsed.error).replace(/\n/g, ' '), parsed.error);
  return parsed.data;
}
