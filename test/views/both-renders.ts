import type { types } from '@slack/bolt';
import { expect } from 'vitest';
import { SLACK_LIMITS } from '../../src/slack/blocks/block-limits.ts';
import { renderSlackMessage, type SlackMessage } from '../../src/slack/blocks/render-message.ts';
import type { CardButton, RichCard } from '../../src/teams/cards/card-elements.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-types.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import type { MessageView } from '../../src/views/view-model.ts';
import { expectWithinSlackLimits } from '../slack-blocks/answers.ts';
import { buttons as cardButtons, richTexts } from '../teams-cards/cards.ts';

/** A pressable button as both platforms send it back: its label, action id and payload. */
export type Pressable = [label: string, action: string, payload: unknown];

export interface BothRenders {
  slack: SlackMessage;
  teams: RichCard;
  /** Everything a Slack user reads, block by block. */
  slackText: string;
  /** Everything a Teams user reads, shown cards included. */
  teamsText: string;
  slackButtons: Pressable[];
  teamsButtons: Pressable[];
}

/** The view through both renderers, with what each platform shows and sends back. */
export function renderBoth(view: MessageView): BothRenders {
  const slack = renderSlackMessage(view);
  const teams = renderTeamsCard(view);
  return {
    slack,
    teams,
    slackText: slack.blocks.map(slackBlockText).join('\n'),
    teamsText: richTexts(teams).join('\n'),
    slackButtons: slackButtons(slack.blocks),
    teamsButtons: teamsButtons(teams),
  };
}

function slackBlockText(block: types.KnownBlock): string {
  if (block.type === 'header') return block.text.text;
  if (block.type === 'section') return block.text?.text ?? '';
  if (block.type === 'context') return block.elements.map((e) => ('text' in e ? e.text : '')).join('\n');
  return '';
}

/** Buttons in action rows and beside sections, in reading order. */
function slackButtons(blocks: types.KnownBlock[]): Pressable[] {
  return blocks.flatMap((block): Pressable[] => {
    const found =
      block.type === 'actions'
        ? block.elements.filter((element): element is types.Button => element.type === 'button')
        : block.type === 'section' && block.accessory?.type === 'button'
          ? [block.accessory]
          : [];
    return found.map((button) => [button.text.text, button.action_id ?? '', JSON.parse(button.value ?? '')]);
  });
}

/**
 * What a Teams user can press to send something: Action.Execute buttons, with a shown card's submit
 * standing for the button that showed it (that is what sends its payload).
 */
function teamsButtons(card: RichCard): Pressable[] {
  const pressable = (button: CardButton, label = button.title): Pressable[] =>
    button.type === 'Action.Execute'
      ? [[label, button.verb, button.data]]
      : button.card.actions.flatMap((inner) => pressable(inner, button.title));
  const top = cardButtons({ body: card.body, actions: card.actions }).filter(
    (button) => !isInsideShowCard(card, button),
  );
  return top.flatMap((button) => pressable(button));
}

function isInsideShowCard(card: RichCard, button: CardButton): boolean {
  return cardButtons({ body: card.body, actions: card.actions }).some(
    (outer) => outer.type === 'Action.ShowCard' && outer.card.actions.includes(button),
  );
}

/** Slack's and Teams' limits, checked on what was rendered. */
export function expectWithinLimits(both: BothRenders) {
  const markupless = JSON.parse(JSON.stringify(both.slack), (_key, value) =>
    typeof value === 'string' ? value.replace(/<@([A-Z0-9_]+)>/g, '@$1').replace(/^>/gm, '') : value,
  );
  expectWithinSlackLimits(markupless);
  expect(both.slack.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  for (const [, , payload] of both.slackButtons) {
    expect(JSON.stringify(payload).length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
  }
  expect(cardBytes(both.teams)).toBeLessThanOrEqual(MAX_CARD_BYTES);
}
