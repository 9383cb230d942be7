import {
  type AnswerReferences,
  notAvailableText,
  referencesHeadline,
  type SuggestedReference,
} from '../../knowledge/answer/answer-references.ts';
import { type CardElement, type Container, paragraph } from './card-elements.ts';
import { inlineText, neutralizeLabel } from './card-markdown.ts';
import { requestButton } from './reference-list-card.ts';

/**
 * The reference customers an answer offers: available ones with the reference list's own Request
 * (note, then the owner is asked), then the others with when they can talk again.
 */
export function answerReferenceElements(references: AnswerReferences): CardElement[] {
  const criteria = inlineText(references.criteria, 200, neutralizeLabel);
  const heading = { separator: true, spacing: 'Medium' } as const;
  if (references.matches.length === 0) {
    return [
      paragraph(
        `${criteria ? `No reference customers match “${criteria}”.` : 'No reference customers have been added yet.'} Send **references** to see them all.`,
        heading,
      ),
    ];
  }
  const available = references.matches.filter((match) => match.available);
  const unavailable = references.matches.filter((match) => !match.available);
  return [
    paragraph(`**${referencesHeadline(references, criteria)}**`, heading),
    ...available.map(requestable),
    ...unavailable.map((match) =>
      paragraph(`${headline(match)} — ${inlineText(notAvailableText(match), 300)}`, { size: 'Small' }),
    ),
    ...(references.more > 0
      ? [
          paragraph(`_…and ${references.more} more: send **references ${criteria}** to see them all._`, {
            size: 'Small',
          }),
        ]
      : []),
  ];
}

function requestable(match: SuggestedReference): Container {
  const details = [...match.products, ...match.useCases];
  return {
    type: 'Container',
    items: [
      paragraph(
        [headline(match), ...(details.length > 0 ? [inlineText(details.join(', '), 200)] : [])].join(' · '),
      ),
      { type: 'ActionSet', actions: [requestButton(match)] },
    ],
  };
}

/** "**Acme Health** · Healthcare" */
function headline(match: SuggestedReference): string {
  return `**${inlineText(match.account, 150, neutralizeLabel)}** · ${inlineText(match.industry, 100)}`;
}
