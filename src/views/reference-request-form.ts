import { describeReason } from '../nudges/references/availability.ts';
import { clip } from './clip.ts';
import { VIEW_ACTIONS } from './view-actions.ts';
import type { FormView } from './view-model.ts';

export const MAX_REQUEST_NOTE = 500;
export const MAX_OVERRIDE_REASON = 300;

/**
 * Input ids of a request's note and an override's reason; one per reference, since Teams merges every
 * input on a card (a list has one form per reference).
 */
export const requestNoteField = (referenceId: number) => `note-${referenceId}`;
export const overrideReasonField = (referenceId: number) => `reason-${referenceId}`;

/** Asking a reference customer's owner for a call: a note about the prospect and the deal. */
export function referenceRequestForm(reference: { id: number; account: string }): FormView {
  return {
    title: 'Request a reference',
    submitLabel: 'Send request',
    action: VIEW_ACTIONS.requestReference.id,
    payload: { ref: reference.id },
    fields: [noteField(reference)],
  };
}

/** A curator asking past a reference's limits: why (recorded, required), then the note. */
export function referenceOverrideForm(reference: {
  id: number;
  account: string;
  reasons: Parameters<typeof describeReason>[0][];
}): FormView {
  const why = reference.reasons.map(describeReason).join('; ');
  return {
    title: 'Request anyway',
    submitLabel: 'Send with override',
    action: VIEW_ACTIONS.overrideReference.id,
    payload: { ref: reference.id },
    intro: [[`⚠️ Not available now${why ? `: ${clip(why, 200)}` : ''}. Your override is recorded.`]],
    fields: [
      {
        type: 'text',
        id: overrideReasonField(reference.id),
        label: 'Why override the limit?',
        placeholder: 'e.g. last reference the buyer needs before signing',
        maxLength: MAX_OVERRIDE_REASON,
      },
      noteField(reference),
    ],
  };
}

function noteField(reference: { id: number; account: string }): FormView['fields'][number] {
  return {
    type: 'text',
    id: requestNoteField(reference.id),
    label: `Note to ${clip(reference.account, 100)}'s owner`,
    placeholder: 'The prospect, the deal, what they want to hear about…',
    multiline: true,
    maxLength: MAX_REQUEST_NOTE,
    optional: true,
  };
}
