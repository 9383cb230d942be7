import type { types } from '@slack/bolt';
import { expect } from 'vitest';
import type { Capped, Digest, DigestEntry, DigestTheme } from '../../src/digest/digest.ts';
import type { DigestMessage } from '../../src/digest/digest-message.ts';
import { blankDigest } from '../helpers/digests.ts';
import { blockText } from './answers.ts';
import { expectValidMessage } from './nudge-views.ts';

/** The week of 16–22 November 2026 in Berlin (it starts at 23:00 UTC the day before). */
export const WEEK = {
  from: new Date('2026-11-15T23:00:00Z'),
  to: new Date('2026-11-22T23:00:00Z'),
};

/** A digest with nothing in it but not marked empty; override the sections the test is about. */
export function digest(overrides: Partial<Digest> = {}): Digest {
  return blankDigest('T_TEAM', WEEK, overrides);
}

export function message(content: Digest, overrides: Partial<DigestMessage> = {}): DigestMessage {
  return {
    digest: content,
    timeZone: 'Europe/Berlin',
    late: false,
    preview: false,
    showCommand: `earshot digest show --workspace ${content.workspaceId} --from ${content.period.from.toISOString()} --to ${content.period.to.toISOString()}`,
    ...overrides,
  };
}

export function tip(id: number, overrides: Partial<DigestEntry> = {}): DigestEntry {
  return {
    id,
    kind: 'tip',
    title: `Tip ${id}`,
    excerpt: '',
    url: null,
    author: null,
    account: null,
    topics: [],
    createdAt: new Date('2026-11-18T10:00:00Z'),
    ...overrides,
  };
}

export function theme(label: string, overrides: Partial<DigestTheme> = {}): DigestTheme {
  return { label, basis: 'topic', entries: 3, reps: 2, accounts: 2, examples: [], ...overrides };
}

/** `count` items made by `make`, with `more` left out, as the core caps a list. */
export function capped<T>(count: number, make: (index: number) => T, more = 0): Capped<T> {
  return { items: Array.from({ length: count }, (_, index) => make(index + 1)), more };
}

/** What a reader sees: the header and every section and context, in order. */
export function shownText(blocks: types.KnownBlock[]): string {
  return blocks.map((block) => (block.type === 'header' ? block.text.text : blockText(block))).join('\n');
}

/** Every limit Slack enforces on a message, including the ones on headers and the fallback text. */
export function expectDigestWithinLimits(rendered: { text: string; blocks: types.KnownBlock[] }) {
  expectValidMessage(rendered);
  expect(rendered.text.length).toBeLessThanOrEqual(4000);
  for (const block of rendered.blocks) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
  }
}

/** A digest far past every platform limit: hundreds of themes, tips, research, triggers and gaps. */
export function hugeDigest(): Digest {
  const long = (label: string, size: number) => `${label} ${'word '.repeat(size)}`;
  const url = (n: number) => `https://crm.example/${'x'.repeat(950)}/${n}`;
  const question = (n: number) => ({
    id: n,
    text: long('question', 2000),
    askedAt: WEEK.from,
    askedBy: 'U0ASKER',
  });
  return digest({
    topics: Array.from({ length: 200 }, (_, n) => `topic-${n}`),
    forCurators: true,
    chatter: { entries: 5000, reps: 300, accounts: 200 },
    themes: capped(
      200,
      (n) =>
        theme(long(`theme ${n}`, 100), {
          examples: capped(5, (e) => ({
            id: e,
            title: long('title', 200),
            excerpt: long('excerpt', 400),
            url: url(e),
            author: long('author', 50),
            account: long('account', 50),
          })).items,
        }),
      300,
    ),
    tips: capped(
      500,
      (n) => tip(n, { title: long(`tip ${n}`, 800), url: url(n), author: long('a', 90) }),
      1000,
    ),
    citedTips: capped(300, (n) => ({
      id: n,
      title: long('cited', 800),
      author: 'Rita',
      url: url(n),
      citations: n,
    })),
    research: capped(300, (n) => tip(n, { kind: 'expert', title: long('research', 800), url: url(n) })),
    triggers: capped(300, (n) => ({
      id: n,
      type: 'funding' as const,
      typeLabel: 'Funding round',
      title: long('trigger', 800),
      url: url(n),
      occurredAt: WEEK.from,
      account: long('account', 100),
    })),
    gaps: {
      unanswered: { ...capped(300, question), askedInPrivate: 40 },
      notHelpful: { ...capped(300, (n) => ({ ...question(n), votes: n })), askedInPrivate: 7 },
      reviewQueueSize: 9999,
    },
    contributors: capped(300, (n) => ({ person: long(`rep ${n}`, 100), entries: n }), 50),
  });
}
