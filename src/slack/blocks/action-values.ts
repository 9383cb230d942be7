import type { z } from 'zod';
import { ANSWER_ACTIONS } from '../../views/actions/answer-actions.ts';
import { parseButtonValue } from './button-value.ts';

/** The action_id of every button on an answer; listeners register on these. */
export const ACTION_IDS = {
  helpful: ANSWER_ACTIONS.helpful.id,
  notHelpful: ANSWER_ACTIONS.notHelpful.id,
  share: ANSWER_ACTIONS.share.id,
  routeToCurators: ANSWER_ACTIONS.routeToCurators.id,
  dropFacets: ANSWER_ACTIONS.dropFacets.id,
} as const;

export type QuestionActionValue = z.infer<typeof ANSWER_ACTIONS.helpful.payload>;

export function encodeActionValue(value: QuestionActionValue): string {
  return JSON.stringify({ q: value.q });
}

/** Reads the value back from an interaction payload; anyone can post one, so it is checked. */
export function parseActionValue(raw: string | undefined): QuestionActionValue {
  return parseButtonValue(ANSWER_ACTIONS.helpful.payload, raw, 'That button is out of date. Ask again.');
}
