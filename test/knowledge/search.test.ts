import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { WorkspaceIndexCache } from '../../src/knowledge/search/workspace-index-cache.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

describe.each(DATABASE_KINDS)('search on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
  });
  afterEach(() => earshot.close());

  const titles = async (query: string, filters = {}, workspaceId = 'acme') =>
    (await earshot.search.search({ workspaceId, query, limit: 10, filters })).map((hit) => hit.entry.title);

  it('ranks the entry with the rare, specific term above ones sharing only common words', async () => {
    for (let i = 0; i < 5; i += 1)
      await seedEntry(db, { title: `Pricing call ${i}`, body: 'The buyer asked about pricing.' });
    await seedEntry(db, { title: 'Okta SSO', body: 'The buyer asked about pricing of Okta SSO.' });
    expect((await titles('okta pricing'))[0]).toBe('Okta SSO');
  });

  it('returns only published entries of the asked workspace', async () => {
    await seedEntry(db, { title: 'published', body: 'SCIM provisioning works' });
    await seedEntry(db, { title: 'pending', body: 'SCIM provisioning request', status: 'pending' });
    await seedEntry(db, { title: 'archived', body: 'SCIM provisioning old', status: 'archived' });
    await seedEntry(db, {
      title: 'other workspace',
      body: 'SCIM provisioning elsewhere',
      workspaceId: 'globex',
    });
    expect(await titles('SCIM provisioning')).toEqual(['published']);
    expect(await titles('SCIM provisioning', {}, 'globex')).toEqual(['other workspace']);
  });

  it('filters by kind, stage, topic and date range without starving the results', async () => {
    await seedEntry(db, {
      title: 'chatter',
      kind: 'chatter',
      body: 'NetSuite sync question',
      stage: 'evaluate',
      topics: ['netsuite'],
      createdAt: new Date('2026-09-01'),
    });
    await seedEntry(db, {
      title: 'tip',
      kind: 'tip',
      body: 'NetSuite sync demo trick',
      stage: 'decide',
      topics: ['netsuite', 'demo'],
      createdAt: new Date('2026-10-01'),
    });
    await seedEntry(db, {
      title: 'research',
      kind: 'research',
      body: 'NetSuite sync survey',
      stage: 'evaluate',
      topics: ['integrations'],
      createdAt: new Date('2026-11-01'),
    });
    for (let i = 0; i < 30; i += 1)
      await seedEntry(db, { title: `noise ${i}`, body: 'NetSuite sync NetSuite sync NetSuite' });

    expect(await titles('netsuite sync', { kinds: ['tip', 'research'] })).toEqual(
      expect.arrayContaining(['tip', 'research']),
    );
    expect(await titles('netsuite sync', { kinds: ['tip', 'research'] })).toHaveLength(2);
    expect(await titles('netsuite sync', { stage: 'evaluate' })).toEqual(
      expect.arrayContaining(['chatter', 'research']),
    );
    expect(await titles('netsuite sync', { stage: 'evaluate' })).toHaveLength(2);
    expect(await titles('netsuite sync', { topic: 'Demo' })).toEqual(['tip']);
    expect(
      await titles('netsuite sync', { from: new Date('2026-09-15'), to: new Date('2026-10-15') }),
    ).toEqual(['tip']);
  });

  it('sees publishing, edits and archiving made after the index was built, also by another Earshot on the same database', async () => {
    const entry = await seedEntry(db, {
      title: 'gdpr',
      body: 'GDPR data residency in Frankfurt',
      status: 'pending',
    });
    expect(await titles('frankfurt residency')).toEqual([]);
    const other = await testEarshot(db);
    await other.entries.setStatus('acme', entry.id, 'published');
    expect(await titles('frankfurt residency')).toEqual(['gdpr']);
    await other.entries.edit('acme', entry.id, { body: 'GDPR data residency in Dublin' });
    expect(await titles('frankfurt')).toEqual([]);
    expect(await titles('dublin')).toEqual(['gdpr']);
    await other.entries.setStatus('acme', entry.id, 'archived');
    expect(await titles('dublin')).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)('the search index on %s', (kind) => {
  it('reads every entry when a workspace takes many pages to load', async () => {
    const db = await openTestDatabase(kind);
    try {
      // 25 entries in pages of 3: change sequences cross from one digit to two, where text order differs.
      for (let i = 1; i <= 25; i += 1)
        await seedEntry(db, { title: `entry ${i}`, body: `renewal note ${i}` });
      const index = await new WorkspaceIndexCache(db, undefined, 3).get('acme');
      expect(index.size).toBe(25);
      expect(index.search('renewal', { limit: 100 })).toHaveLength(25);
    } finally {
      await db.close();
    }
  });
});
