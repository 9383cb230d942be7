import { VIEW_ACTIONS } from './view-actions.ts';
import type { FormView } from './view-model.ts';

export const MAX_DECISION_NOTE = 500;
export const DECISION_NOTE_FIELD = 'note';

/** The owner's Approve or Decline, with an optional note to the rep. */
export function referenceDecisionForm(requestId: number, approve: boolean): FormView {
  const verb = approve ? 'Approve' : 'Decline';
  return {
    title: `${verb} request`,
    submitLabel: verb,
    action: (approve ? VIEW_ACTIONS.approveRequest : VIEW_ACTIONS.declineRequest).id,
    payload: { req: requestId },
    fields: [
      {
        type: 'text',
        id: DECISION_NOTE_FIELD,
        label: 'Note to the rep',
        placeholder: approve
          ? 'Who to contact, times that suit the customer…'
          : 'e.g. they are mid-renewal; try again next quarter',
        multiline: true,
        maxLength: MAX_DECISION_NOTE,
        optional: true,
      },
    ],
  };
}
