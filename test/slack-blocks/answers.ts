import type { types } from '@slack/bolt';
import { expect } from 'vitest';
import type { Answer, Source } from '../../src/knowledge/answer/answer-types.ts';
import { SLACK_LIMITS } from '../../src/slack/blocks/block-limits.ts';

export const NOW = new Date('2026-11-02T12:00:00Z');
const DAY = 86_400_000;
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

/** A source with defaults; pass only what the test is about. */
export function source(overrides: Partial<Source> & Pick<Source, 'n'>): Source {
  return {
    id: 100 + overrides.n,
    externalId: null,
    kind: 'chatter',
    title: `Source ${overrides.n}`,
    url: null,
    author: null,
    account: null,
    channel: null,
    createdAt: daysAgo(3),
    score: 1,
    ...overrides,
  };
}

/** A heard answer about SSO: two field statements, one research statement, sources with and without urls. */
export function heardAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'What are you hearing about SSO?',
    subject: 'SSO',
    heard: true,
    field: {
      summary: {
        entries: 5,
        reps: 5,
        accounts: 4,
        windowDays: 30,
        newest: daysAgo(3),
        headline: '5 reps across 4 accounts in the last 30 days',
      },
      statements: [
        { text: 'Buyers want SAML before they sign.', citations: [1, 2] },
        { text: 'Okta is the identity provider most prospects name.', citations: [3] },
      ],
    },
    objective: {
      statements: [{ text: 'Analysts rank SSO as a top-three security requirement.', citations: [4] }],
    },
    sources: [
      source({
        n: 1,
        title: 'Harborview wants SAML',
        url: 'https://crm.example.com/notes/1',
        author: 'Maya',
        account: 'Harborview',
        createdAt: daysAgo(3),
      }),
      source({ n: 2, kind: 'tip', title: 'Lead with SCIM', url: 'https://wiki.example.com/tips/scim' }),
      source({
        n: 3,
        title: 'Kessler call notes',
        author: 'Dan',
        account: 'Kessler',
        externalId: 'C1/1700.1',
      }),
      source({
        n: 4,
        kind: 'research',
        title: 'Identity survey 2026',
        url: 'https://research.example.com/identity?year=2026&part=2',
        author: 'Gartnerish',
        createdAt: new Date('2026-09-15T00:00:00Z'),
      }),
    ],
    model: null,
    questionId: 42,
    ...overrides,
  };
}

export function notHeardAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'What are you hearing about carbon accounting?',
    subject: 'carbon accounting',
    heard: false,
    field: {
      summary: {
        entries: 0,
        reps: 0,
        accounts: 0,
        windowDays: null,
        newest: null,
        headline: 'No field chatter or tips yet',
      },
      statements: [],
    },
    objective: { statements: [] },
    sources: [],
    model: null,
    questionId: 7,
    ...overrides,
  };
}

/** The mrkdwn a rep reads in one block. */
export function blockText(block: types.KnownBlock): string {
  if (block.type === 'section') return block.text?.text ?? '';
  if (block.type === 'context') return block.elements.map((e) => ('text' in e ? e.text : '')).join('\n');
  return '';
}

export function buttons(blocks: types.KnownBlock[]): types.Button[] {
  return blocks.flatMap((block) =>
    block.type === 'actions' ? block.elements.filter((e): e is types.Button => e.type === 'button') : [],
  );
}

/** Every `<target|label>` link in some mrkdwn, as [target, label] pairs. */
export function links(mrkdwn: string): Array<[string, string]> {
  return [...mrkdwn.matchAll(/<([^|<>]+)\|([^<>]*)>/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

/** Asserts the message would pass Slack's validation: counts, lengths, well-formed escapes and links. */
export function expectWithinSlackLimits(message: { text: string; blocks: types.KnownBlock[] }) {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  for (const block of message.blocks) {
    expect(block.block_id?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.blockId);
    if (block.type === 'section') {
      expect(block.text?.text.length).toBeGreaterThan(0);
      expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    if (block.type === 'context') {
      expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
      for (const element of block.elements) {
        if ('text' in element) expect(element.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
      }
    }
  }
  for (const button of buttons(message.blocks)) {
    expect(button.value?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
    expect(button.action_id?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.actionId);
    expect(button.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
  }
  for (const mrkdwn of [message.text, ...message.blocks.map(blockText)]) {
    // A cut must never leave half an entity or half a link behind.
    expect(mrkdwn.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    expect(mrkdwn.replace(/<[^<>|]+\|[^<>]*>/g, '')).not.toMatch(/[<>]/);
  }
}
