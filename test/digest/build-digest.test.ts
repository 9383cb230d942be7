import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { buildDigest, type DigestRequest } from '../../src/digest/build-digest.ts';
import { digestText, QUIET_WEEK } from '../../src/digest/digest-text.ts';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const FROM = new Date('2026-11-16T00:00:00Z');
const TO = new Date('2026-11-23T00:00:00Z');
const IN_PERIOD = new Date('2026-11-18T10:00:00Z');
const BEFORE = new Date('2026-11-10T10:00:00Z');

describe.each(DATABASE_KINDS)('building a digest on %s', (kind) => {
  let db: Database;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
  });
  afterEach(() => db.close());

  const digest = (request: Partial<DigestRequest> = {}) =>
    buildDigest(
      { db, clock: { now: () => TO } },
      { workspaceId: 'acme', from: FROM, to: TO, forCurators: false, ...request },
    );

  const chatter = (overrides: Parameters<typeof seedEntry>[1]) =>
    seedEntry(db, { kind: 'chatter', createdAt: IN_PERIOD, ...overrides });

  const question = async (data: {
    text: string;
    answered: boolean;
    createdAt: Date;
    sourceIds?: number[];
  }) => {
    await ensureWorkspace(db, 'acme');
    return db.prisma.question.create({ data: { workspaceId: 'acme', askedBy: 'U_ASKER', ...data } });
  };

  it('groups new chatter into themes with rep and account counts and cited examples, private content excluded', async () => {
    const first = await chatter({
      topics: ['sso'],
      title: 'Harborview SSO',
      body: 'Long renewal call. Harborview wants Okta SSO before signing.',
      author: 'Maya',
      account: 'Harborview',
      url: 'https://crm.example/harborview',
    });
    const second = await chatter({
      topics: ['sso'],
      author: 'Dan',
      account: 'Kessler',
      url: 'javascript:alert(1)',
    });
    const third = await chatter({ topics: ['SSO'], contributor: 'U_LEE', account: 'Kessler' });
    await chatter({
      topics: ['sso'],
      author: 'Zed',
      account: 'Secretco',
      audience: 'slack:G_PRIVATE',
      title: 'Hush',
    });
    await chatter({ topics: ['sso'], author: 'Olga', account: 'Oldco', createdAt: BEFORE });
    await chatter({ topics: ['sso'], author: 'Olga', account: 'Oldco', createdAt: TO });
    await chatter({ topics: ['sso'], author: 'Pat', account: 'Pendco', status: 'pending' });
    await chatter({ topics: ['sso'], author: 'Wen', account: 'Globexco', workspaceId: 'globex' });
    await chatter({ topics: ['pricing'], author: 'Maya', account: 'Harborview' });
    await chatter({ topics: ['pricing'], author: 'Dan', account: 'Harborview' });
    await seedEntry(db, { kind: 'tip', topics: ['sso'], author: 'Priya', createdAt: IN_PERIOD });

    const result = await digest();

    expect(result.chatter).toEqual({ entries: 5, reps: 3, accounts: 2 });
    expect(result.themes.items.map(({ examples: _examples, ...theme }) => theme)).toEqual([
      { label: 'sso', basis: 'topic', entries: 3, reps: 3, accounts: 2 },
      { label: 'pricing', basis: 'topic', entries: 2, reps: 2, accounts: 1 },
    ]);
    const sso = result.themes.items[0];
    expect(sso?.examples.map((example) => example.id).sort()).toEqual([first.id, second.id, third.id].sort());
    expect(sso?.examples.find((example) => example.id === first.id)).toEqual({
      id: first.id,
      title: 'Harborview SSO',
      excerpt: 'Harborview wants Okta SSO before signing.',
      url: 'https://crm.example/harborview',
      author: 'Maya',
      account: 'Harborview',
    });
    expect(sso?.examples.find((example) => example.id === second.id)?.url).toBeNull();
    expect(sso?.examples.find((example) => example.id === third.id)?.author).toBe('U_LEE');
    expect(result.contributors).toEqual({
      items: [
        { person: 'Dan', entries: 2 },
        { person: 'Maya', entries: 2 },
        { person: 'Priya', entries: 1 },
        { person: 'U_LEE', entries: 1 },
      ],
      more: 0,
    });
    const text = JSON.stringify(result);
    for (const hidden of ['Zed', 'Secretco', 'Hush', 'Olga', 'Pat', 'Wen'])
      expect(text).not.toContain(hidden);
    expect(result.empty).toBe(false);
  });

  it('prefers examples from different reps and groups untagged chatter by title words, the rest last', async () => {
    await chatter({ topics: ['sso'], author: 'Maya', createdAt: new Date('2026-11-20T00:00:00Z') });
    await chatter({ topics: ['sso'], author: 'Maya', createdAt: new Date('2026-11-19T00:00:00Z') });
    const dan = await chatter({
      topics: ['sso'],
      author: 'Dan',
      createdAt: new Date('2026-11-17T00:00:00Z'),
    });
    await chatter({ topics: ['sso'], author: 'Maya', createdAt: new Date('2026-11-18T00:00:00Z') });
    await chatter({ title: 'Okta rollout worries', author: 'Ana', account: 'Kessler' });
    await chatter({ title: 'Pushback on Okta pricing', author: 'Ben', account: 'Kessler' });
    await chatter({ title: 'The buyer asked about okta', author: 'Ana', account: 'Harborview' });
    await chatter({ title: 'Random note', author: 'Cy' });

    const result = await digest({ limits: { examples: 2 } });
    const sso = result.themes.items.find((theme) => theme.label === 'sso');
    expect(sso?.examples.map((example) => example.author)).toEqual(['Maya', 'Dan']);
    expect(sso?.examples[1]?.id).toBe(dan.id);
    expect(
      result.themes.items.map(({ label, basis, entries, reps, accounts }) => [
        label,
        basis,
        entries,
        reps,
        accounts,
      ]),
    ).toEqual([
      ['sso', 'topic', 4, 2, 0],
      ['okta', 'title-word', 3, 2, 2],
      ['Other', 'other', 1, 1, 0],
    ]);
  });

  it('credits new tips to their authors and counts how often older tips were cited in the period', async () => {
    const oldTip = await seedEntry(db, {
      kind: 'tip',
      title: 'Lead with the ROI calculator',
      author: 'Rita',
      createdAt: BEFORE,
    });
    const quietTip = await seedEntry(db, { kind: 'tip', title: 'Old and uncited', createdAt: BEFORE });
    const privateTip = await seedEntry(db, {
      kind: 'tip',
      title: 'Private trick',
      createdAt: BEFORE,
      audience: 'slack:D_1',
    });
    const newTip = await seedEntry(db, {
      kind: 'tip',
      title: 'Send the SOC 2 report early',
      author: 'Sam',
      createdAt: IN_PERIOD,
    });
    await seedEntry(db, {
      kind: 'tip',
      title: 'Shared by a curator',
      contributor: 'U_CURATOR',
      createdAt: IN_PERIOD,
    });
    await question({
      text: 'roi?',
      answered: true,
      createdAt: IN_PERIOD,
      sourceIds: [oldTip.id, privateTip.id, newTip.id],
    });
    await question({ text: 'roi again?', answered: true, createdAt: IN_PERIOD, sourceIds: [oldTip.id] });
    await question({
      text: 'roi last month?',
      answered: true,
      createdAt: BEFORE,
      sourceIds: [oldTip.id, quietTip.id],
    });

    const result = await digest();

    expect(result.tips.items.map((tip) => [tip.title, tip.author])).toEqual(
      expect.arrayContaining([
        ['Send the SOC 2 report early', 'Sam'],
        ['Shared by a curator', 'U_CURATOR'],
      ]),
    );
    expect(result.tips.items).toHaveLength(2);
    expect(result.citedTips).toEqual({
      items: [
        { id: oldTip.id, title: 'Lead with the ROI calculator', author: 'Rita', url: null, citations: 2 },
      ],
      more: 0,
    });
    expect(JSON.stringify(result)).not.toContain('Private trick');
  });

  it('lists new research and expert entries apart from chatter and tips', async () => {
    await seedEntry(db, { kind: 'research', title: 'Win/loss Q3', createdAt: IN_PERIOD });
    await seedEntry(db, { kind: 'expert', title: 'SSO deep dive', createdAt: IN_PERIOD });
    await seedEntry(db, { kind: 'research', title: 'Old survey', createdAt: BEFORE });
    await seedEntry(db, {
      kind: 'research',
      title: 'Private survey',
      createdAt: IN_PERIOD,
      audience: 'slack:G_X',
    });
    const result = await digest();
    expect(result.research.items.map((entry) => [entry.kind, entry.title]).sort()).toEqual([
      ['expert', 'SSO deep dive'],
      ['research', 'Win/loss Q3'],
    ]);
  });

  it('keeps only entries with one of the requested topics, whatever their case; triggers are unaffected', async () => {
    await chatter({ topics: ['SSO', 'pricing'], author: 'Maya' });
    await chatter({ topics: ['healthcare'], author: 'Dan' });
    await chatter({ title: 'No topics here', author: 'Ana' });
    await seedEntry(db, { kind: 'tip', topics: ['sso'], title: 'SSO tip', createdAt: IN_PERIOD });
    await seedEntry(db, {
      kind: 'tip',
      topics: ['healthcare'],
      title: 'Healthcare tip',
      createdAt: IN_PERIOD,
    });
    await seedEntry(db, {
      kind: 'research',
      topics: ['Healthcare'],
      title: 'Healthcare study',
      createdAt: IN_PERIOD,
    });
    await db.prisma.triggerEvent.create({
      data: {
        workspaceId: 'acme',
        type: 'news',
        title: 'Unrelated news',
        occurredAt: IN_PERIOD,
        dedupeKey: 'n1',
        source: 'test',
      },
    });

    const result = await digest({ topics: [' sso '] });

    expect(result.topics).toEqual(['sso']);
    expect(result.themes.items.map((theme) => [theme.label, theme.entries])).toEqual([
      ['pricing', 1],
      ['sso', 1],
    ]);
    expect(result.chatter.entries).toBe(1);
    expect(result.tips.items.map((tip) => tip.title)).toEqual(['SSO tip']);
    expect(result.research.items).toEqual([]);
    expect(result.contributors.items.map((contributor) => contributor.person)).toEqual(['Maya']);
    expect(result.triggers.items.map((trigger) => trigger.title)).toEqual(['Unrelated news']);
  });

  it('lists the buying triggers of the period with their account and type', async () => {
    await ensureWorkspace(db, 'acme');
    const account = await db.prisma.account.create({
      data: {
        workspaceId: 'acme',
        name: 'Harborview Health',
        nameKey: 'harborview health',
        ownerEmail: 'maya@example.com',
      },
    });
    const trigger = (
      data: { title: string; occurredAt?: Date; workspaceId?: string } & Record<string, unknown>,
    ) =>
      db.prisma.triggerEvent.create({
        data: {
          workspaceId: 'acme',
          type: 'funding',
          occurredAt: IN_PERIOD,
          dedupeKey: data.title,
          source: 'test',
          ...data,
        },
      });
    await trigger({
      title: 'Series C',
      accountId: account.id,
      accountName: 'Harborview',
      url: 'https://news.example/c',
    });
    await trigger({
      title: 'New CIO',
      type: 'exec_hire',
      accountName: 'Kessler GmbH',
      occurredAt: new Date('2026-11-20T00:00:00Z'),
    });
    await trigger({
      title: 'Opened Berlin office',
      type: 'expansion',
      accountDomain: 'globex.example',
      occurredAt: new Date('2026-11-17T00:00:00Z'),
    });
    await trigger({ title: 'Last month', occurredAt: BEFORE });
    await ensureWorkspace(db, 'globex');
    await trigger({ title: 'Elsewhere', workspaceId: 'globex' });

    const result = await digest();

    expect(
      result.triggers.items.map(({ typeLabel, title, account: name }) => [typeLabel, title, name]),
    ).toEqual([
      ['New executive', 'New CIO', 'Kessler GmbH'],
      ['Funding round', 'Series C', 'Harborview Health'],
      ['Expansion', 'Opened Berlin office', 'globex.example'],
    ]);
    expect(result.triggers.items[1]?.url).toBe('https://news.example/c');
    expect(result.empty).toBe(false);
  });

  it('shows content gaps and the review queue to curators only', async () => {
    const unanswered = await question({ text: 'Do we support SCIM?', answered: false, createdAt: IN_PERIOD });
    await question({ text: 'Old unanswered', answered: false, createdAt: BEFORE });
    const answered = await question({ text: 'What about SSO?', answered: true, createdAt: BEFORE });
    await db.prisma.questionFeedback.createMany({
      data: [
        { questionId: answered.id, userId: 'U_1', helpful: false, createdAt: IN_PERIOD },
        { questionId: answered.id, userId: 'U_2', helpful: false, createdAt: IN_PERIOD },
        { questionId: answered.id, userId: 'U_3', helpful: true, createdAt: IN_PERIOD },
        { questionId: unanswered.id, userId: 'U_4', helpful: false, createdAt: BEFORE },
      ],
    });
    await seedEntry(db, { status: 'pending', createdAt: BEFORE });
    await seedEntry(db, { status: 'pending' });
    await seedEntry(db, { status: 'pending', audience: 'slack:G_PRIVATE' });

    expect((await digest()).gaps).toBeNull();
    const result = await digest({ forCurators: true });

    expect(result.gaps?.unanswered).toEqual({
      items: [{ id: unanswered.id, text: 'Do we support SCIM?', askedAt: IN_PERIOD, askedBy: 'U_ASKER' }],
      more: 0,
      askedInPrivate: 0,
    });
    expect(result.gaps?.notHelpful.items.map((item) => [item.text, item.votes])).toEqual([
      ['What about SSO?', 2],
    ]);
    expect(result.gaps?.reviewQueueSize).toBe(2);
    expect(result.empty).toBe(false);
  });

  it('says a period with nothing new is empty', async () => {
    await chatter({ topics: ['sso'], createdAt: BEFORE });
    await chatter({ topics: ['sso'], audience: 'slack:G_PRIVATE' });
    await seedEntry(db, { status: 'pending' });
    const result = await digest({ forCurators: true });
    expect(result.empty).toBe(true);
    expect(result.themes).toEqual({ items: [], more: 0 });
    expect(result.contributors).toEqual({ items: [], more: 0 });
    expect(result.gaps?.reviewQueueSize).toBe(1);
    expect(digestText(result)).toContain(QUIET_WEEK);
  });

  it('caps each list and says how many more there are, unless the full digest is asked for', async () => {
    for (let i = 0; i < 7; i++) {
      await chatter({ topics: [`topic-${i}`], author: `Rep ${i}` });
      await chatter({ topics: [`topic-${i}`], author: `Rep ${i}` });
    }
    for (let i = 0; i < 12; i++)
      await seedEntry(db, { kind: 'tip', createdAt: IN_PERIOD, author: `Tipster ${i}` });

    const capped = await digest();
    expect(capped.themes.items).toHaveLength(5);
    expect(capped.themes.more).toBe(2);
    expect(capped.tips.items).toHaveLength(10);
    expect(capped.tips.more).toBe(2);
    expect(capped.contributors.items).toHaveLength(5);
    expect(capped.contributors.more).toBe(14);

    const few = await digest({ limits: { tips: 3 } });
    expect([few.tips.items.length, few.tips.more]).toEqual([3, 9]);

    const full = await digest({ limits: 'full' });
    expect([full.themes.items.length, full.themes.more]).toEqual([7, 0]);
    expect([full.tips.items.length, full.tips.more]).toEqual([12, 0]);
    expect([full.contributors.items.length, full.contributors.more]).toEqual([19, 0]);
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(digest({ from: TO, to: FROM })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
