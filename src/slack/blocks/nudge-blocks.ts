import type { types } from '@slack/bolt';
import type { NudgeView } from '../../nudges/nudge-view.ts';
import type { SlackMessage } from './answer-blocks.ts';
import { packLines, SLACK_LIMITS } from './block-limits.ts';
import { KIND_LABELS, plainText } from './curation-modals.ts';
import { inlineText, linkTarget, mrkdwnLink, slackDate } from './mrkdwn.ts';
import { encodeNudgeValue, NUDGE_ACTIONS } from './nudge-action-values.ts';
import { withOutcome } from './outcome-blocks.ts';

export const NUDGE_BLOCK_IDS = {
  actions: 'earshot_nudge_actions',
  outcome: 'earshot_nudge_outcome',
} as const;

const MAX_HEADER = 150;
const MAX_TITLE = 300;
const MAX_NAME = 150;
const MAX_WHY = 1500;
const MAX_EXCERPT = 400;
const MAX_LIST_BLOCKS = 3;

/**
 * A buying-trigger alert as a DM: what happened and when, why it matters, what the field says about
 * it, which references can take a call, and Snooze / Dismiss / Helpful.
 */
export function nudgeBlocks(view: NudgeView): SlackMessage {
  const { trigger, account } = view;
  const prefix = view.reminder ? 'Reminder · ' : '';
  const title = inlineText(trigger.title, MAX_TITLE) || trigger.label;
  const url = linkTarget(trigger.url);
  const where = [account.domain, account.industry].filter((part): part is string => Boolean(part));
  const blocks: types.KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: plainText(`${prefix}${trigger.label}: ${account.name}`, MAX_HEADER) },
    },
  ];
  if (view.reminder) {
    blocks.push(context('You snoozed this alert a week ago; here it is again.'));
  }
  blocks.push(
    section(`*${url ? mrkdwnLink(url, title) : title}*\n${slackDate(trigger.occurredAt)}`),
    ...(where.length > 0 ? [context(where.map((part) => inlineText(part, MAX_NAME)).join(' · '))] : []),
    section(`*Why it matters*\n${inlineText(view.why, MAX_WHY)}`),
    ...(view.entries.length > 0
      ? listSections('*What the field says*', view.entries.map(entryLine), 'entry', 'entries')
      : [section('*What the field says*\nNothing in Earshot about this kind of trigger yet.')]),
    ...referenceSections(view),
    nudgeButtons(view.nudgeId),
  );
  return {
    text: inlineText(
      `${view.reminder ? 'Reminder: ' : ''}${trigger.label} at ${account.name}: ${trigger.title}`,
      300,
    ),
    blocks,
  };
}

/** Snooze 1 week / Dismiss / Helpful; `helpful: false` once the owner has said it helped. */
export function nudgeButtons(nudgeId: number, options: { helpful?: boolean } = {}): types.ActionsBlock {
  const value = encodeNudgeValue({ n: nudgeId });
  const button = (text: string, actionId: string, style?: 'primary'): types.Button => ({
    type: 'button',
    text: { type: 'plain_text', text },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  });
  return {
    type: 'actions',
    block_id: NUDGE_BLOCK_IDS.actions,
    elements: [
      button('Snooze 1 week', NUDGE_ACTIONS.snooze),
      button('Dismiss', NUDGE_ACTIONS.dismiss),
      ...(options.helpful === false ? [] : [button('Helpful', NUDGE_ACTIONS.helpful, 'primary')]),
    ],
  };
}

/** The alert after a click: as sent, with the outcome where the buttons were and the buttons still useful. */
export function nudgeWithOutcome(
  blocks: types.KnownBlock[],
  outcome: string,
  remaining: types.ActionsBlock | null,
): types.KnownBlock[] {
  return withOutcome(blocks, {
    actionsId: NUDGE_BLOCK_IDS.actions,
    outcomeId: NUDGE_BLOCK_IDS.outcome,
    outcome,
    remaining,
  });
}

function entryLine(entry: NudgeView['entries'][number]): string {
  const title = inlineText(entry.title, MAX_TITLE) || `Entry ${entry.id}`;
  const target = linkTarget(entry.url);
  const excerpt = inlineText(entry.excerpt, MAX_EXCERPT);
  return `• ${KIND_LABELS[entry.kind]}: *${target ? mrkdwnLink(target, title) : title}*${excerpt ? ` — ${excerpt}` : ''}`;
}

function referenceSections(view: NudgeView): types.KnownBlock[] {
  const industry = view.account.industry ? inlineText(view.account.industry, MAX_NAME) : null;
  const heading = industry ? `*References in ${industry} available now*` : '*References available now*';
  if (view.references.length === 0) {
    const check = industry ? `\`/earshot references ${industry}\`` : '`/earshot references`';
    return [section(`${heading}\nNone can take a call right now; ${check} shows when they free up.`)];
  }
  const lines = view.references.map((reference) => {
    const products = reference.products.map((product) => inlineText(product, MAX_NAME)).join(', ');
    return `• *${inlineText(reference.account, MAX_NAME)}*${products ? ` — ${products}` : ''}`;
  });
  return listSections(heading, lines, 'reference', 'references');
}

function listSections(heading: string, lines: string[], one: string, many: string): types.SectionBlock[] {
  if (lines.length === 0) return [];
  return packLines([heading, ...lines], {
    maxChars: SLACK_LIMITS.sectionText,
    maxChunks: MAX_LIST_BLOCKS,
    more: (omitted) => `_…and ${omitted} more ${omitted === 1 ? one : many}_`,
  }).map(section);
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
