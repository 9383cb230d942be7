import { describe, expect, it } from 'vitest';
import { cardBytes } from '../../src/teams/cards/card-types.ts';
import { lookingText, textCard } from '../../src/teams/cards/text-card.ts';

describe('textCard', () => {
  it('is one wrapped paragraph with no actions', () => {
    const card = textCard('Thanks, glad it helped.');
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', actions: [] });
    expect(card.body).toEqual([{ type: 'TextBlock', text: 'Thanks, glad it helped.', wrap: true }]);
  });

  it('cuts text that would not fit', () => {
    const card = textCard('x'.repeat(100_000));
    expect(cardBytes(card)).toBeLessThan(28 * 1024);
    expect((card.body[0] as { text: string }).text.endsWith('…')).toBe(true);
  });
});

describe('lookingText', () => {
  it('names the subject in bold, like Slack', () => {
    expect(lookingText('What are you hearing about SSO?')).toMatch(
      /^Looking into what the field has heard about \*\*SSO\*\*…$/,
    );
  });

  it('keeps a subject from breaking the bold span or forming a link', () => {
    const text = lookingText('What are you hearing about **[x](https://evil.example)**?');
    expect(text.match(/\*\*/g)).toHaveLength(2);
    expect(text).not.toContain('](');
  });
});
