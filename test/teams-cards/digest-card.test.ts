import { CardFactory } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { buildDigest } from '../../src/digest/build-digest.ts';
import type { Capped, Digest, DigestEntry, DigestTheme } from '../../src/digest/digest.ts';
import { type DigestMessage, showCommandFor } from '../../src/digest/digest-message.ts';
import { QUIET_WEEK } from '../../src/digest/digest-text.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-types.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import { digestView } from '../../src/views/digest-view.ts';
import { blankDigest } from '../helpers/digests.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { links, richTexts } from './cards.ts';

const digestCard = (shown: DigestMessage) => renderTeamsCard(digestView(shown));
const digestSummary = (shown: DigestMessage) => digestCard(shown).fallbackText;

const none = { items: [], more: 0 };
const noGap = { ...none, askedInPrivate: 0 };
// Monday 23 Nov 00:00 in Berlin to Monday 30 Nov 00:00 in Berlin.
const FROM = new Date('2026-11-22T23:00:00Z');
const TO = new Date('2026-11-29T23:00:00Z');

function digest(overrides: Partial<Digest> = {}): Digest {
  return blankDigest('tenant-1', { from: FROM, to: TO }, overrides);
}

function message(content: Digest, overrides: Partial<DigestMessage> = {}): DigestMessage {
  return {
    digest: content,
    timeZone: 'Europe/Berlin',
    late: false,
    preview: false,
    showCommand: showCommandFor(content),
    ...overrides,
  };
}

const theme = (label: string, overrides: Partial<DigestTheme> = {}): DigestTheme => ({
  label,
  basis: 'topic',
  entries: 3,
  reps: 2,
  accounts: 2,
  examples: [
    {
      id: 1,
      title: 'Harborview SSO',
      excerpt: 'Harborview wants Okta SSO before signing.',
      url: 'https://crm.example/harborview',
      author: 'Maya',
      account: 'Harborview',
    },
    {
      id: 2,
      title: 'Kessler SSO',
      excerpt: 'Kessler asked about SCIM.',
      url: null,
      author: 'Dan',
      account: null,
    },
  ],
  ...overrides,
});

const entry = (title: string, overrides: Partial<DigestEntry> = {}): DigestEntry => ({
  id: 10,
  kind: 'tip',
  title,
  excerpt: '',
  url: null,
  author: 'Priya',
  account: null,
  topics: [],
  createdAt: new Date('2026-11-25T10:00:00Z'),
  ...overrides,
});

function many<T>(count: number, more: number, item: (i: number) => T): Capped<T> {
  return { items: Array.from({ length: count }, (_, i) => item(i)), more };
}

describe('digestCard', () => {
  const full = digest({
    topics: ['pricing', 'sso'],
    forCurators: true,
    chatter: { entries: 5, reps: 3, accounts: 2 },
    themes: { items: [theme('sso')], more: 0 },
    tips: {
      items: [entry('Send the SOC 2 report early', { url: 'https://wiki.example/soc2', author: 'Sam' })],
      more: 0,
    },
    citedTips: {
      items: [{ id: 3, title: 'Lead with the ROI calculator', author: 'Rita', url: null, citations: 2 }],
      more: 0,
    },
    research: { items: [entry('Win/loss Q3', { kind: 'research', author: null })], more: 0 },
    triggers: {
      items: [
        {
          id: 4,
          type: 'funding',
          typeLabel: 'Funding round',
          title: 'Series C',
          url: 'https://news.example/c',
          occurredAt: new Date('2026-11-24T09:00:00Z'),
          account: 'Harborview Health',
        },
      ],
      more: 0,
    },
    gaps: {
      unanswered: {
        items: [
          { id: 5, text: 'Do we support SCIM?', askedAt: new Date('2026-11-25T10:00:00Z'), askedBy: 'Lee' },
        ],
        more: 0,
        askedInPrivate: 0,
      },
      notHelpful: {
        items: [{ id: 6, text: 'What about SSO?', askedAt: FROM, askedBy: null, votes: 2 }],
        more: 0,
        askedInPrivate: 0,
      },
      reviewQueueSize: 4,
    },
    contributors: { items: [{ person: 'Maya', entries: 2 }], more: 0 },
  });

  it('shows every section in the text digest’s order, with counts, credits and safe links', () => {
    const card = digestCard(message(full));
    expect(CardFactory.adaptiveCard(card).content).toEqual(card);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' } });
    expect(richTexts(card)).toEqual([
      '**Earshot digest · 23–29 Nov 2026**',
      'Topics: pricing, sso',
      'For curators: includes content gaps and the review queue',
      '**What the field is hearing**',
      '5 new field notes from 3 reps across 2 accounts.',
      '**sso** · 3 notes from 2 reps across 2 accounts\n\n' +
        '• [“Harborview wants Okta SSO before signing.”](https://crm.example/harborview) — Maya, Harborview\n\n' +
        '• “Kessler asked about SCIM.” — Dan',
      '**New tips** (1)',
      '• **[Send the SOC 2 report early](https://wiki.example/soc2)** — by Sam',
      '**Older tips cited this week** (1)',
      '• **Lead with the ROI calculator** — by Rita · cited 2 times',
      '**New research and expert content** (1)',
      '• Research: **Win/loss Q3**',
      '**Buying triggers** (1)',
      '• Tue 24 Nov · Funding round · Harborview Health: **[Series C](https://news.example/c)**',
      '**Content gaps**',
      '**Questions nobody could answer** (1)',
      '• “Do we support SCIM?” — Lee, Wed 25 Nov',
      '**Answers marked not helpful** (1)',
      '• “What about SSO?”: 2 not-helpful votes',
      'Review queue: 4 entries waiting.',
      '**Top contributors** (1)',
      '1. Maya: 2 entries',
    ]);
    // Nothing was cut, so no pointer to the full digest.
    expect(JSON.stringify(card)).not.toContain('Full digest');
    expect(card.fallbackText).toBe(
      'Earshot digest, 23–29 Nov 2026: 5 field notes from 3 reps, 1 new tip, 1 older tip cited, 1 new research entry, 1 buying trigger, 1 unanswered question',
    );
  });

  it('dates the period in the subscription’s time zone', () => {
    const card = digestCard(message(digest({ empty: true }), { timeZone: 'America/Los_Angeles' }));
    expect(richTexts(card)[0]).toBe('**Earshot digest · 22–29 Nov 2026**');
    const oneDay = digest({ empty: true, period: { from: FROM, to: new Date('2026-11-23T05:00:00Z') } });
    expect(richTexts(digestCard(message(oneDay)))[0]).toBe('**Earshot digest · 23 Nov 2026**');
  });

  it('keeps a quiet week brief, telling curators only how many captures wait for review', () => {
    expect(richTexts(digestCard(message(digest({ empty: true }))))).toEqual([
      '**Earshot digest · 23–29 Nov 2026**',
      QUIET_WEEK,
    ]);
    const curators = digest({
      empty: true,
      forCurators: true,
      gaps: { unanswered: noGap, notHelpful: noGap, reviewQueueSize: 3 },
    });
    const card = digestCard(message(curators));
    expect(richTexts(card).slice(-2)).toEqual([QUIET_WEEK, 'Review queue: 3 entries waiting.']);
    expect(digestSummary(message(curators))).toBe(
      'Earshot digest, 23–29 Nov 2026: quiet week, nothing new was heard',
    );
  });

  it('marks a late digest and a preview', () => {
    const shown = richTexts(digestCard(message(digest({ empty: true }), { late: true, preview: true })));
    expect(shown.slice(1, 3)).toEqual([
      '**👀 Preview — only you can see this**',
      '⏳ Late: Earshot was offline at the scheduled time',
    ]);
    const onTime = JSON.stringify(digestCard(message(full)));
    expect(onTime).not.toContain('Late:');
    expect(onTime).not.toContain('Preview');
  });

  it('keeps a huge week under Teams’ size limit: a few items per section, how many more, and the full digest command', () => {
    const week = (long: string, longUrl: (i: number) => string) =>
      digest({
        topics: ['pricing'],
        forCurators: true,
        chatter: { entries: 400, reps: 60, accounts: 90 },
        themes: many(5, 25, (i) =>
          theme(`theme ${i}`, {
            examples: [1, 2, 3].map((n) => ({
              id: i * 10 + n,
              title: long,
              excerpt: long,
              url: longUrl(i * 10 + n),
              author: long,
              account: long,
            })),
          }),
        ),
        tips: many(10, 90, (i) => entry(`${long} ${i}`, { url: longUrl(i) })),
        citedTips: many(5, 20, (i) => ({
          id: i,
          title: long,
          author: 'Rita',
          url: longUrl(i),
          citations: 3,
        })),
        research: many(10, 40, (i) => entry(long, { kind: 'expert', url: longUrl(i) })),
        triggers: many(20, 80, (i) => ({
          id: i,
          type: 'news' as const,
          typeLabel: 'News',
          title: long,
          url: longUrl(i),
          occurredAt: new Date('2026-11-24T09:00:00Z'),
          account: 'Harborview',
        })),
        gaps: {
          unanswered: {
            ...many(10, 30, (i) => ({ id: i, text: long, askedAt: FROM, askedBy: 'Lee' })),
            askedInPrivate: 40,
          },
          notHelpful: {
            ...many(10, 5, (i) => ({ id: i, text: long, askedAt: FROM, askedBy: null, votes: 2 })),
            askedInPrivate: 7,
          },
          reviewQueueSize: 120,
        },
        contributors: many(5, 55, (i) => ({ person: `Rep ${i}`, entries: 9 })),
      });
    const huge = week(
      'Very long field note about pricing pressure and procurement delays. '.repeat(20),
      (i) => `https://crm.example/${'x'.repeat(900)}/${i}`,
    );
    const shown = message(huge);
    const card = digestCard(shown);
    expect(cardBytes(CardFactory.adaptiveCard(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const texts = richTexts(card);
    for (const heading of [
      '**What the field is hearing**',
      '**New tips** (100)',
      '**Older tips cited this week** (25)',
      '**New research and expert content** (50)',
      '**Buying triggers** (100)',
      '**Content gaps**',
      '**Top contributors** (60)',
    ])
      expect(texts).toContain(heading);
    // Giant links leave room for two items a section; each section says how many it left out.
    expect(texts.filter((text) => text.startsWith('_…and'))).toEqual([
      '_…and 28 more themes_',
      '_…and 98 more tips_',
      '_…and 23 more tips_',
      '_…and 48 more entries_',
      '_…and 98 more triggers_',
      '_…and 38 more questions_',
      '_…and 13 more answers_',
      '_…and 58 more contributors_',
    ]);
    expect(texts).toContain('Review queue: 120 entries waiting.');
    expect(texts.at(-1)).toBe(`Full digest: ${shown.showCommand}`);
    expect(shown.showCommand).toContain('--topics "pricing" --curators');

    // Without giant links, each section shows its first few: five, eight of the triggers.
    const plain = richTexts(digestCard(message(week('Pricing pushback', (i) => `https://crm.example/${i}`))));
    expect(plain.filter((text) => text.startsWith('_…and'))).toEqual([
      '_…and 25 more themes_',
      '_…and 95 more tips_',
      '_…and 20 more tips_',
      '_…and 45 more entries_',
      '_…and 92 more triggers_',
      '_…and 35 more questions_',
      '_…and 10 more answers_',
      '_…and 55 more contributors_',
    ]);
    expect(plain.at(-1)).toContain('Full digest: earshot digest show --workspace tenant-1');
  });

  it('never lets typed text make links or markup of its own', () => {
    const sneaky = '[Click here](https://evil.example) **urgent** ![x](https://evil.example/x.png)';
    const card = digestCard(
      message(
        digest({
          topics: ['[x](https://evil.example)'],
          chatter: { entries: 1, reps: 1, accounts: 1 },
          themes: {
            items: [
              theme(sneaky, {
                examples: [
                  {
                    id: 1,
                    title: sneaky,
                    excerpt: sneaky,
                    url: 'https://crm.example/ok',
                    author: sneaky,
                    account: null,
                  },
                  {
                    id: 2,
                    title: sneaky,
                    excerpt: sneaky,
                    url: 'javascript:alert(1)',
                    author: null,
                    account: sneaky,
                  },
                ],
              }),
            ],
            more: 0,
          },
          tips: { items: [entry(sneaky, { url: 'https://wiki.example/(a)', author: sneaky })], more: 0 },
          contributors: { items: [{ person: sneaky, entries: 1 }], more: 0 },
        }),
      ),
    );
    const targets = richTexts(card).flatMap((text) => links(text).map(([, target]) => target));
    expect(targets).toEqual(['https://crm.example/ok', 'https://wiki.example/%28a%29']);
    const json = JSON.stringify(card);
    expect(json).not.toContain('](https://evil.example');
    expect(json).not.toContain('javascript:');
  });
});

describe.each(DATABASE_KINDS)('digestCard from a built digest (%s)', (kind) => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase(kind);
  });
  afterEach(() => db.close());

  it('shows the shared entries of the week and never a private one', async () => {
    const inWeek = new Date('2026-11-25T10:00:00Z');
    await seedEntry(db, {
      workspaceId: 'tenant-1',
      kind: 'tip',
      title: 'Send the SOC 2 report early',
      author: 'Sam',
      createdAt: inWeek,
    });
    await seedEntry(db, {
      workspaceId: 'tenant-1',
      kind: 'chatter',
      topics: ['pricing'],
      title: 'Harborview pricing',
      body: 'Harborview pushes back on per-seat pricing.',
      author: 'Maya',
      account: 'Harborview',
      createdAt: inWeek,
    });
    for (const kindOf of ['tip', 'chatter', 'research'] as const) {
      await seedEntry(db, {
        workspaceId: 'tenant-1',
        kind: kindOf,
        topics: ['pricing'],
        title: `Secret ${kindOf} from the deal room`,
        body: 'Globex is about to churn, keep it quiet.',
        author: 'Zed',
        account: 'Globex',
        audience: 'teams:19:private-deal-room@thread.tacv2',
        createdAt: inWeek,
      });
    }
    const built = await buildDigest(
      { db, clock: { now: () => TO } },
      {
        workspaceId: 'tenant-1',
        from: FROM,
        to: TO,
        forCurators: true,
      },
    );
    const json = JSON.stringify(digestCard(message(built)));
    expect(json).toContain('Send the SOC 2 report early** — by Sam');
    expect(json).toContain('Harborview pushes back on per-seat pricing.');
    expect(json).toContain('1 new field note from 1 rep across 1 account.');
    for (const hidden of ['Secret', 'Globex', 'Zed', 'churn']) expect(json).not.toContain(hidden);
  });
});
