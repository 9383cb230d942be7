import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { EarshotError } from '../../src/errors.ts';
import type { Entry } from '../../src/knowledge/entry.ts';
import { SLACK_LIMITS } from '../../src/slack/blocks/block-limits.ts';
import {
  CURATION_ACTIONS,
  encodeEntryValue,
  parseEntryValue,
} from '../../src/slack/blocks/entry-action-values.ts';
import { HOME_MAX_BLOCKS, type HomeInput, homeView } from '../../src/slack/blocks/home-blocks.ts';
import { entryFixture } from '../helpers/entry-fixture.ts';
import { blockText, buttons, links, NOW } from './answers.ts';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY);

/** An entry as the store returns it, three days old; pass only what the test is about. */
function entry(overrides: Partial<Entry> & Pick<Entry, 'id'>): Entry {
  return entryFixture({ createdAt: inDays(-3), updatedAt: inDays(-3), ...overrides });
}

function home(overrides: Partial<HomeInput> = {}): types.HomeView {
  return homeView({
    isCurator: true,
    queue: [],
    queueSize: 0,
    dueForReview: [],
    contributions: [],
    now: NOW,
    ...overrides,
  });
}

/** Earshot only renders known blocks; Bolt's type also allows unknown ones. */
const blocksOf = (view: types.HomeView) => view.blocks as types.KnownBlock[];
const textOf = (view: types.HomeView) => blocksOf(view).map(blockText);
const allText = (view: types.HomeView) => textOf(view).join('\n');
const sectionById = (view: types.HomeView, id: string) =>
  blocksOf(view).find(
    (block): block is types.SectionBlock => block.type === 'section' && block.block_id === id,
  );
const curationButtons = (view: types.HomeView) =>
  [
    ...buttons(blocksOf(view)),
    ...blocksOf(view).flatMap((block) =>
      block.type === 'section' && block.accessory?.type === 'button' ? [block.accessory] : [],
    ),
  ].filter((button) => Object.values(CURATION_ACTIONS).some((id) => id === button.action_id));

/** What Slack checks before it accepts a Home view. */
function expectValidHome(view: types.HomeView) {
  expect(blocksOf(view).length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
  const ids = blocksOf(view).flatMap((block) => (block.block_id ? [block.block_id] : []));
  expect(new Set(ids).size).toBe(ids.length);
  for (const block of blocksOf(view)) {
    expect(block.block_id?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.blockId);
    if (block.type === 'section') {
      expect(block.text?.text.length).toBeGreaterThan(0);
      expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    if (block.type === 'context')
      expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
    if (block.type === 'actions') expect(block.elements.length).toBeLessThanOrEqual(25);
  }
  for (const button of curationButtons(view)) {
    expect(button.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
    expect(button.value?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
  }
  for (const mrkdwn of textOf(view)) {
    expect(mrkdwn.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    // A `>` opening a line is a block quote, not markup.
    expect(mrkdwn.replace(/^>/gm, '').replace(/<[^<>|]+\|[^<>]*>/g, '')).not.toMatch(/[<>]/);
  }
}

describe('homeView for a curator', () => {
  const queued = [
    entry({
      id: 7,
      kind: 'tip',
      title: 'Lead with SCIM',
      body: 'When SSO comes up, mention SCIM provisioning right away.\nBuyers love it.',
      sourceAuthor: 'Maya',
      sourceChannel: '#field-intel',
      sourceUrl: 'https://acme.slack.com/archives/C1/p1700?thread=1&x=2',
      topics: ['sso', 'scim'],
      stage: 'evaluate',
      createdAt: new Date('2026-10-20T09:00:00Z'),
    }),
    entry({
      id: 3,
      title: 'Kessler wants SAP',
      audience: 'G_PRIVATE',
      createdAt: new Date('2026-10-25T00:00:00Z'),
    }),
  ];

  it('lists the review queue in the order given, each entry with its kind, title, excerpt and source', () => {
    const view = home({ queue: queued, queueSize: 2 });

    expect(textOf(view)[0]).toBe('*Review queue* (2 pending, oldest first)');
    const first = sectionById(view, 'earshot_queue_7')?.text?.text ?? '';
    expect(first.split('\n')).toEqual([
      'Seller tip · *Lead with SCIM*',
      'When SSO comes up, mention SCIM provisioning right away. Buyers love it.',
      'from Maya in #field-intel, 2026-10-20 · <https://acme.slack.com/archives/C1/p1700?thread=1&amp;x=2|source>',
      'Topics: sso, scim · Stage: evaluate',
    ]);
    const order = blocksOf(view).flatMap((block) =>
      block.block_id?.startsWith('earshot_queue_') ? [block.block_id] : [],
    );
    expect(order).toEqual([
      'earshot_queue_7',
      'earshot_queue_7_actions',
      'earshot_queue_3',
      'earshot_queue_3_actions',
    ]);
    expectValidHome(view);
  });

  it('gives each queued entry Approve, Edit, Merge and a confirmed Reject, all carrying its id', () => {
    const view = home({ queue: queued, queueSize: 2 });
    const actions = blocksOf(view).find(
      (block): block is types.ActionsBlock =>
        block.type === 'actions' && block.block_id === 'earshot_queue_3_actions',
    );
    const row = (actions?.elements ?? []) as types.Button[];

    expect(row.map((button) => [button.text.text, button.action_id, button.style])).toEqual([
      ['Approve', CURATION_ACTIONS.approve, 'primary'],
      ['Edit', CURATION_ACTIONS.edit, undefined],
      ['Merge into…', CURATION_ACTIONS.merge, undefined],
      ['Reject', CURATION_ACTIONS.reject, 'danger'],
    ]);
    for (const button of row) expect(parseEntryValue(button.value)).toEqual({ e: 3 });
    const reject = row[3];
    expect(reject?.confirm).toMatchObject({
      title: { text: 'Reject this entry?' },
      text: { type: 'plain_text', text: expect.stringContaining('Kessler wants SAP') },
      confirm: { text: 'Reject' },
      style: 'danger',
    });
    expect(row[0]?.confirm).toBeUndefined();
  });

  it('marks an entry from a private conversation, and only that one', () => {
    const view = home({ queue: queued, queueSize: 2 });

    expect(sectionById(view, 'earshot_queue_3')?.text?.text).toContain('🔒 private to its channel');
    expect(sectionById(view, 'earshot_queue_7')?.text?.text).not.toContain('private');
  });

  it('escapes entry text so it cannot ping a channel or forge a link', () => {
    const view = home({
      queue: [
        entry({
          id: 9,
          title: '<!channel> & friends',
          body: 'See <https://evil.example.com|your bank> now',
          sourceAuthor: '<@U123>',
          topics: ['r&d'],
        }),
      ],
      queueSize: 1,
    });
    const text = sectionById(view, 'earshot_queue_9')?.text?.text ?? '';

    expect(text).toContain('*&lt;!channel&gt; &amp; friends*');
    expect(text).toContain('&lt;https://evil.example.com|your bank&gt;');
    expect(text).toContain('from &lt;@U123&gt;');
    expect(text).toContain('Topics: r&amp;d');
    expect(links(allText(view))).toEqual([]);
    expectValidHome(view);
  });

  it('says when nothing is waiting', () => {
    const view = home({ queue: [], queueSize: 0 });

    expect(textOf(view)[0]).toBe('*Review queue*\nNothing waiting for review.');
    expect(buttons(blocksOf(view))).toEqual([]);
  });

  it('says how many more are waiting than are shown', () => {
    const view = home({ queue: queued, queueSize: 12 });

    expect(textOf(view)[0]).toBe('*Review queue* (12 pending, oldest first)');
    expect(allText(view)).toContain('…and 10 more waiting for review');
  });

  it('shows published entries due for review: overdue, due today and upcoming, most overdue first', () => {
    const view = home({
      dueForReview: [
        entry({
          id: 21,
          status: 'published',
          title: 'Pricing sheet',
          reviewBy: new Date('2026-11-10T00:00:00Z'),
        }),
        entry({
          id: 22,
          status: 'published',
          title: 'Old SSO survey',
          kind: 'research',
          reviewBy: inDays(-30),
        }),
        entry({ id: 23, status: 'published', title: 'Today', reviewBy: new Date('2026-11-02T00:00:00Z') }),
        entry({ id: 24, status: 'published', title: 'Far away', reviewBy: inDays(40) }),
        entry({ id: 25, status: 'archived', title: 'Archived', reviewBy: inDays(-1) }),
        entry({ id: 26, status: 'published', title: 'No date' }),
      ],
    });
    const text = allText(view);
    const due = text.slice(text.indexOf('*Due for review*'));

    expect(due.split('\n').filter((line) => / · (overdue|due) /.test(line))).toEqual([
      'Research · *Old SSO survey* · overdue since 2026-10-03',
      'Field intel · *Today* · due today',
      'Field intel · *Pricing sheet* · due 2026-11-10',
    ]);
    for (const title of ['Far away', 'Archived', 'No date']) expect(text).not.toContain(title);
    const row = blocksOf(view).find((block) => block.block_id === 'earshot_due_22_actions');
    const buttons = row?.type === 'actions' ? (row.elements as types.Button[]) : [];
    expect(buttons.map((button) => [button.action_id, button.text.text])).toEqual([
      ['earshot_due_reviewed', 'Mark reviewed'],
      ['earshot_due_edit', 'Edit'],
    ]);
    for (const button of buttons) expect(parseEntryValue(button.value)).toEqual({ e: 22 });
    expectValidHome(view);
  });

  it('says when nothing is due', () => {
    expect(allText(home())).toContain('*Due for review*\nNothing due in the next 14 days.');
  });

  it('shows the curator their own contributions too', () => {
    const view = home({
      queue: queued,
      queueSize: 2,
      contributions: [{ entry: entry({ id: 40, title: 'My tip', status: 'published' }), citations: 2 }],
    });
    const text = allText(view);

    expect(text.indexOf('*Review queue*')).toBeLessThan(text.indexOf('*Due for review*'));
    expect(text.indexOf('*Due for review*')).toBeLessThan(text.indexOf('*Your contributions*'));
    expect(text).toContain('• *My tip* — Field intel · published · cited 2 times');
  });
});

describe('homeView for a rep', () => {
  const contributions = [
    {
      entry: entry({
        id: 1,
        title: 'Harborview wants SAML',
        status: 'published',
        sourceUrl: 'https://crm.example.com/1',
      }),
      citations: 5,
    },
    { entry: entry({ id: 2, title: 'Lead with SCIM', kind: 'tip', status: 'pending' }), citations: 0 },
    { entry: entry({ id: 3, title: 'Off-topic', status: 'rejected' }), citations: 0 },
    { entry: entry({ id: 4, title: 'Old pricing', status: 'archived' }), citations: 1 },
  ];

  it('shows only their contributions, with status and how often each was cited', () => {
    const view = home({
      isCurator: false,
      queue: [entry({ id: 9, title: 'Someone else’s capture' })],
      queueSize: 1,
      dueForReview: [entry({ id: 10, status: 'published', title: 'Due thing', reviewBy: inDays(-1) })],
      contributions,
    });

    expect(textOf(view).slice(0, 2)).toEqual([
      '*Your contributions*',
      [
        '• *<https://crm.example.com/1|Harborview wants SAML>* — Field intel · published · cited 5 times',
        '• *Lead with SCIM* — Seller tip · pending review · not cited yet',
        '• *Off-topic* — Field intel · rejected · not cited yet',
        '• *Old pricing* — Field intel · archived · cited 1 time',
      ].join('\n'),
    ]);
    expect(allText(view)).toContain('*What you can do*');
    expectValidHome(view);
  });

  it('never shows a rep the queue, due reviews or any curation button', () => {
    const view = home({
      isCurator: false,
      queue: [entry({ id: 9, title: 'Someone else’s capture' })],
      queueSize: 1,
      dueForReview: [entry({ id: 10, status: 'published', title: 'Due thing', reviewBy: inDays(-1) })],
      contributions,
    });
    const json = JSON.stringify(view);

    expect(curationButtons(view)).toEqual([]);
    for (const id of Object.values(CURATION_ACTIONS)) expect(json).not.toContain(id);
    for (const hidden of ['Review queue', 'Due for review', 'Someone else', 'Due thing']) {
      expect(json).not.toContain(hidden);
    }
  });

  it('tells a rep with nothing shared yet how to share', () => {
    const view = home({ isCurator: false });

    expect(textOf(view)[0]).toBe(
      "*Your contributions*\nNothing yet. React with :bulb: on a useful message or use *Save to Earshot* (the message's ⋮ menu) to share one.",
    );
  });
});

describe('homeView limits', () => {
  const long = 'Buyers keep asking about SAML & SCIM <b>. '.repeat(200);
  const many = <T>(count: number, make: (i: number) => T) =>
    Array.from({ length: count }, (_, i) => make(i + 1));

  it('stays within 100 blocks and every text limit with 200 of everything', () => {
    const queue = many(200, (id) =>
      entry({ id, title: long, body: long, sourceAuthor: long, sourceChannel: long, topics: [long] }),
    );
    const view = home({
      queue,
      queueSize: 250,
      dueForReview: many(200, (i) =>
        entry({ id: 1000 + i, status: 'published', title: long, reviewBy: inDays(-i) }),
      ),
      contributions: many(200, (i) => ({ entry: entry({ id: 2000 + i, title: long }), citations: i })),
    });

    expectValidHome(view);
    const shown = blocksOf(view).filter((block) =>
      /^earshot_queue_\d+_actions$/.test(block.block_id ?? ''),
    ).length;
    expect(shown).toBeGreaterThan(0);
    expect(allText(view)).toContain(`…and ${250 - shown} more waiting for review`);
    // The oldest come first, as given.
    expect(sectionById(view, 'earshot_queue_1')).toBeDefined();
    expect(sectionById(view, `earshot_queue_${shown + 1}`)).toBeUndefined();
    expect(allText(view)).toMatch(/…and \d+ more due for review/);
    // Every contribution is shown or counted in a "more" line.
    const listed = allText(view).match(/ — Field intel · pending review · /g)?.length ?? 0;
    const counted = Number(/_…and (\d+) more contributions_/.exec(allText(view))?.[1] ?? 0);
    expect(listed).toBeGreaterThan(0);
    expect(listed + counted).toBe(200);
  });

  it('shows an entry listed twice only once, so block ids stay unique', () => {
    const twice = entry({ id: 5 });
    const view = home({ queue: [twice, twice], queueSize: 2 });

    expectValidHome(view);
    expect(blocksOf(view).filter((block) => block.block_id === 'earshot_queue_5')).toHaveLength(1);
  });
});

describe('parseEntryValue', () => {
  it('reads back what a button was given', () => {
    expect(encodeEntryValue({ e: 42 })).toBe('{"e":42}');
    expect(parseEntryValue(encodeEntryValue({ e: 42 }))).toEqual({ e: 42 });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not JSON', 'e=42'],
    ['JSON null', 'null'],
    ['an array', '[42]'],
    ['no entry', '{}'],
    ['a question value', '{"q":42}'],
    ['a string id', '{"e":"42"}'],
    ['zero', '{"e":0}'],
    ['negative', '{"e":-1}'],
    ['a fraction', '{"e":1.5}'],
    ['unsafe integer', '{"e":1e300}'],
    ['extra keys', '{"e":42,"workspace":"other"}'],
    ['too long', `{"e":42,"pad":"${'x'.repeat(3000)}"}`],
  ])('rejects a tampered value: %s', (_, raw) => {
    let caught: unknown;
    try {
      parseEntryValue(raw);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EarshotError);
    expect(caught).toMatchObject({
      code: 'invalid_input',
      userMessage: 'That button is out of date. Refresh the Home tab.',
    });
  });
});
