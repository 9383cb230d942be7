import type { types } from '@slack/bolt';

/** What the views' tests read back from both renderings: the words shown and the buttons. */

export interface SentAction {
  action: string;
  payload: unknown;
}

/** Every piece of mrkdwn in the blocks, in order. */
export function slackTexts(blocks: types.KnownBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section') return [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)];
    if (block.type === 'context') return block.elements.map((e) => ('text' in e ? e.text : ''));
    if (block.type === 'header') return [block.text.text];
    return [];
  });
}

export function slackButtons(blocks: types.KnownBlock[]): types.Button[] {
  return blocks.flatMap((block) => {
    if (block.type === 'actions') return block.elements.filter((e): e is types.Button => e.type === 'button');
    if (block.type === 'section' && block.accessory?.type === 'button') return [block.accessory];
    return [];
  });
}

/** What each Slack button sends: its action_id and its value. */
export function slackSent(blocks: types.KnownBlock[]): SentAction[] {
  return slackButtons(blocks).map((button) => ({
    action: button.action_id ?? '',
    payload: JSON.parse(button.value ?? 'null'),
  }));
}

type Json = Record<string, unknown>;

/** Every TextBlock's text on the card, in order (forms shown on a click included). */
export function teamsTexts(card: unknown): string[] {
  const texts: string[] = [];
  walk(card, (node) => {
    if (node.type === 'TextBlock' && typeof node.text === 'string') texts.push(node.text);
  });
  return texts;
}

/** The buttons a person sees on the card itself (not those inside a form or confirmation). */
export function teamsButtonTitles(card: { body: unknown; actions: unknown }): string[] {
  const titles: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Json;
    if (element.type === 'Action.Execute' || element.type === 'Action.ShowCard') {
      titles.push(String(element.title));
      return;
    }
    for (const value of Object.values(element)) visit(value);
  };
  visit(card.body);
  visit(card.actions);
  return titles;
}

/** What each Teams button (or the form or confirmation it opens) sends: verb and data. */
export function teamsSent(card: unknown): SentAction[] {
  const sent: SentAction[] = [];
  walk(card, (node) => {
    if (node.type === 'Action.Execute') sent.push({ action: String(node.verb), payload: node.data });
  });
  return sent;
}

function walk(node: unknown, visit: (node: Json) => void) {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  visit(node as Json);
  for (const value of Object.values(node)) walk(value, visit);
}

export const bySent = (a: SentAction, b: SentAction) => JSON.stringify(a).localeCompare(JSON.stringify(b));
