import { describe, expect, it } from 'vitest';
import { lookingBlocks } from '../../src/slack/blocks/looking-blocks.ts';
import { blockText, expectWithinSlackLimits } from './answers.ts';

describe('lookingBlocks', () => {
  it('names the subject of the question while the answer is written', () => {
    const message = lookingBlocks('What are you hearing about SSO?');

    // The notification text is plain; the message shows the subject in bold.
    expect(message.text).toBe('Looking into what the field has heard about SSO…');
    expect(message.blocks.map(blockText).join('\n')).toContain(
      'Looking into what the field has heard about *SSO*…',
    );
    expectWithinSlackLimits(message);
  });

  it('escapes the question', () => {
    const message = lookingBlocks('what are you hearing about <script> & <!here>?');

    expect(message.text).toBe(
      'Looking into what the field has heard about &lt;script&gt; &amp; &lt;!here&gt;…',
    );
    expect(message.blocks.map(blockText).join('\n')).toContain(
      'Looking into what the field has heard about *&lt;script&gt; &amp; &lt;!here&gt;*…',
    );
    expectWithinSlackLimits(message);
  });
});
