import { describe, expect, it } from 'vitest';
import { renderSlackMessage } from '../../src/slack/blocks/render-message.ts';
import { slackHelpMessage, slackHelpSyntax } from '../../src/slack/help-syntax.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import { TEAMS_HELP_SYNTAX } from '../../src/teams/help-syntax.ts';
import { helpView } from '../../src/views/help-view.ts';
import {
  expectWithinSlackLimits,
  expectWithinTeamsLimits,
  slackButtons,
  slackLines,
  teamsButtons,
  teamsLines,
} from './rendered.ts';

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
const slackText = slackLines(slack).join('\n');
const teamsText = teamsLines(teams).join('\n');

describe('the help on Slack and Teams', () => {
  it('lists every feature on both, one per line, in the same order', () => {
    for (const lines of [slackLines(slack), teamsLines(teams)]) {
      const features = lines.flatMap((line) => (/^• ([^—]+) — /.exec(line)?.[1] ?? []) as string[]);
      expect(features).toEqual(FEATURES);
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
    expect(slackLines(slackHelpMessage('eyes')).join('\n')).toContain('React with :eyes:');
  });

  it('fits both platforms and has no buttons', () => {
    expect(slack.text.length).toBeGreaterThan(0);
    expectWithinSlackLimits(slack);
    expectWithinTeamsLimits(teams);
    expect(slackButtons(slack)).toEqual([]);
    expect(teamsButtons(teams)).toEqual([]);
  });
});
