import { describe, expect, it } from 'vitest';
import { renderSlackMessage, withinSlackLimits } from '../../src/slack/blocks/render-message.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-types.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import { lookingView, textReplyView } from '../../src/views/text-reply-view.ts';
import { slackTexts, teamsTexts } from '../helpers/rendered-views.ts';

describe('plain replies on Slack and Teams', () => {
  it('show the same words, with a title from an entry unable to form links or mentions', () => {
    const view = textReplyView('Approved by Maya: <!channel> [x](https://evil.example) & co');
    const slack = slackTexts(renderSlackMessage(view).blocks).join('\n');
    const teams = teamsTexts(renderTeamsCard(view)).join('\n');

    expect(slack).toBe('Approved by Maya: &lt;!channel&gt; [x](https://evil.example) &amp; co');
    expect(teams).toContain('Approved by Maya:');
    expect(teams).not.toContain('](https://');
  });

  it('cut a very long reply on both within the limits', () => {
    const view = textReplyView('word '.repeat(20_000));
    expect(withinSlackLimits(renderSlackMessage(view).blocks)).toBe(true);
    expect(cardBytes(renderTeamsCard(view))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('name the subject of a question in bold while the answer is written', () => {
    const view = lookingView('What are you hearing about SSO?');
    expect(slackTexts(renderSlackMessage(view).blocks)).toEqual([
      '⏳ Looking into what the field has heard about *SSO*…',
    ]);
    expect(teamsTexts(renderTeamsCard(view))).toEqual([
      '⏳ Looking into what the field has heard about **SSO**…',
    ]);
  });
});
