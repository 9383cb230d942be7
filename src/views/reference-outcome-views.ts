import { describeReason, describeUsage } from '../nudges/references/availability.ts';
import type { ReferenceAvailability } from '../nudges/references/reference-views.ts';
import { clip } from './clip.ts';
import { MAX_NAME } from './reference-request-view.ts';
import { actionButton } from './view-actions.ts';
import type { Line, MessageView, PersonRef } from './view-model.ts';

const MAX_NOTE = 2000;

export interface DecidedRequest {
  requestId: number;
  status: 'approved' | 'declined';
  reference: ReferenceAvailability;
  requester: PersonRef;
  decidedBy: PersonRef;
  note: string | null | undefined;
  /** Whether Earshot reached the rep in chat. */
  requesterTold: boolean;
}

/** The owner's request once decided: the verdict, whether the rep heard it, and for an approval "Mark call done". */
export function requestDecidedView(decided: DecidedRequest): MessageView {
  const account = clip(decided.reference.account, MAX_NAME);
  const approved = decided.status === 'approved';
  const note = decided.note ? clip(decided.note, MAX_NOTE) : '';
  const rep: Line[number] = { person: decided.requester };
  const verdict: Line = [
    approved ? '✅ ' : '',
    { text: approved ? 'Approved' : 'Declined', bold: true },
    ' by ',
    { person: decided.decidedBy },
    note ? `: “${note}”. ` : '. ',
    ...(decided.requesterTold
      ? [rep, ' has been told.']
      : ["I couldn't reach ", rep, ' in chat; please tell them yourself.']),
  ];
  return {
    fallback: `Reference request for ${decided.reference.account}: ${decided.status}`,
    blocks: [
      {
        type: 'text',
        lines: [[rep, ' asked to use ', { text: account, bold: true }, ' as a reference.'], verdict],
      },
      {
        type: 'text',
        subtle: true,
        lines: [
          ...(approved
            ? [
                [
                  `Introduce them, then mark the call done once it has happened; ${account} then rests for ${decided.reference.cooldownDays} days.`,
                ],
              ]
            : []),
          [`Usage: ${describeUsage(decided.reference)}`],
        ],
      },
      ...(approved
        ? [
            {
              type: 'buttons' as const,
              id: 'earshot_request_actions',
              buttons: [
                actionButton(
                  'markCallDone',
                  'Mark call done',
                  { req: decided.requestId },
                  { style: 'primary' },
                ),
              ],
            },
          ]
        : []),
    ],
  };
}

/** The approved request once its call is done: the cooldown it started, no buttons left. */
export function requestDoneView(reference: ReferenceAvailability, doneBy: PersonRef): MessageView {
  const account = clip(reference.account, MAX_NAME);
  const cooldown = reference.reasons.find((reason) => reason.kind === 'cooldown');
  return {
    fallback: `Call done: ${reference.account}`,
    blocks: [
      {
        type: 'text',
        lines: [
          [
            '📞 ',
            { text: 'Call done', bold: true },
            `: ${account}, marked done by `,
            { person: doneBy },
            '. Thanks for closing the loop.',
          ],
          [cooldown ? `${account} is ${describeReason(cooldown)}.` : `${account} can take calls again.`],
        ],
      },
      { type: 'text', subtle: true, lines: [[`Usage: ${describeUsage(reference)}`]] },
    ],
  };
}
