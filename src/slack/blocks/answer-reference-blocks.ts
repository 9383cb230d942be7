import type { types } from '@slack/bolt';
import {
  type AnswerReferences,
  notAvailableText,
  referencesHeadline,
  type SuggestedReference,
} from '../../knowledge/answer/answer-references.ts';
import { packLines, SLACK_LIMITS } from './block-limits.ts';
import { plainText } from './curation-modals.ts';
import { inlineText } from './mrkdwn.ts';
import { encodeReferenceValue, REFERENCE_ACTIONS } from './reference-action-values.ts';

const MAX_CRITERIA = 200;
const MAX_NAME = 150;
const MAX_DETAILS = 600;

/**
 * The reference customers an answer offers: available ones with the reference list's own Request
 * button (the same form and owner DM follow), then the others with when they can talk again.
 */
export function answerReferenceBlocks(references: AnswerReferences): types.KnownBlock[] {
  const criteria = inlineText(references.criteria, MAX_CRITERIA);
  if (references.matches.length === 0) {
    return [
      { type: 'divider' },
      section(
        `${criteria ? `No reference customers match “${criteria}”.` : 'No reference customers have been added yet.'} \`/earshot references\` lists them all.`,
      ),
    ];
  }
  const available = references.matches.filter((match) => match.available);
  const unavailable = references.matches.filter((match) => !match.available);
  const blocks: types.KnownBlock[] = [
    { type: 'divider' },
    section(`*${referencesHeadline(references, criteria)}*`),
    ...available.map(requestable),
  ];
  if (unavailable.length > 0) {
    const lines = unavailable.map(
      (match) => `• ${title(match)} — ${inlineText(notAvailableText(match), MAX_DETAILS)}`,
    );
    blocks.push(
      ...packLines(lines, {
        maxChars: SLACK_LIMITS.sectionText,
        maxChunks: 2,
        more: (count) => `_…and ${count} more_`,
      }).map(section),
    );
  }
  if (references.more > 0) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `…and ${references.more} more: \`/earshot references ${criteria}\` lists them all.`,
        },
      ],
    });
  }
  return blocks;
}

function requestable(match: SuggestedReference): types.SectionBlock {
  const details = [
    match.products.length > 0 ? `Products: ${match.products.join(', ')}` : '',
    match.useCases.length > 0 ? `Use cases: ${match.useCases.join(', ')}` : '',
  ].filter(Boolean);
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: [title(match), inlineText(details.join(' · '), MAX_DETAILS)].filter(Boolean).join('\n'),
    },
    accessory: {
      type: 'button',
      text: { type: 'plain_text', text: plainText('Request', SLACK_LIMITS.buttonText) },
      action_id: REFERENCE_ACTIONS.request,
      value: encodeReferenceValue({ ref: match.id }),
      style: 'primary',
    },
  };
}

function title(match: SuggestedReference): string {
  return `*${inlineText(match.account, MAX_NAME)}* (${inlineText(match.industry, MAX_NAME)})`;
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
