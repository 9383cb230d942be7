import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { forgetThreadsJob } from '../../src/jobs/forget-threads-job.ts';
import { ConversationThreads } from '../../src/knowledge/threads/conversation-threads.ts';
import type { ThreadKey, ThreadState } from '../../src/knowledge/threads/thread-state.ts';
import { createLogger } from '../../src/logger.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const HOUR_MS = 3_600_000;
const key = (threadId: string, workspaceId = 'acme'): ThreadKey => ({
  workspaceId,
  platform: 'slack',
  conversationId: 'C_DEALS',
  threadId,
});
const state = (updatedAt: Date, overrides: Partial<ThreadState> = {}): ThreadState => ({
  audience: null,
  question: 'Okta SSO in healthcare',
  subject: 'Okta SSO in healthcare',
  filters: { stage: 'decide', from: new Date('2026-11-01T00:00:00Z') },
  citedEntryIds: [3, 1],
  lastAnswer: 'Mercy Health gates on Okta SSO.',
  turns: 2,
  updatedAt,
  ...overrides,
});

describe.each(DATABASE_KINDS)('stored thread state (%s)', (kind) => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase(kind);
  });
  afterEach(async () => {
    await db.close();
  });

  it('keeps a thread per organization, with its filters as they were', async () => {
    const threads = new ConversationThreads(db);
    const now = new Date('2026-12-01T12:00:00Z');
    await threads.save(key('1.1'), state(now));
    expect(await threads.find(key('1.1'))).toEqual(state(now));
    // The same channel and thread ids in another organization are another thread.
    expect(await threads.find(key('1.1', 'globex'))).toBeNull();
    await threads.save(key('1.1'), state(now, { turns: 3, subject: 'Segment' }));
    expect(await threads.find(key('1.1'))).toMatchObject({ turns: 3, subject: 'Segment' });
  });

  it('forgets threads idle past the follow-up limit, daily', async () => {
    const threads = new ConversationThreads(db);
    const clock = new FakeClock('2026-12-01T12:00:00Z');
    await threads.save(key('old'), state(new Date(clock.now().getTime() - 25 * HOUR_MS)));
    await threads.save(key('live'), state(new Date(clock.now().getTime() - 23 * HOUR_MS)));
    await forgetThreadsJob({ threads, clock, logger: createLogger('silent') }).handler();
    expect(await threads.find(key('old'))).toBeNull();
    expect(await threads.find(key('live'))).not.toBeNull();
  });
});
