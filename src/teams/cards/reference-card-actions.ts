import { z } from 'zod';
import { cardId, cardNote, parseExecute, verbOf } from './execute-action.ts';

export const REFERENCE_VERBS = {
  request: 'earshot_reference_request',
  approve: 'earshot_reference_approve',
  decline: 'earshot_reference_decline',
  done: 'earshot_reference_done',
} as const;

type ReferenceVerb = (typeof REFERENCE_VERBS)[keyof typeof REFERENCE_VERBS];

export const MAX_NOTE = 500;

/** Ids of the inputs on a reference list card: one note (and override reason) per reference. */
export const noteInput = (referenceId: number) => `note-${referenceId}`;
export const reasonInput = (referenceId: number) => `reason-${referenceId}`;

export type ReferenceAction =
  | { verb: 'request'; referenceId: number; note?: string; override?: { reason?: string } }
  | { verb: 'approve' | 'decline'; requestId: number; note?: string }
  | { verb: 'done'; requestId: number };

export function isReferenceVerb(verb: string | undefined): boolean {
  return (Object.values(REFERENCE_VERBS) as Array<string | undefined>).includes(verb);
}

const STALE = 'That reference card is out of date. Send "references" again.';

// Teams merges every input of the card into the data, under the input's id.
const requestData = z
  .object({ ref: cardId, override: z.literal(true).optional() })
  .catchall(z.string().max(20_000));
const decisionData = z.strictObject({ r: cardId, note: cardNote(MAX_NOTE) });
const doneData = z.strictObject({ r: cardId });

/** A reference card's button with what was typed; tampered or outdated invokes are refused. */
export function parseReferenceAction(value: unknown): ReferenceAction {
  const verb = verbOf(value);
  const parse = <V extends ReferenceVerb, D extends z.ZodType>(verbs: readonly [V, ...V[]], data: D) =>
    parseExecute(value, { verbs, data, staleMessage: STALE, what: 'reference' });
  if (verb === REFERENCE_VERBS.request) {
    const { data } = parse([REFERENCE_VERBS.request], requestData);
    const typed = (id: string) => cardNote(MAX_NOTE).parse(data[id]);
    return {
      verb: 'request',
      referenceId: data.ref,
      note: typed(noteInput(data.ref)),
      ...(data.override ? { override: { reason: typed(reasonInput(data.ref)) } } : {}),
    };
  }
  if (verb === REFERENCE_VERBS.done) return { verb: 'done', requestId: parse([verb], doneData).data.r };
  const decided = parse([REFERENCE_VERBS.approve, REFERENCE_VERBS.decline], decisionData);
  return {
    verb: decided.verb === REFERENCE_VERBS.approve ? 'approve' : 'decline',
    requestId: decided.data.r,
    note: decided.data.note,
  };
}
