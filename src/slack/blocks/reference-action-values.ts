import { z } from 'zod';
import { parseButtonValue } from './button-value.ts';

/** The action_id of every reference button; listeners register on these. */
export const REFERENCE_ACTIONS = {
  request: 'earshot_reference_request',
  override: 'earshot_reference_override',
  approve: 'earshot_reference_approve',
  decline: 'earshot_reference_decline',
  markDone: 'earshot_reference_done',
} as const;

/** Request buttons in the reference list carry the reference's id. */
export const referenceValue = z.strictObject({ ref: z.int().positive() });
/** Approve, Decline and Mark call done carry the request's id. */
export const requestValue = z.strictObject({ req: z.int().positive() });

export function encodeReferenceValue(value: z.infer<typeof referenceValue>): string {
  return JSON.stringify({ ref: value.ref });
}

export function encodeRequestValue(value: z.infer<typeof requestValue>): string {
  return JSON.stringify({ req: value.req });
}

export function parseReferenceValue(raw: string | undefined) {
  return parseButtonValue(referenceValue, raw, 'That list is out of date. Run `/earshot references` again.');
}

export function parseRequestValue(raw: string | undefined) {
  return parseButtonValue(requestValue, raw, 'That request is out of date; nothing was changed.');
}
