import {
  type AnswerReferences,
  notAvailableText,
  referencesHeadline,
  type SuggestedReference,
} from '../knowledge/answer/answer-references.ts';
import { clip } from './clip.ts';
import { referenceRequestForm } from './reference-request-form.ts';
import { actionButton } from './view-actions.ts';
import type { Line, ViewBlock, ViewItem } from './view-model.ts';

const MAX_CRITERIA = 200;
const MAX_NAME = 150;
const MAX_DETAILS = 600;

/**
 * The reference customers an answer offers: available ones with the reference list's own Request
 * (a note, then the owner is asked), then the others with when they can talk again.
 */
export function answerReferencesView(references: AnswerReferences): ViewBlock[] {
  const criteria = clip(references.criteria, MAX_CRITERIA);
  const listAll: Line = [{ command: `references ${criteria}`.trim() }];
  if (references.matches.length === 0) {
    const none = criteria
      ? `No reference customers match “${criteria}”.`
      : 'No reference customers have been added yet.';
    return [{ type: 'divider' }, { type: 'text', lines: [[`${none} `, ...listAll, ' lists them all.']] }];
  }
  const available = references.matches.filter((match) => match.available);
  const unavailable = references.matches.filter((match) => !match.available);
  const blocks: ViewBlock[] = [
    { type: 'divider' },
    { type: 'text', lines: [[{ text: referencesHeadline(references, criteria), bold: true }]] },
  ];
  if (available.length > 0)
    blocks.push({ type: 'list', noun: 'reference', items: available.map(requestable) });
  if (unavailable.length > 0) {
    blocks.push({
      type: 'list',
      noun: 'reference',
      bullets: true,
      items: unavailable.map((match) => ({
        line: [...headline(match), ` — ${clip(notAvailableText(match), MAX_DETAILS)}`],
      })),
    });
  }
  if (references.more > 0) {
    blocks.push({
      type: 'text',
      subtle: true,
      lines: [[`…and ${references.more} more: `, ...listAll, ' lists them all.']],
    });
  }
  return blocks;
}

function requestable(match: SuggestedReference): ViewItem {
  const details = [
    match.products.length > 0 ? `Products: ${match.products.join(', ')}` : '',
    match.useCases.length > 0 ? `Use cases: ${match.useCases.join(', ')}` : '',
  ].filter(Boolean);
  return {
    line: headline(match),
    ...(details.length > 0 ? { detail: [clip(details.join(' · '), MAX_DETAILS)] } : {}),
    button: {
      ...actionButton('requestReference', 'Request', { ref: match.id }, { style: 'primary' }),
      form: referenceRequestForm({ id: match.id, account: match.account }),
    },
  };
}

/** "**Acme Health** (Healthcare)" */
function headline(match: SuggestedReference): Line {
  return [{ text: clip(match.account, MAX_NAME), bold: true }, ` (${clip(match.industry, MAX_NAME)})`];
}
