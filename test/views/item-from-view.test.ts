import { describe, expect, it } from 'vitest';
import { renderSlackMessage } from '../../src/slack/blocks/render-message.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import { itemFromView } from '../../src/views/item-from-view.ts';
import type { MessageView } from '../../src/views/view-model.ts';
import { slackButtons, slackLines, teamsButtons, teamsLines } from './rendered.ts';

/** A one-entry message such as a review item: its lines, small print and a row of buttons. */
const item = (id: number): MessageView => ({
  fallback: `Waiting for review: Entry ${id}`,
  blocks: [
    { type: 'text', lines: [['Seller tip · ', { text: `Entry ${id}`, bold: true }], ['What a buyer said.']] },
    { type: 'text', subtle: true, lines: [['from Maya, 2026-10-30']] },
    {
      type: 'buttons',
      id: `earshot_queue_actions_${id}`,
      buttons: [
        { label: 'Approve', action: 'earshot_curate_approve', payload: { e: id } },
        { label: 'Reject', action: 'earshot_curate_reject', payload: { e: id } },
      ],
    },
  ],
});

describe('itemFromView', () => {
  it('lists one-entry messages in a longer view with the same lines and buttons on both platforms', () => {
    const view: MessageView = {
      fallback: 'Review queue',
      blocks: [
        {
          type: 'list',
          noun: 'queued capture',
          items: [7, 8].map((id) => itemFromView(item(id), `earshot_queue_${id}`)),
        },
      ],
    };
    const slack = renderSlackMessage(view);
    const teams = renderTeamsCard(view);

    expect(slackLines(slack)).toEqual([
      'Seller tip · Entry 7',
      'What a buyer said.',
      'from Maya, 2026-10-30',
      'Seller tip · Entry 8',
      'What a buyer said.',
      'from Maya, 2026-10-30',
    ]);
    expect(teamsLines(teams)).toEqual(slackLines(slack));
    expect(slackButtons(slack).map((button) => [button.label, button.payload])).toEqual([
      ['Approve', { e: 7 }],
      ['Reject', { e: 7 }],
      ['Approve', { e: 8 }],
      ['Reject', { e: 8 }],
    ]);
    expect(teamsButtons(teams)).toEqual(slackButtons(slack));
    expect(slack.blocks.map((block) => block.block_id)).toEqual([
      'earshot_queue_7',
      'earshot_queue_7_actions',
      'earshot_queue_8',
      'earshot_queue_8_actions',
    ]);
  });
});
