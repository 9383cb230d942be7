import { z } from 'zod';
import { parseButtonValue } from './button-value.ts';

/** The action_id of each button on a buying-trigger alert; listeners register on these. */
export const NUDGE_ACTIONS = {
  snooze: 'earshot_nudge_snooze',
  dismiss: 'earshot_nudge_dismiss',
  helpful: 'earshot_nudge_helpful',
} as const;

/** What a button on an alert carries: the nudge's id. */
export const nudgeActionValue = z.strictObject({ n: z.int().positive() });

export type NudgeActionValue = z.infer<typeof nudgeActionValue>;

export function encodeNudgeValue(value: NudgeActionValue): string {
  return JSON.stringify({ n: value.n });
}

/** Reads the value back from an interaction payload; anyone can post one, so it is checked. */
export function parseNudgeValue(raw: string | undefined): NudgeActionValue {
  return parseButtonValue(nudgeActionValue, raw, 'That alert is out of date; nothing was changed.');
}
