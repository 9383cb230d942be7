import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAIClient } from '../../src/openai/openai-client.ts';
import { OpenAIEmbedder } from '../../src/openai/openai-embedder.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { type FakeOpenAI, fakeEmbedding, startFakeOpenAI } from '../helpers/fake-openai.ts';

let fake: FakeOpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI({ dimensions: 64 });
});

afterEach(async () => {
  await fake.close();
});

function embedder(options: { batchSize?: number; timeoutMs?: number } = {}) {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const config = {
    apiKey: 'sk-test-key',
    baseURL: fake.baseURL,
    chatModel: undefined,
    embeddingModel: 'embed-test',
    timeoutMs,
  };
  const client = createOpenAIClient(config, captureLogs().logger);
  return new OpenAIEmbedder({ client, model: 'embed-test', timeoutMs, batchSize: options.batchSize });
}

interface EmbeddingsBody {
  model: string;
  input: string[];
  encoding_format: string;
}

describe('OpenAIEmbedder', () => {
  it('asks for base64 and decodes it into the exact float32 vectors the server sent', async () => {
    const texts = ['SSO pricing pushback at Acme', 'Security review tips'];

    const vectors = await embedder().embed(texts);

    expect(vectors).toEqual(texts.map((text) => fakeEmbedding(text, 64)));
    expect(vectors[0]).toBeInstanceOf(Float32Array);
    const body = fake.requests[0]?.body as EmbeddingsBody;
    expect(body).toEqual({ model: 'embed-test', input: texts, encoding_format: 'base64' });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-test-key');
  });

  it('sends large inputs in batches and keeps the vectors in input order', async () => {
    const texts = ['alpha one', 'bravo two', 'charlie three', 'delta four', 'echo five'];

    const vectors = await embedder({ batchSize: 2 }).embed(texts);

    expect(fake.requests.map((request) => (request.body as EmbeddingsBody).input)).toEqual([
      ['alpha one', 'bravo two'],
      ['charlie three', 'delta four'],
      ['echo five'],
    ]);
    expect(vectors).toEqual(texts.map((text) => fakeEmbedding(text, 64)));
  });

  it('makes no request for no texts', async () => {
    await expect(embedder().embed([])).resolves.toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it('reports a server that keeps failing as model_failed', async () => {
    fake.fail({ kind: 'server_error' }, { times: 2 });

    await expect(embedder().embed(['SSO pricing'])).rejects.toMatchObject({
      code: 'model_failed',
      message: expect.stringContaining('HTTP 500'),
    });
  });

  it('gives up on a server that never answers once timeoutMs has passed', async () => {
    fake.fail({ kind: 'hang' }, { times: 5 });
    const started = Date.now();

    await expect(embedder({ timeoutMs: 300 }).embed(['SSO pricing'])).rejects.toMatchObject({
      code: 'model_failed',
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
