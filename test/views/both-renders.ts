import { renderSlackMessage, type SlackMessage } from '../../src/slack/blocks/render-message.ts';
import type { RichCard } from '../../src/teams/cards/card-elements.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import type { MessageView } from '../../src/views/view-model.ts';
import { richTexts } from '../teams-cards/cards.ts';
import {
  expectWithinSlackLimits,
  expectWithinTeamsLimits,
  slackBlockTexts,
  slackButtons,
  teamsButtons,
} from './rendered.ts';

export interface BothRenders {
  slack: SlackMessage;
  teams: RichCard;
  /** Everything a Slack user reads, markup included, block by block. */
  slackText: string;
  /** Everything a Teams user reads, markup included, shown cards too. */
  teamsText: string;
  slackButtons: ReturnType<typeof slackButtons>;
  teamsButtons: ReturnType<typeof teamsButtons>;
}

/** The view through both renderers, with what each platform shows and sends back. */
export function renderBoth(view: MessageView): BothRenders {
  const slack = renderSlackMessage(view);
  const teams = renderTeamsCard(view);
  return {
    slack,
    teams,
    slackText: slack.blocks.map((block) => slackBlockTexts(block).join('\n')).join('\n'),
    teamsText: richTexts(teams).join('\n'),
    slackButtons: slackButtons(slack),
    teamsButtons: teamsButtons(teams),
  };
}

/** Slack's and Teams' limits, checked on what was rendered. */
export function expectWithinLimits(both: BothRenders) {
  expectWithinSlackLimits(both.slack);
  expectWithinTeamsLimits(both.teams);
}
