import { describeReason, describeUsage } from '../../nudges/references/availability.ts';
import type { ReferenceAvailability, ReferenceRequestView } from '../../nudges/references/reference-views.ts';
import { execute, paragraph, type RichCard, richCard } from './card-elements.ts';
import { inlineText, neutralizeLabel } from './card-markdown.ts';
import { MAX_NOTE, REFERENCE_VERBS } from './reference-card-actions.ts';

/** How a person is named on a card: their email when Earshot knows it, else a plain description. */
export interface PeopleNames {
  requester: string | null;
  overrideBy?: string | null;
}

/**
 * A rep's reference request as the reference's owner sees it: who asks, for which reference, their note,
 * any curator override, how much the reference has been used; a note back and Approve / Decline.
 */
export function referenceRequestCard(view: ReferenceRequestView, names: PeopleNames): RichCard {
  const account = name(view.reference.account);
  const requester = names.requester ? name(names.requester) : 'A rep';
  const data = { r: view.requestId };
  return richCard({
    fallbackText: inlineText(
      `${names.requester ?? 'A rep'} asks to use ${view.reference.account} as a reference`,
      300,
    ),
    body: [
      paragraph(`**Reference request: ${account}**`, { size: 'Medium' }),
      paragraph(
        `**${requester}** asks to use **${account}** (${inlineText(view.reference.industry, 100)}) as a reference.`,
      ),
      ...(view.note ? [paragraph(`Their note: “${inlineText(view.note, MAX_NOTE)}”`)] : []),
      ...(view.override
        ? [
            paragraph(
              `⚠️ Past its limit: curator **${names.overrideBy ? name(names.overrideBy) : 'a curator'}** overrode it` +
                (view.override.reason
                  ? `: “${inlineText(view.override.reason, MAX_NOTE)}”`
                  : ' (no reason given).'),
            ),
          ]
        : []),
      paragraph(`Usage: ${inlineText(view.usage, 300)}`, { isSubtle: true, size: 'Small' }),
      {
        type: 'Input.Text',
        id: 'note',
        label: 'Note to the rep (optional)',
        placeholder: 'Who to contact, times that suit the customer…',
        isMultiline: true,
        maxLength: MAX_NOTE,
      },
    ],
    actions: [
      execute('Approve', REFERENCE_VERBS.approve, data, 'positive'),
      execute('Decline', REFERENCE_VERBS.decline, data, 'destructive'),
    ],
  });
}

export interface DecidedRequest {
  requestId: number;
  status: 'approved' | 'declined';
  reference: ReferenceAvailability;
  requester: string | null;
  requesterTold: boolean;
  note: string | undefined;
}

/** The owner's card once they decided: Approved (with "Mark call done") or Declined. */
export function referenceDecidedCard(decided: DecidedRequest): RichCard {
  const account = name(decided.reference.account);
  const requester = decided.requester ? name(decided.requester) : 'the rep';
  const approved = decided.status === 'approved';
  const told = decided.requesterTold
    ? `Earshot told ${requester} in Teams${decided.note ? ', with your note' : ''}.`
    : `Earshot couldn't reach ${requester} in Teams; please tell them yourself.`;
  return richCard({
    fallbackText: `${approved ? 'Approved' : 'Declined'}: ${decided.reference.account}`,
    body: [
      paragraph(
        approved
          ? `✅ **Approved**: ${account} reference call for ${requester}.`
          : `**Declined**: ${account} reference request from ${requester}.`,
        { size: 'Medium' },
      ),
      ...(decided.note ? [paragraph(`Your note: “${inlineText(decided.note, MAX_NOTE)}”`)] : []),
      paragraph(told),
      ...(approved
        ? [
            paragraph(
              `Mark the call done once it has happened; ${account} then rests for ${decided.reference.cooldownDays} days.`,
              { isSubtle: true, size: 'Small' },
            ),
          ]
        : []),
    ],
    actions: approved
      ? [execute('Mark call done', REFERENCE_VERBS.done, { r: decided.requestId }, 'positive')]
      : [],
  });
}

/** After "Mark call done": the reference's cooldown and usage. */
export function referenceDoneCard(reference: ReferenceAvailability): RichCard {
  const account = name(reference.account);
  const cooldown = reference.reasons.find((reason) => reason.kind === 'cooldown');
  const rest = cooldown ? `${account} is ${describeReason(cooldown)}.` : `${account} can take calls again.`;
  return richCard({
    fallbackText: `Call done: ${reference.account}`,
    body: [
      paragraph(`📞 **Call done**: ${account}. Thanks for closing the loop.`, { size: 'Medium' }),
      paragraph(rest),
      paragraph(`Usage: ${describeUsage(reference)}`, { isSubtle: true, size: 'Small' }),
    ],
  });
}

function name(text: string): string {
  return inlineText(text, 150, neutralizeLabel);
}
