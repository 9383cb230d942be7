import type { types } from '@slack/bolt';
import { expect } from 'vitest';
import type { SlackMessage } from '../../src/slack/blocks/render-message.ts';
import type { CardButton, CardElement, RichCard } from '../../src/teams/cards/card-elements.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-types.ts';

/** What a reader sees of a Slack message, line by line, with the mrkdwn markup taken off. */
export function slackLines(message: SlackMessage): string[] {
  return message.blocks
    .flatMap(slackBlockTexts)
    .flatMap((text) => text.split('\n'))
    .map(plainSlack);
}

/** The texts of one Slack block, mrkdwn as sent. */
export function slackBlockTexts(block: types.KnownBlock): string[] {
  if (block.type === 'section') return [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)];
  if (block.type === 'context')
    return block.elements.map((element) => ('text' in element ? element.text : ''));
  if (block.type === 'header') return [block.text.text];
  return [];
}

function plainSlack(text: string): string {
  return text
    .replace(/<!date\^\d+\^[^|]*\|([^>]*)>/g, '$1')
    .replace(/<([^|>]+)\|([^>]*)>/g, '$2')
    .replace(/(^|[\s(])\*([^*]+)\*/g, '$1$2')
    .replace(/(^|[\s(])_([^_]+)_/g, '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What a reader sees of a Teams card, line by line, with the markdown taken off. */
export function teamsLines(card: RichCard): string[] {
  return card.body
    .flatMap(cardElementTexts)
    .flatMap((text) => text.split(/\n+/))
    .map(plainTeams);
}

function cardElementTexts(element: CardElement): string[] {
  if (element.type === 'TextBlock') return [element.text];
  if (element.type === 'Container') return element.items.flatMap(cardElementTexts);
  if (element.type === 'FactSet') return element.facts.map((fact) => `${fact.title}\n${fact.value}`);
  if (element.type === 'RichTextBlock') return [element.inlines.map((inline) => inline.text).join('')];
  return [];
}

const LOOKALIKES: Record<string, string> = { '［': '[', '］': ']', '（': '(', '）': ')', '＊': '*' };

function plainTeams(text: string): string {
  return text
    .replace(/\{\{DATE\(([0-9-]+)T[^)]*\)\}\}/g, '$1')
    .replace(/\[((?:\[\d+\])|[^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_]+)_/g, '$1$2')
    .replace(/[［］（）＊]/g, (c) => LOOKALIKES[c] ?? c);
}

/** Every button a Slack message offers: label, action and payload. */
export function slackButtons(message: SlackMessage) {
  return message.blocks.flatMap((block) => {
    const elements =
      block.type === 'actions'
        ? block.elements
        : block.type === 'section' && block.accessory
          ? [block.accessory]
          : [];
    return elements.flatMap((element) =>
      element.type === 'button'
        ? [
            {
              label: element.text.text,
              action: element.action_id,
              payload: JSON.parse(element.value ?? '{}'),
            },
          ]
        : [],
    );
  });
}

/** Every button a Teams card offers (a ShowCard by the action of its form's submit). */
export function teamsButtons(card: RichCard) {
  const fromButton = (button: CardButton) => {
    const execute = button.type === 'Action.ShowCard' ? button.card.actions[0] : button;
    return execute?.type === 'Action.Execute'
      ? [{ label: button.title, action: execute.verb, payload: execute.data }]
      : [];
  };
  const fromElement = (element: CardElement): ReturnType<typeof fromButton> => {
    if (element.type === 'ActionSet') return element.actions.flatMap(fromButton);
    if (element.type === 'Container') return element.items.flatMap(fromElement);
    return [];
  };
  return [...card.body.flatMap(fromElement), ...card.actions.flatMap(fromButton)];
}

/** Block Kit's limits: Slack refuses a whole message that breaks one. */
export function expectWithinSlackLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(message.text.length).toBeLessThanOrEqual(3000);
  for (const block of message.blocks) {
    for (const text of slackBlockTexts(block)) expect(text.length).toBeLessThanOrEqual(3000);
  }
  for (const button of slackButtons(message)) {
    expect(button.label.length).toBeLessThanOrEqual(75);
    expect(JSON.stringify(button.payload).length).toBeLessThanOrEqual(2000);
  }
}

/** Teams refuses an activity over about 28 KB; cards are kept to 24,000 bytes of JSON. */
export function expectWithinTeamsLimits(card: RichCard): void {
  expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
}
