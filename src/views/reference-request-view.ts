import type { ReferenceRequestView } from '../nudges/references/reference-views.ts';
import { clip } from './clip.ts';
import { referenceDecisionForm } from './reference-decision-form.ts';
import { actionButton } from './view-actions.ts';
import type { Line, MessageView, PersonRef } from './view-model.ts';

export const MAX_NAME = 150;
const MAX_NOTE = 2000;
const MAX_REASON = 500;

/**
 * A rep's reference request as the reference's owner gets it: who asks for which customer, their note,
 * any curator override, how much the reference has been used, and Approve / Decline (each with a note).
 */
export function referenceRequestView(
  request: ReferenceRequestView,
  people: { requester: PersonRef; overrideBy?: PersonRef | null },
): MessageView {
  const account = clip(request.reference.account, MAX_NAME);
  const note = request.note ? clip(request.note, MAX_NOTE) : '';
  const override = request.override;
  const reason = override?.reason ? clip(override.reason, MAX_REASON) : '';
  const requestId = request.requestId;
  return {
    fallback: `Reference request: ${people.requester.name ?? 'a rep'} asks to use ${request.reference.account}`,
    blocks: [
      { type: 'heading', text: `Reference request: ${account}` },
      {
        type: 'text',
        lines: [
          [
            { person: people.requester },
            ' asks to use ',
            { text: account, bold: true },
            ` (${clip(request.reference.industry, MAX_NAME)}) as a reference.`,
          ],
          [note ? `Their note: “${note}”` : 'No note from the rep.'],
          ...(override
            ? [
                <Line>[
                  '⚠️ ',
                  { text: 'Override:', bold: true },
                  ' curator ',
                  people.overrideBy ? { person: people.overrideBy } : 'a curator',
                  " let this request past the reference's limits",
                  reason ? `: “${reason}”` : ' (no reason given)',
                ],
              ]
            : []),
        ],
      },
      { type: 'text', subtle: true, lines: [[`Usage: ${clip(request.usage, MAX_NOTE)}`]] },
      {
        type: 'buttons',
        id: 'earshot_request_actions',
        buttons: [
          {
            ...actionButton('approveRequest', 'Approve', { req: requestId }, { style: 'primary' }),
            form: referenceDecisionForm(requestId, true),
          },
          {
            ...actionButton('declineRequest', 'Decline', { req: requestId }, { style: 'danger' }),
            form: referenceDecisionForm(requestId, false),
          },
        ],
      },
    ],
  };
}
