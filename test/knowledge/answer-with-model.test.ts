import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/cli/render-answer.ts';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { type FakeOpenAI, jsonReply, startFakeOpenAI } from '../helpers/fake-openai.ts';
import { seedEntry } from '../helpers/seed.ts';
import { openTestDatabase } from '../helpers/test-database.ts';

describe('answers written by a chat model', () => {
  let db: Database;
  let earshot: Earshot;
  let openai: FakeOpenAI;

  beforeEach(async () => {
    openai = await startFakeOpenAI();
    db = await openTestDatabase('pglite');
    earshot = await testEarshot(db, {
      OPENAI_API_KEY: 'sk-test-secret',
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_MODEL: 'gpt-test',
      OPENAI_TIMEOUT_MS: '1500',
    });
    await seedEntry(db, {
      kind: 'chatter',
      author: 'Maya',
      account: 'Harborview',
      body: 'Harborview wants Okta SSO before the MSA.',
    });
    await seedEntry(db, {
      kind: 'expert',
      title: 'SSO facts',
      body: 'Okta SSO via SAML is included on Enterprise.',
    });
    await seedEntry(db, { workspaceId: 'globex', body: 'Globex secret: Okta SSO deal at 40% off.' });
  });
  afterEach(async () => {
    await earshot.close();
    await openai.close();
  });

  const chatRequests = () => openai.requests.filter((request) => request.path.endsWith('/chat/completions'));

  it('sends only the retrieved entries of the workspace and keeps the model’s cited statements', async () => {
    openai.replyToChat(
      jsonReply({
        answers: true,
        field: [{ text: 'Harborview is gating the MSA on Okta SSO.', citations: [1] }],
        objective: [{ text: 'Okta SSO over SAML ships with Enterprise.', citations: [2] }],
      }),
    );

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about Okta SSO?',
    });

    expect(answer.model).toBe('gpt-test');
    expect(answer.field.statements).toEqual([
      { text: 'Harborview is gating the MSA on Okta SSO.', citations: [1] },
    ]);
    expect(answer.objective.statements).toEqual([
      { text: 'Okta SSO over SAML ships with Enterprise.', citations: [2] },
    ]);
    const [request] = chatRequests();
    const sent = JSON.stringify(request?.body);
    expect(sent).toContain('Harborview wants Okta SSO before the MSA.');
    expect(sent).not.toContain('Globex secret');
    expect(request?.headers.authorization).toBe('Bearer sk-test-secret');
    expect(answer.field.summary.headline).toBe('1 rep across 1 account in the last 7 days');
  });

  it('drops a statement citing an entry that was not retrieved', async () => {
    openai.replyToChat(
      jsonReply({
        answers: true,
        field: [
          { text: 'Harborview needs Okta SSO.', citations: [1] },
          { text: 'Everyone is leaving for a competitor.', citations: [7] },
        ],
        objective: [{ text: 'SSO is included on Enterprise.', citations: [2, 9] }],
      }),
    );

    const answer = await earshot.ask({ workspaceId: 'acme', question: 'Okta SSO?' });

    expect(answer.field.statements.map((statement) => statement.text)).toEqual([
      'Harborview needs Okta SSO.',
    ]);
    expect(answer.objective.statements).toEqual([{ text: 'SSO is included on Enterprise.', citations: [2] }]);
  });

  it('falls back to the extractive answer when the model times out or fails', async () => {
    openai.fail({ kind: 'hang' }, { route: 'chat' });
    const started = Date.now();
    const timedOut = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about Okta SSO?',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(timedOut.model).toBeNull();
    expect(timedOut.heard).toBe(true);
    expect(timedOut.field.statements[0]?.text).toContain('Harborview wants Okta SSO before the MSA.');

    openai.fail({ kind: 'server_error' }, { route: 'chat', times: 5 });
    const failed = await earshot.ask({ workspaceId: 'acme', question: 'Okta SSO?' });
    expect(failed.model).toBeNull();
    expect(failed.sources.length).toBe(2);
  });

  it('says "nothing heard" when the model finds that no retrieved entry answers the question', async () => {
    openai.replyToChat(jsonReply({ answers: false, field: [], objective: [] }));

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about Okta SSO?',
    });

    expect(chatRequests()).toHaveLength(1);
    expect(answer).toMatchObject({ heard: false, sources: [], model: 'gpt-test' });
    expect(answer.field.statements).toEqual([]);
    expect(answer.field.summary.headline).toBe('No field chatter or tips yet');
    expect(renderAnswer(answer)).toMatch(/^Nothing heard yet about /);
    const unanswered = await earshot.questions.list({ workspaceId: 'acme', answered: false });
    expect(unanswered.map((question) => question.text)).toEqual(['What are you hearing about Okta SSO?']);
  });

  it('credits only the sources the model cites, renumbered, and counts only those', async () => {
    openai.answerChat((request) => {
      const prompt = JSON.stringify(request.body);
      const expert = Number(/\[(\d+)\] kind: expert/.exec(prompt)?.[1]);
      return jsonReply({
        answers: true,
        field: [],
        objective: [{ text: 'Okta SSO over SAML ships with Enterprise.', citations: [expert] }],
      });
    });

    const answer = await earshot.ask({ workspaceId: 'acme', question: 'Okta SSO?' });

    expect(answer.sources.map((source) => [source.n, source.title])).toEqual([[1, 'SSO facts']]);
    expect(answer.objective.statements).toEqual([
      { text: 'Okta SSO over SAML ships with Enterprise.', citations: [1] },
    ]);
    expect(answer.field.summary).toMatchObject({ entries: 0, reps: 0, accounts: 0 });
  });

  it('sends the model only the entries that bear on the question', async () => {
    await seedEntry(db, {
      author: 'Dan',
      account: 'Kessler',
      body: 'Kessler sent back the MSA redlines from legal.',
    });
    await seedEntry(db, {
      author: 'Priya',
      account: 'Fernway',
      body: 'Fernway asked for virtual cards in the pilot.',
    });
    await seedEntry(db, {
      author: 'Tom',
      account: 'Ashgrove',
      body: 'The county needs three quotes for any purchase.',
    });
    openai.replyToChat(
      jsonReply({
        answers: true,
        field: [{ text: 'Harborview wants Okta SSO before signing.', citations: [1] }],
        objective: [],
      }),
    );

    await earshot.ask({
      workspaceId: 'acme',
      question: 'What are buyers saying about Okta SSO and the MSA?',
    });

    const sent = JSON.stringify(chatRequests()[0]?.body);
    expect(sent).toContain('Harborview wants Okta SSO before the MSA.');
    expect(sent).not.toContain('MSA redlines');
  });

  it('does not call the model when nothing was heard', async () => {
    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about carbon accounting?',
    });
    expect(answer.heard).toBe(false);
    expect(chatRequests()).toEqual([]);
  });
});
