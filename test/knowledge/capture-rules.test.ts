import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../src/knowledge/capture/classify-message.ts';
import { contentHash, plainMessageText } from '../../src/knowledge/capture/content-hash.ts';

describe('sorting channel messages without a model', () => {
  it.each([
    ['thanks all!', 'noise'],
    ['lunch anyone? the usual place at noon', 'noise'],
    ['+1 agreed, ship it', 'noise'],
    ['The CFO at Harborview told me they are evaluating Ledgerline because our price is higher.', 'chatter'],
    ['Kessler procurement pushed back on the renewal uplift and wants a three-year price lock.', 'chatter'],
    [
      'Pro tip: open with the duplicate-invoice report, it works every time with skeptical controllers.',
      'tip',
    ],
    ['When they say budget is frozen, ask them whether it is a cash freeze or a commitment freeze.', 'tip'],
    ['Deploy finished, the staging environment is back up for everyone now.', 'noise'],
  ])('%s → %s', (text, expected) => {
    expect(classifyMessage(text)).toBe(expected);
  });
});

describe('recognising the same message twice', () => {
  it('ignores mentions, links, case, punctuation and spacing', () => {
    const original = 'Harborview wants <https://okta.com|Okta> SSO, before signing!';
    expect(contentHash('<@U123> harborview wants  https://okta.com SSO before signing')).toBe(
      contentHash(original),
    );
    expect(contentHash('Harborview wants Azure AD before signing')).not.toBe(contentHash(original));
  });

  it('turns Slack markup into readable text for the entry', () => {
    expect(plainMessageText('See <https://example.com/a|the deck> in <#C1|field-intel> &amp; ask')).toBe(
      'See the deck (https://example.com/a) in #field-intel & ask',
    );
  });
});
