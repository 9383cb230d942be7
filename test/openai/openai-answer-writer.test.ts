import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepCitedStatements } from '../../src/knowledge/answer/answer-writer.ts';
import type { SourceEntry } from '../../src/knowledge/answer/select-sources.ts';
import type { Entry, EntryKind } from '../../src/knowledge/entry.ts';
import { OpenAIAnswerWriter } from '../../src/openai/openai-answer-writer.ts';
import { createOpenAIClient } from '../../src/openai/openai-client.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { entryFixture } from '../helpers/entry-fixture.ts';
import { type FakeOpenAI, jsonReply, startFakeOpenAI } from '../helpers/fake-openai.ts';

let fake: FakeOpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI();
});

afterEach(async () => {
  await fake.close();
});

function writer(timeoutMs = 5_000) {
  const config = {
    apiKey: 'sk-test-key',
    baseURL: fake.baseURL,
    chatModel: 'gpt-test',
    embeddingModel: undefined,
    timeoutMs,
  };
  const client = createOpenAIClient(config, captureLogs().logger);
  return new OpenAIAnswerWriter({ client, model: 'gpt-test', timeoutMs });
}

function sourceEntry(n: number, kind: EntryKind, fields: Partial<Entry> = {}): SourceEntry {
  const entry = entryFixture({
    id: 100 + n,
    kind,
    title: `Entry ${n}`,
    body: `Body of entry ${n}.`,
    contributor: null,
    status: 'published',
    createdAt: new Date('2026-11-02T09:30:00Z'),
    updatedAt: new Date('2026-11-02T09:30:00Z'),
    ...fields,
  });
  return {
    entry,
    source: {
      n,
      id: entry.id,
      externalId: entry.externalId,
      kind: entry.kind,
      title: entry.title,
      url: entry.sourceUrl,
      author: entry.sourceAuthor,
      account: entry.sourceAccount,
      channel: entry.sourceChannel,
      createdAt: entry.createdAt,
      score: 1 / n,
    },
  };
}

const sources = [
  sourceEntry(1, 'chatter', {
    title: 'Acme balks at SSO pricing',
    body: 'Acme said SSO should not cost extra; they compared us to a rival who bundles it.',
    sourceAuthor: 'Dana',
    sourceAccount: 'Acme',
  }),
  sourceEntry(2, 'research', {
    title: 'SSO buyer survey 2026',
    body: 'In our survey, most security buyers expect SSO in the base plan.',
    createdAt: new Date('2026-10-15T00:00:00Z'),
  }),
];

const summary = {
  entries: 1,
  reps: 1,
  accounts: 1,
  windowDays: 7,
  newest: new Date('2026-11-02T09:30:00Z'),
  headline: '1 rep across 1 account in the last 7 days',
};

const question = 'What are you hearing about SSO pricing?';

interface ChatBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format: { type: string; json_schema: { name: string; strict: boolean; schema: unknown } };
}

describe('OpenAIAnswerWriter', () => {
  it('sends the question and the numbered sources, and returns the statements the model wrote', async () => {
    const reply = {
      answers: true,
      field: [{ text: 'Acme pushed back on paying extra for SSO.', citations: [1] }],
      objective: [{ text: 'Most security buyers expect SSO in the base plan.', citations: [2] }],
    };
    fake.replyToChat(jsonReply(reply));

    const written = await writer().write({ question, sources, summary });

    expect(written).toEqual(reply);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test-key');
    const body = request?.body as ChatBody;
    expect(body.model).toBe('gpt-test');
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema).toMatchObject({
      required: ['answers', 'field', 'objective'],
      additionalProperties: false,
    });
    const system = body.messages.find((message) => message.role === 'system')?.content ?? '';
    expect(system).toContain('Answer only from these sources');
    expect(system).toContain('Never invent numbers, names');
    expect(system).toContain('If none of them answers it, set "answers" to false');
    const user = body.messages.find((message) => message.role === 'user')?.content ?? '';
    expect(user).toContain(`Question: ${question}`);
    expect(user).toContain(
      '[1] kind: chatter | title: Acme balks at SSO pricing | author: Dana | account: Acme | date: 2026-11-02',
    );
    expect(user).toContain('Acme said SSO should not cost extra');
    expect(user).toContain('[2] kind: research | title: SSO buyer survey 2026 | date: 2026-10-15');
    expect(user).toContain('most security buyers expect SSO in the base plan');
    expect(user).toContain(summary.headline);
  });

  it('passes on the model finding that no source answers the question', async () => {
    fake.replyToChat(jsonReply({ answers: false, field: [], objective: [] }));

    const written = await writer().write({
      question: 'What are you hearing about SSO pricing in Brazil?',
      sources,
      summary,
    });

    expect(written).toEqual({ answers: false, field: [], objective: [] });
  });

  it('keeps no claim backed only by a source number the model made up', async () => {
    fake.replyToChat(
      jsonReply({
        answers: true,
        field: [
          { text: 'Acme pushed back on SSO pricing.', citations: [1, 7] },
          { text: 'Globex is churning over SSO.', citations: [9] },
        ],
        objective: [],
      }),
    );

    const written = await writer().write({ question, sources, summary });

    expect(keepCitedStatements(written.field, sources)).toEqual([
      { text: 'Acme pushed back on SSO pricing.', citations: [1] },
    ]);
  });

  it.each([
    ['content that is not JSON', { content: 'Sure! Reps are saying SSO is too expensive.' }],
    ['JSON without the objective side', { content: JSON.stringify({ answers: true, field: [] }) }],
    [
      'JSON that does not say whether the sources answer',
      { content: JSON.stringify({ field: [], objective: [] }) },
    ],
    [
      'citations that are not numbers',
      {
        content: JSON.stringify({ answers: true, field: [{ text: 'x', citations: ['one'] }], objective: [] }),
      },
    ],
    ['a refusal', { content: null, refusal: 'I cannot help with that.' }],
    ['no content at all', { content: null }],
    ['an answer cut off at the token limit', { content: '{"field": [', finishReason: 'length' as const }],
  ])('rejects %s as model_failed', async (_, reply) => {
    fake.replyToChat(reply);

    await expect(writer().write({ question, sources, summary })).rejects.toMatchObject({
      name: 'EarshotError',
      code: 'model_failed',
    });
  });

  it('gives up on a server that never answers once timeoutMs has passed', async () => {
    fake.fail({ kind: 'hang' }, { times: 5 });
    const started = Date.now();

    await expect(writer(400).write({ question, sources, summary })).rejects.toMatchObject({
      code: 'model_failed',
      message: expect.stringContaining('longer than 400 ms'),
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('gives up at timeoutMs even when the server asks to retry much later', async () => {
    fake.fail({ kind: 'rate_limit', retryAfterSeconds: 30 });
    fake.replyToChat(jsonReply({ answers: false, field: [], objective: [] }));
    const started = Date.now();

    await expect(writer(400).write({ question, sources, summary })).rejects.toMatchObject({
      code: 'model_failed',
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('retries once after a brief rate limit', async () => {
    fake.fail({ kind: 'rate_limit', retryAfterSeconds: 0.05 });
    const reply = {
      answers: true,
      field: [{ text: 'Acme pushed back on SSO pricing.', citations: [1] }],
      objective: [],
    };
    fake.replyToChat(jsonReply(reply));

    await expect(writer().write({ question, sources, summary })).resolves.toEqual(reply);
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a server that keeps failing as model_failed with the status', async () => {
    fake.fail({ kind: 'server_error' }, { times: 2 });

    await expect(writer().write({ question, sources, summary })).rejects.toMatchObject({
      code: 'model_failed',
      message: expect.stringContaining('HTTP 500'),
    });
    expect(fake.requests).toHaveLength(2);
  });
});
