import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { contributionsOf } from '../../src/knowledge/curation/contributions.ts';
import { mergeEntry } from '../../src/knowledge/curation/merge-entry.ts';
import { dueForReview, reviewQueue } from '../../src/knowledge/curation/review-queue.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const DAY = 86_400_000;

describe.each(DATABASE_KINDS)('curation on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
  });
  afterEach(() => earshot.close());

  it('lists pending captures oldest first with the queue size, only for the workspace', async () => {
    await seedEntry(db, { title: 'newer', status: 'pending', createdAt: new Date('2026-11-10') });
    await seedEntry(db, { title: 'older', status: 'pending', createdAt: new Date('2026-11-01') });
    await seedEntry(db, { title: 'published', createdAt: new Date('2026-10-01') });
    await seedEntry(db, { title: 'elsewhere', status: 'pending', workspaceId: 'globex' });
    const queue = await reviewQueue(db, 'acme', 1);
    expect(queue.size).toBe(2);
    expect(queue.entries.map((entry) => entry.title)).toEqual(['older']);
  });

  it('finds published entries that are overdue or due within two weeks', async () => {
    const now = new Date('2026-11-22T00:00:00Z');
    await seedEntry(db, { title: 'overdue', reviewBy: new Date(now.getTime() - 3 * DAY) });
    await seedEntry(db, { title: 'soon', reviewBy: new Date(now.getTime() + 10 * DAY) });
    await seedEntry(db, { title: 'later', reviewBy: new Date(now.getTime() + 60 * DAY) });
    await seedEntry(db, { title: 'archived', status: 'archived', reviewBy: new Date(now.getTime() - DAY) });
    expect((await dueForReview(db, 'acme', now)).map((entry) => entry.title)).toEqual(['overdue', 'soon']);
  });

  it('counts how often answers cited each of a rep’s contributions', async () => {
    const cited = await seedEntry(db, {
      contributor: 'U_MAYA',
      body: 'Okta SSO is the last gate at Harborview.',
    });
    await seedEntry(db, {
      contributor: 'U_MAYA',
      body: 'Kessler wants on-site training.',
      status: 'pending',
    });
    await seedEntry(db, { contributor: 'U_DAN', body: 'Okta SSO again.' });
    await earshot.ask({ workspaceId: 'acme', question: 'Okta SSO at Harborview?' });
    await earshot.ask({ workspaceId: 'acme', question: 'What about Harborview and Okta?' });
    const mine = await contributionsOf(db, 'acme', 'U_MAYA');
    expect(mine.map(({ entry, citations }) => [entry.status, citations])).toEqual([
      ['pending', 0],
      ['published', 2],
    ]);
    expect(mine[1]?.entry.id).toBe(cited.id);
  });

  it('merges a capture into an entry: text and topics join, the capture is archived, search sees one', async () => {
    const target = await seedEntry(db, { body: 'Harborview wants Okta SSO.', topics: ['sso'] });
    const source = await seedEntry(db, {
      body: 'Harborview also needs SCIM.',
      topics: ['scim'],
      status: 'pending',
    });
    const merged = await mergeEntry(db, { workspaceId: 'acme', sourceId: source.id, targetId: target.id });
    expect(merged.body).toBe('Harborview wants Okta SSO.\n\nHarborview also needs SCIM.');
    expect(merged.topics).toEqual(['sso', 'scim']);
    expect((await earshot.entries.get('acme', source.id)).status).toBe('archived');
    const hits = await earshot.search.search({ workspaceId: 'acme', query: 'SCIM', limit: 5 });
    expect(hits.map((hit) => hit.entry.id)).toEqual([target.id]);
  });

  it('refuses to merge private content into an entry others can see, or across workspaces', async () => {
    const open = await seedEntry(db, { body: 'Public note.' });
    const secret = await seedEntry(db, {
      body: 'Deal room secret.',
      status: 'pending',
      audience: 'slack:G_DEALS',
    });
    await expect(
      mergeEntry(db, { workspaceId: 'acme', sourceId: secret.id, targetId: open.id }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const other = await seedEntry(db, { workspaceId: 'globex', body: 'Other tenant.' });
    await expect(
      mergeEntry(db, { workspaceId: 'acme', sourceId: open.id, targetId: other.id }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await earshot.entries.get('acme', open.id)).body).toBe('Public note.');
  });
});
