import { describe, expect, it } from 'vitest';
import type {
  ReferenceAvailability,
  ReferenceRequestView,
} from '../../src/nudges/references/reference-views.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-types.ts';
import { parseReferenceAction, REFERENCE_VERBS } from '../../src/teams/cards/reference-card-actions.ts';
import {
  referenceDecidedCard,
  referenceDoneCard,
  referenceRequestCard,
} from '../../src/teams/cards/reference-cards.ts';
import { referenceListCard } from '../../src/teams/cards/reference-list-card.ts';
import { buttons, inputs, links, richTexts } from './cards.ts';

const request = (overrides: Partial<ReferenceRequestView> = {}): ReferenceRequestView => ({
  requestId: 17,
  reference: { id: 3, account: 'Northwind Health', industry: 'Healthcare' },
  requestedBy: { platform: 'teams', userId: 'aad-rory' },
  note: 'Globex wants a payments peer.',
  override: null,
  usage: '1 of 3 calls in the last 90 days; last call 2026-10-02',
  ...overrides,
});

const reference = (overrides: Partial<ReferenceAvailability> = {}): ReferenceAvailability => ({
  id: 3,
  account: 'Northwind Health',
  industry: 'Healthcare',
  products: ['Payments', 'Billing'],
  useCases: ['claims automation'],
  ownerEmail: 'nora@seller.example',
  status: 'active',
  available: true,
  reasons: [],
  usedIn90Days: 1,
  maxRequestsPer90Days: 3,
  cooldownDays: 14,
  pendingRequests: 0,
  lastCallAt: null,
  availableFrom: null,
  ...overrides,
});

const paused = reference({
  id: 4,
  account: 'Contoso Clinics',
  available: false,
  status: 'paused',
  reasons: [{ kind: 'paused', reason: 'open P1 service issue' }],
});
const cooling = reference({
  id: 5,
  account: 'Lakeside Hospital',
  available: false,
  reasons: [{ kind: 'cooldown', until: new Date('2026-12-09T15:00:00Z') }],
  lastCallAt: new Date('2026-11-25T15:00:00Z'),
});

describe('referenceRequestCard (to the owner)', () => {
  it('says who asks for which reference, their note and the usage, with a note back and Approve / Decline', () => {
    const card = referenceRequestCard(request(), { requester: 'rory@seller.example' });
    expect(richTexts(card)).toEqual([
      '**Reference request: Northwind Health**',
      'rory@seller.example asks to use **Northwind Health** (Healthcare) as a reference.',
      'Their note: “Globex wants a payments peer.”',
      'Usage: 1 of 3 calls in the last 90 days; last call 2026-10-02',
    ]);
    // Approve and Decline each open a note to the rep, sent with the decision; ids stay unique on the card.
    expect(inputs(card)).toEqual([
      expect.objectContaining({ id: 'note@1', isMultiline: true, maxLength: 500 }),
      expect.objectContaining({ id: 'note@2', isMultiline: true, maxLength: 500 }),
    ]);
    expect(buttons(card).map((b) => [b.type, b.title, b.type === 'Action.Execute' && b.verb])).toEqual([
      ['Action.ShowCard', 'Approve', false],
      ['Action.Execute', 'Approve', REFERENCE_VERBS.approve],
      ['Action.ShowCard', 'Decline', false],
      ['Action.Execute', 'Decline', REFERENCE_VERBS.decline],
    ]);
    for (const button of buttons(card)) {
      if (button.type === 'Action.Execute') expect(button.data).toEqual({ req: 17 });
    }
  });

  it('shows a curator’s override with who and why', () => {
    const card = referenceRequestCard(
      request({ note: null, override: { by: 'aad-cara', reason: 'Strategic deal' } }),
      {
        requester: null,
        overrideBy: 'cara@seller.example',
      },
    );
    const body = richTexts(card);
    expect(body[1]).toBe('a Teams user asks to use **Northwind Health** (Healthcare) as a reference.');
    expect(body).toContain(
      "⚠️ **Override:** curator cara@seller.example let this request past the reference's limits: “Strategic deal”",
    );
    expect(body).toContain('No note from the rep.');
  });

  it('keeps a rep’s note from forming links', () => {
    const card = referenceRequestCard(request({ note: 'See [deck](https://evil.example)' }), {
      requester: null,
    });
    expect(links(richTexts(card).join('\n'))).toEqual([]);
  });
});

describe('reference decision cards (the owner’s card after a click)', () => {
  const decided = {
    requestId: 17,
    reference: reference(),
    requester: { platform: 'teams', userId: 'aad-rory', name: 'rory@seller.example' },
    decidedBy: { platform: 'teams', userId: 'aad-nora', name: 'nora@seller.example' },
    note: 'Mornings work.',
  };

  it('approved: says so, whether the rep was told, and offers Mark call done', () => {
    const card = referenceDecidedCard({ ...decided, status: 'approved', requesterTold: true });
    expect(richTexts(card)).toEqual([
      'rory@seller.example asked to use **Northwind Health** as a reference.',
      '✅ **Approved** by nora@seller.example: “Mornings work.”. rory@seller.example has been told.',
      'Introduce them, then mark the call done once it has happened; Northwind Health then rests for 14 days.',
      'Usage: 1 of 3 calls in the last 90 days',
    ]);
    expect(buttons(card).map((b) => b.type === 'Action.Execute' && [b.title, b.verb, b.data])).toEqual([
      ['Mark call done', REFERENCE_VERBS.done, { req: 17 }],
    ]);
  });

  it('declined, rep out of reach: asks the owner to tell them, and has no buttons', () => {
    const card = referenceDecidedCard({
      ...decided,
      status: 'declined',
      requesterTold: false,
      note: undefined,
    });
    expect(richTexts(card)).toEqual([
      'rory@seller.example asked to use **Northwind Health** as a reference.',
      "**Declined** by nora@seller.example. I couldn't reach rory@seller.example in chat; please tell them yourself.",
      'Usage: 1 of 3 calls in the last 90 days',
    ]);
    expect(card.actions).toEqual([]);
  });

  it('done: when the reference can take calls again', () => {
    expect(richTexts(referenceDoneCard(cooling, decided.decidedBy))).toEqual([
      '📞 **Call done**: Lakeside Hospital, marked done by nora@seller.example. Thanks for closing the loop.',
      'Lakeside Hospital is cooling down until 2026-12-09.',
      'Usage: 1 of 3 calls in the last 90 days; last call 2026-11-25',
    ]);
  });
});

describe('referenceListCard', () => {
  it('lists available references first, each with Request and a note for its owner', () => {
    const card = referenceListCard([reference(), paused], { criteria: 'healthcare', isCurator: false });
    const body = richTexts(card);
    expect(body.slice(0, 3)).toEqual([
      '**Reference customers for “healthcare”**',
      '1 of 2 can take a call now.',
      '**Northwind Health** (Healthcare)\n\nProducts: Payments, Billing · Use cases: claims automation · _1 of 3 calls in the last 90 days_',
    ]);
    expect(body.slice(3)).toEqual([
      '**Not available now**',
      '• **Contoso Clinics** (Healthcare) — paused: open P1 service issue',
      'Only a curator can override a limit.',
    ]);
    expect(buttons(card).map((b) => b.title)).toEqual(['Request', 'Send request']);
    expect(buttons(card)[1]).toMatchObject({ verb: REFERENCE_VERBS.request, data: { ref: 3 } });
    expect(inputs(card).map((input) => input.id)).toEqual(['note-3']);
  });

  it('gives curators "Request anyway (override)" with a required reason', () => {
    const card = referenceListCard([reference({ pendingRequests: 2 }), paused, cooling], {
      criteria: '',
      isCurator: true,
    });
    const text = richTexts(card).join('\n');
    expect(text).toContain('_1 of 3 calls in the last 90 days; 2 requests waiting for the owner_');
    expect(text).toContain('Not now: cooling down until 2026-12-09');
    expect(richTexts(card)[0]).toBe('**Reference customers**');
    const overrides = buttons(card).filter(
      (b) => b.type === 'Action.Execute' && b.verb === REFERENCE_VERBS.override,
    );
    expect(overrides.map((b) => b.type === 'Action.Execute' && b.data)).toEqual([{ ref: 4 }, { ref: 5 }]);
    expect(inputs(card).filter((input) => input.id.startsWith('reason-'))).toEqual([
      expect.objectContaining({ id: 'reason-4', isRequired: true }),
      expect.objectContaining({ id: 'reason-5', isRequired: true }),
    ]);
  });

  it('lists at most ten of each and stays within the Teams size limit', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      reference({
        id: i + 1,
        account: `Customer ${i + 1} ${'x'.repeat(300)}`,
        available: i % 2 === 0,
        reasons: i % 2 ? paused.reasons : [],
      }),
    );
    const card = referenceListCard(many, { criteria: 'y'.repeat(5000), isCurator: true });
    expect(richTexts(card).filter((text) => text.startsWith('_…and 10 more'))).toHaveLength(2);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe('parseReferenceAction', () => {
  const value = (verb: string, data: unknown) => ({
    action: { type: 'Action.Execute', verb, data },
    trigger: 'manual',
  });

  it('reads a request with its own reference’s note, and an override with its reason', () => {
    expect(
      parseReferenceAction(
        value(REFERENCE_VERBS.request, { ref: 3, 'note-3': '  Globex  ', 'note-4': 'other' }),
      ),
    ).toEqual({ verb: 'request', referenceId: 3, note: 'Globex' });
    expect(
      parseReferenceAction(
        value(REFERENCE_VERBS.override, { ref: 4, 'reason-4': 'Strategic', 'note-4': '' }),
      ),
    ).toEqual({ verb: 'request', referenceId: 4, note: undefined, override: { reason: 'Strategic' } });
  });

  it('reads Approve / Decline with the typed note, and Mark call done', () => {
    expect(parseReferenceAction(value(REFERENCE_VERBS.approve, { req: 17, note: 'Mornings' }))).toEqual({
      verb: 'approve',
      requestId: 17,
      note: 'Mornings',
    });
    expect(parseReferenceAction(value(REFERENCE_VERBS.decline, { req: 17 }))).toEqual({
      verb: 'decline',
      requestId: 17,
      note: undefined,
    });
    expect(parseReferenceAction(value(REFERENCE_VERBS.done, { req: 17 }))).toEqual({
      verb: 'done',
      requestId: 17,
    });
  });

  it.each([
    ['a request without a reference', value(REFERENCE_VERBS.request, { req: 3 })],
    ['a request with extra data', value(REFERENCE_VERBS.request, { ref: 3, override: true })],
    ['an old request id key', value(REFERENCE_VERBS.approve, { r: 17 })],
    ['a typed value that is not text', value(REFERENCE_VERBS.request, { ref: 3, 'note-3': { $gt: '' } })],
    ['an approval of no request', value(REFERENCE_VERBS.approve, { note: 'x' })],
    ['an approval with extra data', value(REFERENCE_VERBS.approve, { req: 17, approve: true })],
    ['a negative id', value(REFERENCE_VERBS.done, { req: -1 })],
    ['an unknown verb', value('earshot_reference_delete', { req: 17 })],
  ])('refuses %s as an out-of-date card', (_, tampered) => {
    let refusal: unknown;
    try {
      parseReferenceAction(tampered);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: 'invalid_input',
      userMessage: 'That reference card is out of date. Send "references" again.',
    });
  });
});
