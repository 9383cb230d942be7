import { clip } from './clip.ts';
import { VIEW_ACTIONS } from './view-actions.ts';
import type { FormView } from './view-model.ts';

export const MAX_REQUEST_NOTE = 500;

/** The input id of a request's note; one per reference, since Teams merges every input on a card. */
export const requestNoteField = (referenceId: number) => `note-${referenceId}`;

/** Asking a reference customer's owner for a call: a note about the prospect and the deal. */
export function referenceRequestForm(reference: { id: number; account: string }): FormView {
  return {
    title: 'Request a reference',
    submitLabel: 'Send request',
    action: VIEW_ACTIONS.requestReference.id,
    payload: { ref: reference.id },
    fields: [
      {
        type: 'text',
        id: requestNoteField(reference.id),
        label: `Note to ${clip(reference.account, 100)}'s owner`,
        placeholder: 'The prospect, the deal, what they want to hear about…',
        multiline: true,
        maxLength: MAX_REQUEST_NOTE,
        optional: true,
      },
    ],
  };
}
