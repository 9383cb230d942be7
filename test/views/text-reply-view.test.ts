import { describe, expect, it } from 'vitest';
import { renderSlackMessage } from '../../src/slack/blocks/render-message.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import { lookingView, textReplyView } from '../../src/views/text-reply-view.ts';
import { expectWithinSlackLimits, expectWithinTeamsLimits, slackLines, teamsLines } from './rendered.ts';

describe('plain replies on Slack and Teams', () => {
  it('show the same words, and an entry title in them cannot form links or mentions', () => {
    const view = textReplyView('Approved by Maya: <!channel> [x](https://evil.example) & co');
    const slack = renderSlackMessage(view);
    const teams = renderTeamsCard(view);

    expect(slackLines(slack)).toEqual(['Approved by Maya: <!channel> [x](https://evil.example) & co']);
    expect(teamsLines(teams)).toEqual(slackLines(slack));
    expect(JSON.stringify(slack.blocks)).toContain('&lt;!channel&gt;');
    expect(JSON.stringify(teams.body)).not.toContain('](https://');
  });

  it('cut a very long reply on both within the limits', () => {
    const view = textReplyView('word '.repeat(20_000));
    expectWithinSlackLimits(renderSlackMessage(view));
    expectWithinTeamsLimits(renderTeamsCard(view));
  });

  it('name the subject of a question in bold while the answer is written', () => {
    const view = lookingView('What are you hearing about SSO?');
    expect(renderSlackMessage(view).blocks).toMatchObject([
      { type: 'context', elements: [{ text: '⏳ Looking into what the field has heard about *SSO*…' }] },
    ]);
    expect(teamsLines(renderTeamsCard(view))).toEqual([
      '⏳ Looking into what the field has heard about SSO…',
    ]);
    expect(JSON.stringify(renderTeamsCard(view))).toContain('**SSO**');
  });
});
