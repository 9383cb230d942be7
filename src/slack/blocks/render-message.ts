import type { types } from '@slack/bolt';
import { clip } from '../../views/clip.ts';
import { fitView } from '../../views/fit-view.ts';
import type { MessageView, ViewBlock, ViewButton, ViewItem } from '../../views/view-model.ts';
import { packLines, SLACK_LIMITS } from './block-limits.ts';
import { inlineText } from './mrkdwn.ts';
import { mrkdwnLine } from './render-line.ts';

export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

const MAX_FALLBACK = 300;
const MAX_HEADER = 150;

/** A view as a Slack message within Block Kit's limits (cut by the one policy in fit-view.ts). */
export function renderSlackMessage(view: MessageView): SlackMessage {
  const fitted = fitView(view, (candidate) => withinSlackLimits(renderBlocks(candidate)));
  return { text: inlineText(view.fallback, MAX_FALLBACK), blocks: renderBlocks(fitted) };
}

export function renderBlocks(view: MessageView): types.KnownBlock[] {
  return view.blocks.flatMap(renderBlock);
}

function renderBlock(block: ViewBlock): types.KnownBlock[] {
  switch (block.type) {
    case 'heading':
      return [{ type: 'header', text: { type: 'plain_text', text: clip(block.text, MAX_HEADER) } }];
    case 'text':
      return textBlocks(block.lines.map(mrkdwnLine), block.subtle ?? false);
    case 'list':
      return listBlocks(block.items, block.bullets ?? false, block.subtle ?? false);
    case 'facts':
      return [
        {
          type: 'section',
          fields: block.facts.slice(0, 10).map((fact) => ({
            type: 'mrkdwn' as const,
            text: `*${clip(fact.label, 100)}*\n${mrkdwnLine(fact.value)}`.slice(0, 2000),
          })),
        },
      ];
    case 'divider':
      return [{ type: 'divider' }];
    case 'buttons':
      return [{ type: 'actions', block_id: block.id, elements: block.buttons.map(slackButton) }];
  }
}

/** Lines packed into as few sections (or small-print context blocks) as fit 3000 characters each. */
function textBlocks(lines: string[], subtle: boolean): types.KnownBlock[] {
  const chunks = packLines(lines, {
    maxChars: subtle ? SLACK_LIMITS.contextText : SLACK_LIMITS.sectionText,
    maxChunks: Number.POSITIVE_INFINITY,
    more: () => '',
  });
  return chunks.map((text) =>
    subtle
      ? { type: 'context', elements: [{ type: 'mrkdwn', text }] }
      : { type: 'section', text: { type: 'mrkdwn', text } },
  );
}

function listBlocks(items: ViewItem[], bullets: boolean, subtle: boolean): types.KnownBlock[] {
  const line = (item: ViewItem) => {
    const first = `${bullets ? '• ' : ''}${mrkdwnLine(item.line)}`.trimEnd();
    return item.detail ? `${first}\n${mrkdwnLine(item.detail)}` : first;
  };
  // Further lines pack as lines of their own, so a long item splits between sections, never inside a link.
  const lines = (item: ViewItem) => [line(item), ...(item.details ?? []).map(mrkdwnLine)];
  if (!items.some((item) => item.button || item.buttons)) return textBlocks(items.flatMap(lines), subtle);
  return items.flatMap((item): types.KnownBlock[] => {
    const section: types.SectionBlock = {
      type: 'section',
      text: { type: 'mrkdwn', text: lines(item).join('\n') },
      ...(item.id ? { block_id: item.id } : {}),
      ...(item.button ? { accessory: slackButton(item.button) } : {}),
    };
    if (!item.buttons?.length) return [section];
    return [
      section,
      {
        type: 'actions',
        ...(item.id ? { block_id: `${item.id}_actions` } : {}),
        elements: item.buttons.map(slackButton),
      },
    ];
  });
}

/** A button sends its action as `action_id` and its payload as JSON in `value`. */
export function slackButton(button: ViewButton): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(button.label, SLACK_LIMITS.buttonText) },
    action_id: button.action,
    value: JSON.stringify(button.payload),
    ...(button.style ? { style: button.style } : {}),
    ...(button.confirm ? { confirm: slackConfirm(button.confirm, button.style) } : {}),
  };
}

function slackConfirm(
  confirm: NonNullable<ViewButton['confirm']>,
  style: ViewButton['style'],
): types.ConfirmationDialog {
  const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(text, max) });
  return {
    title: plain(confirm.title, 100),
    text: plain(confirm.text, 300),
    confirm: plain(confirm.confirm, 30),
    deny: plain(confirm.deny, 30),
    ...(style ? { style } : {}),
  };
}

/** Block Kit's limits as Slack checks them; a message that breaks one is refused whole. */
export function withinSlackLimits(
  blocks: types.KnownBlock[],
  maxBlocks: number = SLACK_LIMITS.blocksPerMessage,
): boolean {
  if (blocks.length > maxBlocks) return false;
  return blocks.every((block) => {
    if (block.type === 'section') {
      const fits = (block.text?.text.length ?? 0) <= SLACK_LIMITS.sectionText;
      return fits && (block.fields ?? []).every((field) => field.text.length <= 2000);
    }
    if (block.type === 'context') {
      return (
        block.elements.length <= SLACK_LIMITS.contextElements &&
        block.elements.every(
          (element) => !('text' in element) || element.text.length <= SLACK_LIMITS.contextText,
        )
      );
    }
    if (block.type === 'actions') {
      return (
        block.elements.length <= 25 &&
        block.elements.every(
          (element) => element.type !== 'button' || (element.value ?? '').length <= SLACK_LIMITS.buttonValue,
        )
      );
    }
    return true;
  });
}
