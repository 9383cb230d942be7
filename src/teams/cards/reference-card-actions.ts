import { z } from 'zod';
import { DECISION_NOTE_FIELD, MAX_DECISION_NOTE } from '../../views/reference-decision-form.ts';
import {
  MAX_OVERRIDE_REASON,
  MAX_REQUEST_NOTE,
  overrideReasonField,
  requestNoteField,
} from '../../views/reference-request-form.ts';
import { VIEW_ACTIONS } from '../../views/view-actions.ts';
import { cardNote, parseExecute, verbOf } from './execute-action.ts';

const { requestReference, overrideReference, approveRequest, declineRequest, markCallDone } = VIEW_ACTIONS;

export const REFERENCE_VERBS = {
  request: requestReference.id,
  override: overrideReference.id,
  approve: approveRequest.id,
  decline: declineRequest.id,
  done: markCallDone.id,
} as const;

export type ReferenceAction =
  | { verb: 'request'; referenceId: number; note?: string; override?: { reason?: string } }
  | { verb: 'approve' | 'decline'; requestId: number; note?: string }
  | { verb: 'done'; requestId: number };

export function isReferenceVerb(verb: string | undefined): boolean {
  return (Object.values(REFERENCE_VERBS) as Array<string | undefined>).includes(verb);
}

const STALE = 'That reference card is out of date. Send "references" again.';

/**
 * The button's payload (checked against the view registry's schema) beside what was typed: Teams merges
 * every input of the card into the data under the input's id, so a list's data holds every reference's
 * note; only text under the ids of this card's inputs is accepted.
 */
function withInputs<S extends z.ZodObject>(payload: S, inputIds: RegExp) {
  const typed = z.string().max(20_000);
  return z.record(z.string(), z.unknown()).transform((data, context) => {
    const inputs: Record<string, string> = {};
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      const text = typed.safeParse(value);
      if (inputIds.test(key) && text.success) inputs[key] = text.data;
      else rest[key] = value;
    }
    const parsed = payload.safeParse(rest);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) context.addIssue({ ...issue, code: 'custom' });
      return z.NEVER;
    }
    return { payload: parsed.data as z.infer<S>, inputs };
  });
}

const requestInputs = /^(note|reason)-\d+$/;
const decisionInputs = new RegExp(`^${DECISION_NOTE_FIELD}$`);

/** A reference card's button with what was typed; tampered or outdated invokes are refused. */
export function parseReferenceAction(value: unknown): ReferenceAction {
  const verb = verbOf(value);
  const parse = <S extends z.ZodObject>(action: { id: string; payload: S }, inputs: RegExp) =>
    parseExecute(value, {
      verbs: [action.id],
      data: withInputs(action.payload, inputs),
      staleMessage: STALE,
      what: 'reference',
    }).data;
  if (verb === requestReference.id || verb === overrideReference.id) {
    const override = verb === overrideReference.id;
    const { payload, inputs } = parse(override ? overrideReference : requestReference, requestInputs);
    const note = cardNote(MAX_REQUEST_NOTE).parse(inputs[requestNoteField(payload.ref)]);
    const reason = cardNote(MAX_OVERRIDE_REASON).parse(inputs[overrideReasonField(payload.ref)]);
    return { verb: 'request', referenceId: payload.ref, note, ...(override ? { override: { reason } } : {}) };
  }
  if (verb === markCallDone.id) {
    return { verb: 'done', requestId: parse(markCallDone, /^$/).payload.req };
  }
  const approve = verb === approveRequest.id;
  const { payload, inputs } = parse(approve ? approveRequest : declineRequest, decisionInputs);
  return {
    verb: approve ? 'approve' : 'decline',
    requestId: payload.req,
    note: cardNote(MAX_DECISION_NOTE).parse(inputs[DECISION_NOTE_FIELD]),
  };
}
