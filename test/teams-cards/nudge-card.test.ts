import { CardFactory } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { EarshotError } from '../../src/errors.ts';
import type { NudgeView } from '../../src/nudges/nudge-view.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-types.ts';
import { NUDGE_VERBS, nudgeCard, parseNudgeAction } from '../../src/teams/cards/nudge-card.ts';
import { buttons, links, richTexts } from './cards.ts';

const view = (overrides: Partial<NudgeView> = {}): NudgeView => ({
  nudgeId: 42,
  reminder: false,
  trigger: {
    type: 'funding',
    label: 'Funding round',
    title: 'Acme Robotics raised a $40M Series B',
    url: 'https://news.example.com/acme-series-b',
    occurredAt: new Date('2026-11-21T09:00:00.000Z'),
  },
  account: { name: 'Acme Robotics', domain: 'acme.com', industry: 'Manufacturing' },
  why: 'Fresh funding comes with a growth plan and budget to spend on it.',
  entries: [
    {
      id: 1,
      kind: 'tip',
      title: 'Lead with time to value',
      excerpt: 'Show the 30-day rollout plan.',
      url: 'https://wiki.example.com/ttv',
    },
    { id: 2, kind: 'chatter', title: 'Budgets open after a raise', excerpt: 'Heard at Globex.', url: null },
  ],
  references: [{ id: 9, account: 'Fabrikam Steel', industry: 'Manufacturing', products: ['Analytics'] }],
  ...overrides,
});

describe('nudgeCard', () => {
  const card = nudgeCard(view());
  const body = richTexts(card);

  it('says what happened at which account and when (in the reader’s time zone), with the link', () => {
    expect(CardFactory.adaptiveCard(card).content).toEqual(card);
    expect(body[0]).toBe('**Funding round: Acme Robotics**');
    expect(body[1]).toBe(
      '**[Acme Robotics raised a $40M Series B](https://news.example.com/acme-series-b)**',
    );
    expect(body[2]).toBe('{{DATE(2026-11-21T09:00:00Z, SHORT)}} · acme.com · Manufacturing');
    expect(card.fallbackText).toBe('Funding round at Acme Robotics: Acme Robotics raised a $40M Series B');
  });

  it('says why it matters, what the field says and which references can take a call', () => {
    expect(body).toContain('**Why it matters**');
    expect(body).toContain('Fresh funding comes with a growth plan and budget to spend on it.');
    expect(body).toContain('**What the field says**');
    expect(body).toContain(
      '• Seller tip: **[Lead with time to value](https://wiki.example.com/ttv)** — Show the 30-day rollout plan.',
    );
    expect(body).toContain('• Field intel: **Budgets open after a raise** — Heard at Globex.');
    expect(body).toContain('**References in Manufacturing available now**');
    expect(body).toContain('• **Fabrikam Steel** — Analytics');
    expect(body).toContain('Send **references Manufacturing** to request one.');
  });

  it('has Snooze 1 week / Dismiss / Helpful carrying the alert id', () => {
    expect(buttons(card).map((b) => b.type === 'Action.Execute' && [b.title, b.verb, b.data])).toEqual([
      ['Snooze 1 week', NUDGE_VERBS.snooze, { n: 42 }],
      ['Dismiss', NUDGE_VERBS.dismiss, { n: 42 }],
      ['Helpful', NUDGE_VERBS.helpful, { n: 42 }],
    ]);
  });

  it('marks a reminder after a snooze, and says plainly when a section is empty', () => {
    const reminder = richTexts(nudgeCard(view({ reminder: true, entries: [], references: [] })));
    expect(reminder[0]).toBe('**⏰ Reminder · Funding round: Acme Robotics**');
    expect(reminder).toContain('Nothing in Earshot about this kind of trigger yet.');
    expect(reminder).toContain(
      'None can take a call right now; **references Manufacturing** shows when they free up.',
    );
  });

  it('shows what the owner did and drops the button they used', () => {
    const snoozed = nudgeCard(view({ reminder: true }), { snoozedUntil: new Date('2026-11-30T15:00:00Z') });
    expect(richTexts(snoozed)[0]).toBe(
      '😴 Snoozed: Earshot brings this back on {{DATE(2026-11-30T15:00:00Z, SHORT)}}.',
    );
    expect(richTexts(snoozed)[1]).toBe('**Funding round: Acme Robotics**');
    expect(buttons(snoozed).map((b) => b.title)).toEqual(['Dismiss', 'Helpful']);
    const helpful = nudgeCard(view(), { helpful: true });
    expect(richTexts(helpful)[0]).toBe('👍 You marked this alert helpful. Thanks!');
    expect(buttons(helpful).map((b) => b.title)).toEqual(['Snooze 1 week', 'Dismiss']);
    const dismissed = nudgeCard(view(), { dismissed: true });
    expect(richTexts(dismissed)[0]).toBe('Dismissed. You won’t see this alert again.');
    expect(buttons(dismissed)).toEqual([]);
  });

  it('never lets trigger or knowledge text form links, and does not link unsafe URLs', () => {
    const hostile = nudgeCard(
      view({
        trigger: {
          ...view().trigger,
          title: 'Win [prize](https://evil.example)',
          url: 'javascript:alert(1)',
        },
        account: { name: 'Evil** [x](https://evil.example)', domain: null, industry: 'Retail' },
        entries: [
          {
            id: 3,
            kind: 'tip',
            title: 'Click [here](https://evil.example)',
            excerpt: '[more](https://evil.example)',
            url: 'https://user:pw@evil.example/',
          },
        ],
      }),
    );
    const all = richTexts(hostile).join('\n');
    expect(links(all)).toEqual([]);
    expect(all).not.toContain('javascript:');
    expect(all).toContain('**Funding round: Evil＊＊ ［x］(https://evil.example)**');
  });

  it('stays within the Teams size limit however long the texts are', () => {
    const long = 'x'.repeat(50_000);
    const huge = nudgeCard(
      view({
        trigger: { ...view().trigger, title: long },
        why: long,
        entries: Array.from({ length: 50 }, (_, id) => ({
          id,
          kind: 'tip' as const,
          title: long,
          excerpt: long,
          url: null,
        })),
        references: Array.from({ length: 50 }, (_, id) => ({
          id,
          account: long,
          industry: long,
          products: [long],
        })),
      }),
    );
    expect(cardBytes(huge)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe('parseNudgeAction', () => {
  const value = (verb: string, data: unknown) => ({
    action: { type: 'Action.Execute', verb, data },
    trigger: 'manual',
  });

  it('reads each alert button', () => {
    for (const verb of Object.values(NUDGE_VERBS)) {
      expect(parseNudgeAction(value(verb, { n: 42 }))).toEqual({ verb, nudgeId: 42 });
    }
  });

  it.each([
    ['a string id', value(NUDGE_VERBS.snooze, { n: '42' })],
    ['no id', value(NUDGE_VERBS.snooze, {})],
    ['extra data', value(NUDGE_VERBS.snooze, { n: 42, userId: 'someone-else' })],
    ['another card’s verb', value('earshot_feedback_helpful', { n: 42 })],
    ['Action.Submit', { action: { type: 'Action.Submit', verb: NUDGE_VERBS.dismiss, data: { n: 1 } } }],
  ])('refuses %s as an out-of-date card', (_, tampered) => {
    expect(() => parseNudgeAction(tampered)).toThrow(EarshotError);
    try {
      parseNudgeAction(tampered);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_input', userMessage: 'That alert card is out of date.' });
    }
  });
});
