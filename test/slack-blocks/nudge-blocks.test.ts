import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { nudgeBlocks } from '../../src/slack/blocks/nudge-blocks.ts';
import { VIEW_ACTIONS } from '../../src/views/view-actions.ts';
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
      ['Snooze 1 week', VIEW_ACTIONS.snoozeAlert.id],
      ['Dismiss', VIEW_ACTIONS.dismissAlert.id],
      ['Helpful', VIEW_ACTIONS.alertHelpful.id],
    ]);
    for (const button of actions) {
      expect(VIEW_ACTIONS.snoozeAlert.payload.parse(JSON.parse(button.value ?? ''))).toEqual({ n: 31 });
    }
  });

  it('marks a reminder after a snooze', () => {
    const message = nudgeBlocks(nudgeView({ reminder: true }));
    expect(message.blocks[0]).toMatchObject({ text: { text: '⏰ Reminder · Funding round: Harborview' } });
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

describe('the alert after a click', () => {
  it('keeps the alert, says what the owner did at the top, and keeps only the buttons still useful', () => {
    const sent = nudgeBlocks(nudgeView()).blocks;
    const helped = nudgeBlocks(nudgeView(), { helpful: true }).blocks;
    expect(helped.slice(1)).toEqual([...sent.slice(0, -1), expect.objectContaining({ type: 'actions' })]);
    expect(blockText(helped[0] as types.KnownBlock)).toBe('👍 You marked this alert helpful. Thanks!');
    expect(buttons(helped).map((button) => button.text.text)).toEqual(['Snooze 1 week', 'Dismiss']);

    const snoozed = nudgeBlocks(nudgeView({ reminder: true }), {
      snoozedUntil: new Date('2026-11-30T15:00:00Z'),
      helpful: true,
    });
    expect(allText(snoozed.blocks)).toContain(
      '😴 Snoozed: Earshot brings this back on <!date^1796050800^{date_long}|2026-11-30>.',
    );
    expect(allText(snoozed.blocks)).not.toContain('Reminder');
    expect(buttons(snoozed.blocks).map((button) => button.text.text)).toEqual(['Dismiss']);

    const dismissed = nudgeBlocks(nudgeView(), { dismissed: true, helpful: true }).blocks;
    expect(buttons(dismissed)).toEqual([]);
    expect(allText(dismissed)).toContain('Dismissed. You won’t see this alert again.');
    expect(allText(dismissed)).toContain('Harborview raises $40M Series C');
  });
});
