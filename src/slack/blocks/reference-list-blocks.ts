import type { types } from '@slack/bolt';
import { describeReason, describeUsage } from '../../nudges/references/availability.ts';
import type { ReferenceAvailability } from '../../nudges/references/reference-views.ts';
import type { SlackMessage } from './answer-blocks.ts';
import { packLines, SLACK_LIMITS } from './block-limits.ts';
import { plainText } from './curation-modals.ts';
import { inlineText } from './mrkdwn.ts';
import { encodeReferenceValue, REFERENCE_ACTIONS } from './reference-action-values.ts';

const MAX_CRITERIA = 200;
const MAX_NAME = 150;
const MAX_LIST = 600;
/** Heading, divider, "not available" heading and the closing note leave this many blocks for references. */
const REFERENCE_BLOCKS = SLACK_LIMITS.blocksPerMessage - 5;

/**
 * `/earshot references [criteria]`: references that can take a call now first, each with Request;
 * then the others with why not, which curators can still request with an override.
 */
export function referenceListBlocks(
  references: ReferenceAvailability[],
  options: { criteria: string; isCurator: boolean },
): SlackMessage {
  const criteria = inlineText(options.criteria, MAX_CRITERIA);
  if (references.length === 0) {
    const text = criteria
      ? `No references match “${criteria}”. \`/earshot references\` lists them all.`
      : 'No reference customers have been added yet. An admin adds them with `earshot references import`.';
    return { text, blocks: [section(text)] };
  }
  const available = references.filter((reference) => reference.available);
  const unavailable = references.filter((reference) => !reference.available);
  const heading = `${criteria ? `References matching “${criteria}”` : 'All references'}: ${available.length} of ${references.length} available now`;
  const blocks: types.KnownBlock[] = [section(`*${heading}*`)];

  const shown = available.slice(0, REFERENCE_BLOCKS);
  blocks.push(...shown.map((reference) => withButton(reference, 'Request', REFERENCE_ACTIONS.request)));
  let omitted = available.length - shown.length;

  if (unavailable.length > 0) {
    blocks.push({ type: 'divider' }, section('*Not available now*'));
    const room = REFERENCE_BLOCKS - shown.length;
    if (options.isCurator) {
      const listed = unavailable.slice(0, Math.max(0, room));
      blocks.push(
        ...listed.map((reference) =>
          withButton(reference, 'Request anyway (override)', REFERENCE_ACTIONS.override),
        ),
      );
      omitted += unavailable.length - listed.length;
    } else {
      blocks.push(
        ...packLines(unavailable.map(unavailableLine), {
          maxChars: SLACK_LIMITS.sectionText,
          maxChunks: Math.max(1, room),
          more: (count) => `_…and ${count} more_`,
        }).map(section),
      );
    }
  }
  const notes = [
    omitted > 0 ? `…and ${omitted} more; add words to narrow the list.` : null,
    unavailable.length > 0 && !options.isCurator ? 'Only a curator can override a limit.' : null,
  ].filter((note): note is string => note !== null);
  if (notes.length > 0)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: notes.join(' ') }] });
  return { text: heading, blocks };
}

function withButton(reference: ReferenceAvailability, label: string, actionId: string): types.SectionBlock {
  const lines = [title(reference), details(reference)];
  if (!reference.available) lines.push(`Not now: ${inlineText(reasons(reference), MAX_LIST)}`);
  lines.push(`_${usage(reference)}_`);
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: lines.filter(Boolean).join('\n') },
    accessory: {
      type: 'button',
      text: { type: 'plain_text', text: plainText(label, SLACK_LIMITS.buttonText) },
      action_id: actionId,
      value: encodeReferenceValue({ ref: reference.id }),
      ...(reference.available ? { style: 'primary' as const } : {}),
    },
  };
}

function unavailableLine(reference: ReferenceAvailability): string {
  return `• ${title(reference)} — ${inlineText(reasons(reference), MAX_LIST)}`;
}

function title(reference: ReferenceAvailability): string {
  return `*${inlineText(reference.account, MAX_NAME)}* (${inlineText(reference.industry, MAX_NAME)})`;
}

function details(reference: ReferenceAvailability): string {
  const parts = [
    reference.products.length > 0 ? `Products: ${reference.products.join(', ')}` : '',
    reference.useCases.length > 0 ? `Use cases: ${reference.useCases.join(', ')}` : '',
  ].filter(Boolean);
  return inlineText(parts.join(' · '), MAX_LIST);
}

function reasons(reference: ReferenceAvailability): string {
  return reference.reasons.map(describeReason).join('; ');
}

function usage(reference: ReferenceAvailability): string {
  const pending = reference.pendingRequests;
  return `${describeUsage(reference)}${pending > 0 ? `; ${pending} ${pending === 1 ? 'request' : 'requests'} pending` : ''}`;
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
