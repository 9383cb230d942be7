import { describeReason, describeUsage } from '../../nudges/references/availability.ts';
import type { ReferenceAvailability } from '../../nudges/references/reference-views.ts';
import {
  type CardElement,
  type Container,
  execute,
  type InputText,
  paragraph,
  type RichCard,
  richCard,
  type ShowCardButton,
} from './card-elements.ts';
import { inlineText, neutralizeLabel } from './card-markdown.ts';
import { MAX_NOTE, noteInput, REFERENCE_VERBS, reasonInput } from './reference-card-actions.ts';

const MAX_LISTED = 10;

/**
 * The answer to `references [criteria]`: available references first, each with Request (and a note
 * for the owner); then the unavailable ones with why, which curators may request anyway.
 */
export function referenceListCard(
  references: ReferenceAvailability[],
  options: { criteria: string; isCurator: boolean },
): RichCard {
  const available = references.filter((reference) => reference.available);
  const unavailable = references.filter((reference) => !reference.available);
  const criteria = inlineText(options.criteria, 200, neutralizeLabel);
  const body: CardElement[] = [
    paragraph(criteria ? `**Reference customers for “${criteria}”**` : '**Reference customers**', {
      size: 'Medium',
    }),
    paragraph(
      available.length > 0
        ? `${available.length} can take a call now.`
        : 'None of them can take a call right now.',
    ),
    ...listed(available, (reference) => availableItem(reference)),
    ...(unavailable.length > 0
      ? [paragraph('**Not available now**', { separator: true, spacing: 'Medium' })]
      : []),
    ...listed(unavailable, (reference) => unavailableItem(reference, options.isCurator)),
  ];
  return richCard({
    fallbackText: `${available.length} of ${references.length} matching references can take a call now.`,
    body,
  });
}

function listed(
  references: ReferenceAvailability[],
  item: (reference: ReferenceAvailability) => Container,
): CardElement[] {
  const omitted = references.length - MAX_LISTED;
  return [
    ...references.slice(0, MAX_LISTED).map(item),
    ...(omitted > 0
      ? [paragraph(`_…and ${omitted} more; narrow the search to see them._`, { size: 'Small' })]
      : []),
  ];
}

function availableItem(reference: ReferenceAvailability): Container {
  const waiting = reference.pendingRequests;
  const pending =
    waiting > 0 ? `; ${waiting} ${waiting === 1 ? 'request' : 'requests'} waiting for the owner` : '';
  return {
    type: 'Container',
    separator: true,
    items: [
      paragraph(headline(reference)),
      paragraph(`${inlineText(describeUsage(reference), 200)}${pending}`, { isSubtle: true, size: 'Small' }),
      { type: 'ActionSet', actions: [requestButton(reference)] },
    ],
  };
}

/** Request: a note for the owner, then the request itself; answers offering references reuse it. */
export function requestButton(reference: Pick<ReferenceAvailability, 'id' | 'account'>): ShowCardButton {
  return {
    type: 'Action.ShowCard',
    title: 'Request',
    card: {
      type: 'AdaptiveCard',
      body: [noteField(reference)],
      actions: [execute('Send request', REFERENCE_VERBS.request, { ref: reference.id }, 'positive')],
    },
  };
}

function unavailableItem(reference: ReferenceAvailability, isCurator: boolean): Container {
  const why = reference.reasons.map(describeReason).join('; ');
  return {
    type: 'Container',
    separator: true,
    items: [
      paragraph(headline(reference)),
      paragraph(`Not available: ${inlineText(why, 300)}`, { size: 'Small' }),
      ...(isCurator
        ? [
            {
              type: 'ActionSet' as const,
              actions: [
                {
                  type: 'Action.ShowCard' as const,
                  title: 'Request anyway (override)',
                  card: {
                    type: 'AdaptiveCard' as const,
                    body: [
                      noteField(reference),
                      {
                        type: 'Input.Text' as const,
                        id: reasonInput(reference.id),
                        label: 'Why override the limit? (recorded)',
                        maxLength: MAX_NOTE,
                        isRequired: true,
                        errorMessage: 'Say why this call is worth going past the limit.',
                      },
                    ],
                    actions: [
                      execute(
                        'Send with override',
                        REFERENCE_VERBS.request,
                        { ref: reference.id, override: true },
                        'destructive',
                      ),
                    ],
                  },
                },
              ],
            },
          ]
        : []),
    ],
  };
}

/** "**Acme Health** · Healthcare · EHR sync, SSO" */
function headline(reference: ReferenceAvailability): string {
  const parts = [
    `**${inlineText(reference.account, 150, neutralizeLabel)}**`,
    inlineText(reference.industry, 100),
    ...(reference.products.length > 0 ? [inlineText(reference.products.join(', '), 200)] : []),
  ];
  return parts.join(' · ');
}

function noteField(reference: Pick<ReferenceAvailability, 'id' | 'account'>): InputText {
  return {
    type: 'Input.Text',
    id: noteInput(reference.id),
    label: `Note to ${inlineText(reference.account, 100)}'s owner`,
    placeholder: 'The prospect, the deal, what they want to hear about…',
    isMultiline: true,
    maxLength: MAX_NOTE,
  };
}
