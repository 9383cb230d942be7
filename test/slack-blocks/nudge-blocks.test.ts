import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { NUDGE_ACTIONS, parseNudgeValue } from '../../src/slack/blocks/nudge-action-values.ts';
import {
  NUDGE_BLOCK_IDS,
  nudgeBlocks,
  nudgeButtons,
  nudgeWithOutcome,
} from '../../src/slack/blocks/nudge-blocks.ts';
import { blockText, buttons, links } from './answers.ts';
import { expectValidMessage, nudgeView } from './nudge-views.ts';

const allText = (blocks: types.KnownBlock[]) =>
  blocks.map((block) => (block.type === 'header' ? block.text.text : blockText(block))).join('\n');

describe('nudgeBlocks', () => {
  it('says what happened, when, why it matters, what the field says and which references can talk', () => {
    const message = nudgeBlocks(nudgeView());
    const text = allText(message.blocks);

    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Funding round: Harborview' } });
    expect(links(text)).toEqual(
      expect.arrayContaining([
        ['https://news.example.com/harborview-series-c', 'Harborview raises $40M Series C'],
        ['https://crm.example.com/notes/1', 'Funded teams ask for ROI proof'],
      ]),
    );
    // The date shows in the reader's own time zone, with the UTC day as fallback.
    expect(text).toContain('<!date^1793523600^{date_long}|2026-11-01>');
    expect(text).toContain('*Why it matters*\nFresh funding comes with a growth plan');
    expect(text).toContain(
      '• Field intel: *<https://crm.example.com/notes/1|Funded teams ask for ROI proof>*',
    );
    expect(text).toContain('• Seller tip: *Lead with the scale story* — Show the 10x rollout.');
    expect(text).toContain(
      '*References in Healthcare available now*\n• *Mercy Health* — Scheduling, Billing',
    );
    expect(message.text).toBe('Funding round at Harborview: Harborview raises $40M Series C');
    expectValidMessage(message);
  });

  it('carries the nudge id on Snooze 1 week / Dismiss / Helpful', () => {
    const actions = buttons(nudgeBlocks(nudgeView({ nudgeId: 31 })).blocks);
    expect(actions.map((button) => [button.text.text, button.action_id])).toEqual([
      ['Snooze 1 week', NUDGE_ACTIONS.snooze],
      ['Dismiss', NUDGE_ACTIONS.dismiss],
      ['Helpful', NUDGE_ACTIONS.helpful],
    ]);
    for (const button of actions) expect(parseNudgeValue(button.value)).toEqual({ n: 31 });
  });

  it('marks a reminder after a snooze', () => {
    const message = nudgeBlocks(nudgeView({ reminder: true }));
    expect(message.blocks[0]).toMatchObject({ text: { text: 'Reminder · Funding round: Harborview' } });
    expect(allText(message.blocks)).toContain('You snoozed this alert a week ago');
    expect(message.text).toMatch(/^Reminder: /);
  });

  it('says plainly when nothing was heard and no reference is free', () => {
    const text = allText(nudgeBlocks(nudgeView({ entries: [], references: [] })).blocks);
    expect(text).toContain('Nothing in Earshot about this kind of trigger yet.');
    expect(text).toContain(
      '*References in Healthcare available now*\nNone can take a call right now; `/earshot references Healthcare` shows when they free up.',
    );
  });

  it('escapes what outsiders wrote and never links an unsafe url', () => {
    const view = nudgeView({
      trigger: {
        ...nudgeView().trigger,
        title: 'Acme <!channel> & <https://evil.example|bank>',
        url: 'javascript:alert(1)',
      },
      entries: [
        {
          id: 3,
          kind: 'research',
          title: 'Survey',
          excerpt: '<@U_EVIL> says hi',
          url: 'https://a@evil.example',
        },
      ],
    });
    const message = nudgeBlocks(view);
    const text = allText(message.blocks);
    expect(text).toContain('Acme &lt;!channel&gt; &amp; &lt;https://evil.example|bank&gt;');
    expect(text).not.toContain('javascript:');
    expect(text).toContain('• Research: *Survey* — &lt;@U_EVIL&gt; says hi');
    expectValidMessage(message);
  });

  it('stays within Slack limits however long the alert', () => {
    const long = 'word '.repeat(2000);
    const message = nudgeBlocks(
      nudgeView({
        account: { name: long, domain: long, industry: long },
        why: long,
        entries: Array.from({ length: 60 }, (_, i) => ({
          id: i + 1,
          kind: 'chatter' as const,
          title: long,
          excerpt: long,
          url: `https://crm.example.com/${i}`,
        })),
        references: Array.from({ length: 60 }, (_, i) => ({
          id: i + 1,
          account: long,
          industry: 'Healthcare',
          products: [long],
        })),
      }),
    );
    expectValidMessage(message);
    expect((message.blocks[0] as types.HeaderBlock).text.text.length).toBeLessThanOrEqual(150);
    expect(allText(message.blocks)).toMatch(/…and \d+ more entries/);
  });
});

describe('nudgeWithOutcome', () => {
  it('keeps the alert, puts the outcome where the buttons were, and keeps only the buttons still useful', () => {
    const sent = nudgeBlocks(nudgeView()).blocks;
    const helped = nudgeWithOutcome(sent, 'Thanks', nudgeButtons(17, { helpful: false }));
    expect(helped.slice(0, sent.length - 1)).toEqual(sent.slice(0, -1));
    expect(helped.at(-2)).toMatchObject({
      block_id: NUDGE_BLOCK_IDS.outcome,
      elements: [{ text: 'Thanks' }],
    });
    expect(buttons(helped).map((button) => button.text.text)).toEqual(['Snooze 1 week', 'Dismiss']);

    const dismissed = nudgeWithOutcome(helped, 'Dismissed', null);
    expect(buttons(dismissed)).toEqual([]);
    expect(dismissed.filter((block) => block.block_id === NUDGE_BLOCK_IDS.outcome)).toHaveLength(1);
    expect(allText(dismissed)).not.toContain('Thanks');
  });
});
