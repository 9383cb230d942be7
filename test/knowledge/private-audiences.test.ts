import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { buildDigest } from '../../src/digest/build-digest.ts';
import { digestText } from '../../src/digest/digest-text.ts';
import type { CapturedMessage } from '../../src/knowledge/capture/captured-message.ts';
import { mergeEntry } from '../../src/knowledge/curation/merge-entry.ts';
import { reviewQueue } from '../../src/knowledge/curation/review-queue.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const TEAM = 'T_TEAM';
const LINK = 'https://docs.example.com/soc2-report';
/** Said in the private deal room: the label names the account and the price. */
const PRIVATE_TEXT = `Secretco will sign if we match Ledgerline, see <${LINK}|Secretco 40% discount memo>`;
/** The same link posted in the open, with a harmless label: the content hash cannot tell them apart. */
const PUBLIC_TEXT = `Secretco will sign if we match Ledgerline, see <${LINK}|our SOC 2 report>`;
/** Everything about the private message that must never show outside its channel. */
const PRIVATE_MARKS = ['40% discount memo', 'deal-room', 'Zed Hidden', 'U_ZED', '/archives/G_DEALS/'];

const message = (overrides: Partial<CapturedMessage>): CapturedMessage => ({
  workspaceId: TEAM,
  platform: 'slack',
  conversationId: 'C_FIELD',
  conversationName: '#field-intel',
  isPrivate: false,
  messageId: '1763000000.000100',
  authorId: 'U_MAYA',
  authorName: 'Maya Okafor',
  text: PUBLIC_TEXT,
  permalink: 'https://earshot-test.slack.com/archives/C_FIELD/p1763000000000100',
  postedAt: new Date('2026-11-18T10:00:00Z'),
  ...overrides,
});

const inDealRoom = (overrides: Partial<CapturedMessage> = {}) =>
  message({
    conversationId: 'G_DEALS',
    conversationName: '#deal-room',
    isPrivate: true,
    messageId: '1763000000.000050',
    authorId: 'U_ZED',
    authorName: 'Zed Hidden',
    text: PRIVATE_TEXT,
    permalink: 'https://earshot-test.slack.com/archives/G_DEALS/p1763000000000050',
    ...overrides,
  });

describe.each(DATABASE_KINDS)('private audiences on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
  });
  afterEach(() => earshot.close());

  const capture = (captured: CapturedMessage) => earshot.capture({ message: captured, kind: 'chatter' });
  const publishAll = () => db.prisma.entry.updateMany({ data: { status: 'published' } });
  const entries = () => db.prisma.entry.findMany({ where: { workspaceId: TEAM }, orderBy: { id: 'asc' } });

  it('keeps a private capture private when the same text is posted in the open, and reveals nothing of it', async () => {
    const secret = await capture(inDealRoom());
    const open = await capture(message({}));

    expect(secret.outcome).toBe('created');
    expect(open.outcome).toBe('created');
    expect(open.entry.id).not.toBe(secret.entry.id);
    expect(open.entry).toMatchObject({
      audience: null,
      sourceChannel: '#field-intel',
      sourceAuthor: 'Maya Okafor',
      sourceUrl: message({}).permalink,
    });
    expect(JSON.stringify(open.entry)).not.toMatch(/discount memo|deal-room|Zed/);
    expect(await entries()).toMatchObject([
      { id: secret.entry.id, audience: 'slack:G_DEALS', sourceAuthor: 'Zed Hidden' },
      { id: open.entry.id, audience: null },
    ]);

    await publishAll();
    const answer = await earshot.ask({
      workspaceId: TEAM,
      question: 'What are you hearing about Secretco and Ledgerline?',
      platform: 'slack',
      channel: 'C_GENERAL',
    });
    expect(answer.sources.map((source) => source.id)).toEqual([open.entry.id]);
    const shown = JSON.stringify(answer);
    for (const mark of PRIVATE_MARKS) expect(shown).not.toContain(mark);

    const digest = digestText(
      await buildDigest(
        { db },
        {
          workspaceId: TEAM,
          from: new Date('2026-11-16T00:00:00Z'),
          to: new Date('2026-11-23T00:00:00Z'),
          forCurators: true,
          limits: 'full',
        },
      ),
    );
    expect(digest).toContain('our SOC 2 report');
    for (const mark of PRIVATE_MARKS) expect(digest).not.toContain(mark);
  });

  it('never narrows a public entry when its text is later posted privately', async () => {
    const open = await capture(message({}));
    const secret = await capture(inDealRoom({ text: PUBLIC_TEXT }));
    expect(secret.outcome).toBe('created');
    expect(await entries()).toMatchObject([
      { id: open.entry.id, audience: null },
      { id: secret.entry.id, audience: 'slack:G_DEALS' },
    ]);
  });

  it('merges repeats within one audience only, and keys conversations by platform', async () => {
    const first = await capture(inDealRoom());
    const repeat = await capture(inDealRoom({ messageId: '1763000000.000060' }));
    const otherRoom = await capture(
      inDealRoom({ conversationId: 'G_OTHER', messageId: '1763000000.000070' }),
    );
    const sameIdOnTeams = await capture(
      inDealRoom({ platform: 'teams', conversationId: 'G_DEALS', messageId: '1763000000.000080' }),
    );
    const openFirst = await capture(message({}));
    const openRepeat = await capture(
      message({ conversationId: 'C_GENERAL', messageId: '1763000000.000200' }),
    );

    expect([repeat.outcome, repeat.entry.id]).toEqual(['merged', first.entry.id]);
    expect([otherRoom.outcome, otherRoom.entry.audience]).toEqual(['created', 'slack:G_OTHER']);
    expect([sameIdOnTeams.outcome, sameIdOnTeams.entry.audience]).toEqual(['created', 'teams:G_DEALS']);
    expect([openRepeat.outcome, openRepeat.entry.id]).toEqual(['merged', openFirst.entry.id]);
    expect((await entries()).map((entry) => entry.audience)).toEqual([
      'slack:G_DEALS',
      'slack:G_OTHER',
      'teams:G_DEALS',
      null,
    ]);
  });

  it('ignores an edit that arrives from a conversation made private after the capture', async () => {
    const open = await capture(
      message({ text: 'Harborview asked about SSO pricing again on the renewal call.' }),
    );
    const edited = await earshot.updateCaptured({
      ...message({}),
      isPrivate: true,
      text: 'Harborview gets 40% off, keep it in this room.',
    });
    expect(edited).toBeNull();
    expect((await earshot.entries.get(TEAM, open.entry.id)).body).not.toContain('40% off');

    const followed = await earshot.updateCaptured({
      ...message({}),
      text: 'Harborview asked about SCIM too.',
    });
    expect(followed?.body).toBe('Harborview asked about SCIM too.');
  });

  it('merges by hand only entries with the same audience, in both directions', async () => {
    const open = await seedEntry(db, { workspaceId: TEAM, body: 'Public note about SSO.' });
    const secret = await seedEntry(db, {
      workspaceId: TEAM,
      body: 'Deal room secret.',
      status: 'pending',
      audience: 'slack:G_DEALS',
    });
    const sameRoom = await seedEntry(db, {
      workspaceId: TEAM,
      body: 'Earlier note.',
      audience: 'slack:G_DEALS',
    });
    const merge = (sourceId: number, targetId: number) =>
      mergeEntry(db, { workspaceId: TEAM, sourceId, targetId });

    await expect(merge(secret.id, open.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(merge(open.id, secret.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await entries()).toMatchObject([
      { id: open.id, status: 'published', body: 'Public note about SSO.', audience: null },
      { id: secret.id, status: 'pending', body: 'Deal room secret.' },
      { id: sameRoom.id },
    ]);
    const merged = await merge(secret.id, sameRoom.id);
    expect(merged).toMatchObject({ audience: 'slack:G_DEALS', body: 'Earlier note.\n\nDeal room secret.' });
  });

  it('refuses an import that would overwrite a private capture, and stores nothing of the file', async () => {
    const secret = await capture(inDealRoom());
    const externalId = secret.entry.externalId ?? '';
    const dir = await mkdtemp(path.join(tmpdir(), 'earshot-import-'));
    const file = path.join(dir, 'entries.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify({ externalId: 'fresh-1', kind: 'tip', body: 'A new public tip.' }),
        JSON.stringify({ externalId, kind: 'tip', body: 'Replaced in public.', status: 'published' }),
      ].join('\n'),
    );

    await expect(earshot.importFiles({ workspaceId: TEAM, files: [file] })).rejects.toMatchObject({
      code: 'import_invalid',
      message: expect.stringContaining(`${file} line 2: field "externalId"`),
    });
    expect(await entries()).toMatchObject([
      { id: secret.entry.id, body: secret.entry.body, status: 'pending', audience: 'slack:G_DEALS' },
    ]);
  });

  it('lists a conversation only the review queue it may see, counting the rest', async () => {
    await seedEntry(db, {
      workspaceId: TEAM,
      title: 'open',
      status: 'pending',
      createdAt: new Date('2026-11-01'),
    });
    await seedEntry(db, {
      workspaceId: TEAM,
      title: 'elsewhere',
      status: 'pending',
      audience: 'teams:19:other@thread.tacv2',
      createdAt: new Date('2026-11-02'),
    });
    await seedEntry(db, {
      workspaceId: TEAM,
      title: 'here',
      status: 'pending',
      audience: 'teams:19:here@thread.tacv2',
      createdAt: new Date('2026-11-03'),
    });
    const queue = await reviewQueue(db, TEAM, 10, 'teams:19:here@thread.tacv2');
    expect(queue.entries.map((entry) => entry.title)).toEqual(['open', 'here']);
    expect(queue.size).toBe(3);
  });

  it('shares a "nothing heard" answer only where the entries it listed as closest may be seen', async () => {
    await seedEntry(db, {
      workspaceId: TEAM,
      title: 'Calder went live on Workday',
      body: 'Calder went live on the Workday connector last month; the controller was thrilled with the rollout.',
      audience: 'slack:G_DEALS',
    });
    const asked = await earshot.ask({
      workspaceId: TEAM,
      question: 'How long does a Workday rollout take?',
      platform: 'slack',
      channel: 'G_DEALS',
    });
    expect(asked.heard).toBe(false);
    expect(asked.closest?.map((source) => source.title)).toEqual(['Calder went live on Workday']);
    const questionId = asked.questionId ?? 0;
    await expect(earshot.questions.answerToShare(TEAM, questionId, 'slack:C_GENERAL')).rejects.toMatchObject({
      code: 'forbidden',
    });
    const shared = await earshot.questions.answerToShare(TEAM, questionId, 'slack:G_DEALS');
    // Stored as JSON, given back with its dates as dates, so it renders as it did when asked.
    expect(shared?.closest?.[0]?.createdAt).toBeInstanceOf(Date);
  });

  it('shares an answer only where everything it drew on may be seen', async () => {
    await seedEntry(db, {
      workspaceId: TEAM,
      title: 'Harborview SSO',
      body: 'Harborview wants Okta SSO before signing.',
      audience: 'slack:G_DEALS',
    });
    await seedEntry(db, { workspaceId: TEAM, title: 'Kessler SSO', body: 'Kessler asked about Okta SSO.' });
    const inRoom = await earshot.ask({
      workspaceId: TEAM,
      question: 'Okta SSO?',
      platform: 'slack',
      channel: 'G_DEALS',
      privateConversation: true,
    });
    expect(inRoom.sources).toHaveLength(2);
    const questionId = inRoom.questionId ?? 0;

    expect(await earshot.questions.answerToShare(TEAM, questionId, 'slack:G_DEALS')).toMatchObject({
      question: 'Okta SSO?',
    });
    await expect(earshot.questions.answerToShare(TEAM, questionId, 'slack:C_GENERAL')).rejects.toMatchObject({
      code: 'forbidden',
    });

    const inOpen = await earshot.ask({
      workspaceId: TEAM,
      question: 'Okta SSO?',
      platform: 'slack',
      channel: 'C_GENERAL',
    });
    expect(
      await earshot.questions.answerToShare(TEAM, inOpen.questionId ?? 0, 'slack:C_SALES'),
    ).toMatchObject({
      sources: [expect.objectContaining({ title: 'Kessler SSO' })],
    });
  });
});
