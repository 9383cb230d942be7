import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { referenceListBlocks } from '../../src/slack/blocks/reference-list-blocks.ts';
import {
  referenceRequestBlocks,
  requestDecidedBlocks,
  requestDoneBlocks,
} from '../../src/slack/blocks/reference-request-blocks.ts';
import { renderSlackModal } from '../../src/slack/blocks/render-form.ts';
import { referenceDecisionForm } from '../../src/views/reference-decision-form.ts';
import { referenceOverrideForm, referenceRequestForm } from '../../src/views/reference-request-form.ts';
import { VIEW_ACTIONS } from '../../src/views/view-actions.ts';
import { blockText, buttons } from './answers.ts';
import { availability, expectValidMessage, NOW, requestView } from './nudge-views.ts';

const DAY = 86_400_000;
const accessories = (blocks: types.KnownBlock[]) =>
  blocks.flatMap((block) =>
    block.type === 'section' && block.accessory?.type === 'button' ? [block.accessory] : [],
  );
const allText = (blocks: types.KnownBlock[]) => blocks.map(blockText).join('\n');
const REFERENCE_ACTIONS = {
  request: VIEW_ACTIONS.requestReference.id,
  override: VIEW_ACTIONS.overrideReference.id,
  approve: VIEW_ACTIONS.approveRequest.id,
  decline: VIEW_ACTIONS.declineRequest.id,
  markDone: VIEW_ACTIONS.markCallDone.id,
};
const payloadOf = (button: types.Button | undefined) => JSON.parse(button?.value ?? 'null');

const cooling = availability({
  id: 6,
  account: 'Lakeside Care',
  available: false,
  reasons: [{ kind: 'cooldown', until: new Date(NOW.getTime() + 5 * DAY) }],
});
const paused = availability({
  id: 7,
  account: 'Northwind Clinics',
  status: 'paused',
  available: false,
  reasons: [{ kind: 'paused', reason: 'open P1 service issue' }],
});

describe('referenceListBlocks', () => {
  it('lists available references first with Request, then the others with why not', () => {
    const message = referenceListBlocks([availability(), cooling, paused], {
      criteria: 'healthcare',
      isCurator: false,
    });
    const text = allText(message.blocks);

    expect(message.text).toBe('References matching “healthcare”: 1 of 3 available now');
    expect(accessories(message.blocks).map((b) => [b.text.text, b.action_id])).toEqual([
      ['Request', REFERENCE_ACTIONS.request],
    ]);
    expect(payloadOf(accessories(message.blocks)[0])).toEqual({ ref: 5 });
    expect(text.indexOf('Mercy Health')).toBeLessThan(text.indexOf('*Not available now*'));
    expect(text).toContain('• *Lakeside Care* (Healthcare) — cooling down until 2026-11-07');
    expect(text).toContain('• *Northwind Clinics* (Healthcare) — paused: open P1 service issue');
    expect(text).toContain('Only a curator can override a limit.');
    expectValidMessage(message);
  });

  it('offers curators "Request anyway (override)" on the unavailable ones', () => {
    const message = referenceListBlocks([availability(), cooling], { criteria: '', isCurator: true });
    expect(accessories(message.blocks).map((b) => [b.text.text, b.action_id, b.value])).toEqual([
      ['Request', REFERENCE_ACTIONS.request, '{"ref":5}'],
      ['Request anyway (override)', REFERENCE_ACTIONS.override, '{"ref":6}'],
    ]);
    expect(allText(message.blocks)).toContain('Not now: cooling down until 2026-11-07');
  });

  it('says so plainly when nothing matches, and how to list them all', () => {
    const message = referenceListBlocks([], { criteria: 'aerospace <b>', isCurator: false });
    expect(message.text).toBe('No reference customers match “aerospace &lt;b&gt;”.');
    expect(allText(message.blocks)).toContain('`/earshot references` lists them all.');
    expect(accessories(message.blocks)).toEqual([]);
  });

  it('stays within 50 blocks for a long list', () => {
    const many = Array.from({ length: 80 }, (_, i) => availability({ id: i + 1, account: `Customer ${i}` }));
    const message = referenceListBlocks([...many, cooling], { criteria: '', isCurator: true });
    expectValidMessage(message);
    expect(allText(message.blocks)).toMatch(/…and \d+ more references/);
    expect(allText(message.blocks)).toContain('Add words to narrow the list.');
  });
});

describe('the reference request to its owner', () => {
  it('says who asks for which customer, the note, the usage, with Approve / Decline', () => {
    const message = referenceRequestBlocks(requestView());
    const text = allText(message.blocks);
    expect(text).toContain('<@U_BOB> asks to use *Mercy Health* (Healthcare) as a reference.');
    expect(text).toContain('Their note: “Kessler Clinics wants to hear about patient intake.”');
    expect(text).toContain('Usage: 1 of 3 calls in the last 90 days');
    expect(text).not.toContain('override');
    expect(buttons(message.blocks).map((b) => [b.text.text, b.action_id])).toEqual([
      ['Approve', REFERENCE_ACTIONS.approve],
      ['Decline', REFERENCE_ACTIONS.decline],
    ]);
    for (const button of buttons(message.blocks)) expect(payloadOf(button)).toEqual({ req: 9 });
    expectValidMessage(message);
  });

  it('shows who overrode the limit and why', () => {
    const message = referenceRequestBlocks(
      requestView({ override: { by: 'U_ALICE', reason: 'Last step before <signature>' } }),
    );
    expect(allText(message.blocks)).toContain(
      "curator <@U_ALICE> let this request past the reference's limits: “Last step before &lt;signature&gt;”",
    );
  });

  it('after approval shows the outcome and "Mark call done"; after the call, the cooldown', () => {
    const decided = requestDecidedBlocks({
      requestId: 9,
      status: 'approved',
      reference: availability({ usedIn90Days: 2 }),
      requester: { platform: 'slack', userId: 'U_BOB' },
      decidedBy: 'U_DANA',
      note: 'Intro by email tomorrow',
      requesterTold: true,
    });
    expect(allText(decided.blocks)).toContain(
      '*Approved* by <@U_DANA>: “Intro by email tomorrow”. <@U_BOB> has been told.',
    );
    expect(buttons(decided.blocks).map((b) => [b.text.text, b.action_id, b.value])).toEqual([
      ['Mark call done', REFERENCE_ACTIONS.markDone, '{"req":9}'],
    ]);
    expectValidMessage(decided);

    const done = requestDoneBlocks(cooling, 'U_DANA');
    expect(buttons(done.blocks)).toEqual([]);
    expect(allText(done.blocks)).toContain(
      '*Call done*: Lakeside Care, marked done by <@U_DANA>. Thanks for closing the loop.\nLakeside Care is cooling down until 2026-11-07.',
    );
    expectValidMessage(done);
  });

  it('a declined request has no buttons left', () => {
    const declined = requestDecidedBlocks({
      requestId: 9,
      status: 'declined',
      reference: availability(),
      requester: { platform: 'slack', userId: 'U_BOB' },
      decidedBy: 'U_DANA',
      note: null,
      requesterTold: false,
    });
    expect(buttons(declined.blocks)).toEqual([]);
    expect(allText(declined.blocks)).toContain("*Declined* by <@U_DANA>. I couldn't reach <@U_BOB> in chat");
  });
});

describe('the reference forms', () => {
  it('asks for a reason only when overriding', () => {
    const plain = renderSlackModal(referenceRequestForm(availability()));
    const override = renderSlackModal(referenceOverrideForm(cooling));
    const inputs = (view: types.ModalView) =>
      (view.blocks as types.KnownBlock[]).flatMap((block) =>
        block.type === 'input' ? [[block.block_id, block.optional]] : [],
      );
    expect(inputs(plain)).toEqual([['note-5', true]]);
    expect(inputs(override)).toEqual([
      ['reason-6', undefined],
      ['note-6', true],
    ]);
    expect([plain.callback_id, override.callback_id]).toEqual([
      REFERENCE_ACTIONS.request,
      REFERENCE_ACTIONS.override,
    ]);
    expect(JSON.stringify(override.blocks)).toContain('cooling down until 2026-11-07');
  });

  it('keeps which request the decision form is about, and its schema refuses tampered metadata', () => {
    const view = renderSlackModal(referenceDecisionForm(9, true));
    expect(view.submit?.text).toBe('Approve');
    expect(view.callback_id).toBe(REFERENCE_ACTIONS.approve);
    const schema = VIEW_ACTIONS.approveRequest.payload;
    expect(schema.parse(JSON.parse(view.private_metadata ?? ''))).toEqual({ req: 9 });
    expect(schema.safeParse({ req: '9 OR 1=1' }).success).toBe(false);
    expect(renderSlackModal(referenceDecisionForm(9, false)).callback_id).toBe(REFERENCE_ACTIONS.decline);
  });
});
