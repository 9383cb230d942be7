import { describe, expect, it } from 'vitest';
import { packLines } from '../../src/slack/blocks/block-limits.ts';
import { inlineText, linkTarget } from '../../src/slack/blocks/mrkdwn.ts';

describe('inlineText', () => {
  it('collapses whitespace and escapes', () => {
    expect(inlineText('  a\n\n<b>  & c ', 100)).toBe('a &lt;b&gt; &amp; c');
  });

  it('cuts with "…" within the budget, never inside an entity or an emoji', () => {
    expect(inlineText('ab&cd', 5)).toBe('ab…');
    expect(inlineText('👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧', 12)).toBe('👩‍👩‍👧…');
    expect(inlineText('x'.repeat(10_000), 50)).toHaveLength(50);
  });
});

describe('linkTarget', () => {
  it('links only web urls, with the characters that would end a link encoded', () => {
    expect(linkTarget('https://example.com/a|b?x=1&y=<2>')).toBe(
      'https://example.com/a%7Cb?x=1&amp;y=%3C2%3E',
    );
    expect(linkTarget('javascript:alert(1)')).toBeNull();
    expect(linkTarget('not a url')).toBeNull();
    expect(linkTarget(`https://example.com/${'x'.repeat(2000)}`)).toBeNull();
    expect(linkTarget(null)).toBeNull();
  });
});

describe('packLines', () => {
  const more = (omitted: number) => `+${omitted}`;

  it('packs lines into chunks under the limit', () => {
    expect(packLines(['aaa', 'bbb', 'ccc'], { maxChars: 7, maxChunks: 5, more })).toEqual([
      'aaa\nbbb',
      'ccc',
    ]);
  });

  it('counts what did not fit in the last chunk', () => {
    expect(packLines(['aaa', 'bbb', 'ccc', 'ddd'], { maxChars: 7, maxChunks: 1, more })).toEqual(['aaa\n+3']);
    expect(packLines(['aaa'], { maxChars: 7, maxChunks: 0, more })).toEqual([]);
  });
});
