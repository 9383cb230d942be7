import { describe, expect, it } from 'vitest';
import { renderSlackMessage, withinSlackLimits } from '../../src/slack/blocks/render-message.ts';
import { slackHelpMessage, slackHelpSyntax } from '../../src/slack/help-syntax.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-types.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import { TEAMS_HELP_SYNTAX } from '../../src/teams/help-syntax.ts';
import { helpView } from '../../src/views/help-view.ts';
import { slackButtons, slackTexts, teamsSent, teamsTexts } from '../helpers/rendered-views.ts';

const FEATURES = [
  'Ask what the field is hearing',
  'Share what you hear',
  'Reference customers',
  'Weekly digest',
  'Your home',
  'Curators: capture a channel',
  'Curators: review',
];

const slack = renderSlackMessage(helpView(slackHelpSyntax('bulb')));
const teams = renderTeamsCard(helpView(TEAMS_HELP_SYNTAX));
const slackText = slackTexts(slack.blocks).join('\n');
const teamsText = teamsTexts(teams).join('\n');

describe('the help on Slack and Teams', () => {
  it('lists every feature on both, in the same order', () => {
    for (const text of [slackText, teamsText]) {
      const positions = FEATURES.map((feature) => text.indexOf(feature));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it('gives each platform its own way in: slash commands in Slack, words sent to Earshot in Teams', () => {
    for (const command of [
      'references healthcare',
      'digest weekly mon 09:00',
      'digest preview',
      'digest off',
      'watch',
    ]) {
      expect(slackText).toContain(`\`/earshot ${command}\``);
      expect(teamsText).toContain(`"${command}"`);
    }
    expect(teamsText).not.toContain('/earshot');
    expect(slackText).toContain(':bulb:');
    expect(slackText).toContain("Earshot's Home tab");
    expect(teamsText).toContain('Send "home"');
    expect(teamsText).toContain('"review due"');
  });

  it('uses the configured capture emoji in Slack', () => {
    expect(slackTexts(slackHelpMessage('eyes').blocks).join('\n')).toContain('React with :eyes:');
  });

  it('fits both platforms and has no buttons', () => {
    expect(slack.text.length).toBeGreaterThan(0);
    expect(withinSlackLimits(slack.blocks)).toBe(true);
    expect(slackButtons(slack.blocks)).toEqual([]);
    expect(cardBytes(teams)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(teamsSent(teams)).toEqual([]);
  });
});
