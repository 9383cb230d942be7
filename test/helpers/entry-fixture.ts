import type { Entry } from '../../src/knowledge/entry.ts';

/** An entry as the store returns it, without a database; pass only what the test is about. */
export function entryFixture(overrides: Partial<Entry> & Pick<Entry, 'id'>): Entry {
  return {
    workspaceId: 'T1',
    externalId: null,
    kind: 'chatter',
    title: `Entry ${overrides.id}`,
    body: `What a buyer said, number ${overrides.id}.`,
    sourceUrl: null,
    sourceChannel: null,
    sourceAuthor: null,
    sourceAccount: null,
    contributor: 'U_REP',
    topics: [],
    stage: null,
    industry: null,
    roles: [],
    status: 'pending',
    reviewBy: null,
    audience: null,
    contentHash: null,
    createdAt: new Date('2026-10-30T12:00:00Z'),
    updatedAt: new Date('2026-10-30T12:00:00Z'),
    ...overrides,
  };
}
