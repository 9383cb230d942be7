import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { ThreadAskRequest } from '../../src/knowledge/threads/ask-in-thread.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { type FakeOpenAI, jsonReply, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

describe.each(DATABASE_KINDS)('follow-ups answered by a chat model (%s)', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let openai: FakeOpenAI;

  beforeEach(async () => {
    openai = await startFakeOpenAI();
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db, {
      OPENAI_API_KEY: 'sk-test-secret',
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_MODEL: 'gpt-test',
      OPENAI_TIMEOUT_MS: '1500',
    });
    await seedEntry(db, { account: 'Harborview', body: 'Harborview wants Okta SSO before the MSA.' });
    await seedEntry(db, {
      account: 'Harborview',
      body: 'Okta SSO pricing: Harborview balked at the SSO tax.',
    });
  });
  afterEach(async () => {
    await earshot.close();
    await openai.close();
  });

  const inThread = (question: string, conversationId = 'C_DEALS'): ThreadAskRequest => ({
    workspaceId: 'acme',
    question,
    platform: 'slack',
    channel: conversationId,
    privateConversation: conversationId.startsWith('G'),
    thread: { workspaceId: 'acme', platform: 'slack', conversationId, threadId: '1700000000.000100' },
  });
  const chatBodies = () =>
    openai.requests
      .filter((request) => request.path.endsWith('/chat/completions'))
      .map((request) => JSON.stringify(request.body));

  it('gives the model the previous turn, small, and the rewritten question', async () => {
    openai.answerChat(() =>
      jsonReply({
        answers: true,
        field: [{ text: 'Harborview is gating the MSA on Okta SSO.', citations: [1] }],
        objective: [],
      }),
    );
    await earshot.askInThread(inThread('What are you hearing about Okta SSO?'));
    expect(chatBodies()[0]).not.toContain('Earlier in this thread');

    const answer = await earshot.askInThread(inThread('and their pricing?'));
    expect(answer?.question).toBe('Okta SSO pricing');
    const second = chatBodies()[1] ?? '';
    expect(second).toContain('Earlier in this thread');
    expect(second).toContain('Q: What are you hearing about Okta SSO?');
    expect(second).toContain('A: Harborview is gating the MSA on Okta SSO.');
    expect(second).toContain('Question: Okta SSO pricing');
  });

  it("keeps a private conversation's turn out of the same thread id elsewhere", async () => {
    openai.answerChat(() =>
      jsonReply({
        answers: true,
        field: [{ text: 'Private: Harborview gates on SSO.', citations: [1] }],
        objective: [],
      }),
    );
    await earshot.askInThread(inThread('What are you hearing about Okta SSO?', 'G_PRIVATE'));
    const elsewhere = inThread('and their pricing?', 'C_OPEN');
    expect(await earshot.isLiveThread(elsewhere)).toBe(false);
    const answer = await earshot.askInThread(elsewhere);
    expect(answer?.question).toBe('and their pricing?');
    expect(chatBodies()[1]).not.toContain('Private: Harborview');
  });
});
