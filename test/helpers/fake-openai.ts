import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
}

/** What a chat completion answers: message content (a JSON string for structured output) or a refusal. */
export interface ChatReply {
  content?: string | null;
  refusal?: string | null;
  finishReason?: 'stop' | 'length' | 'content_filter';
}

export type Failure =
  | { kind: 'rate_limit'; retryAfterSeconds?: number }
  | { kind: 'server_error' }
  /** Never answers; the request stays open until the client gives up or the fake closes. */
  | { kind: 'hang' };

type Route = 'chat' | 'embeddings';

export interface FakeOpenAI {
  /** The base URL to give the client, ending in /v1. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues replies for the next chat completions, in order. */
  replyToChat(...replies: ChatReply[]): void;
  /** Answers every chat completion not covered by the queue. */
  answerChat(reply: (request: RecordedRequest) => ChatReply): void;
  /** Makes the next `times` requests to a route fail (both routes when none is given). */
  fail(failure: Failure, options?: { route?: Route; times?: number }): void;
  close(): Promise<void>;
}

/** Chat content that is this value as JSON, as structured output sends it. */
export function jsonReply(value: unknown): ChatReply {
  return { content: JSON.stringify(value) };
}

/**
 * A real HTTP server on 127.0.0.1 that speaks enough of OpenAI's API for Earshot: chat completions
 * (structured output) and embeddings (float or base64). It records every request and can fail on demand.
 */
export async function startFakeOpenAI(options: { dimensions?: number } = {}): Promise<FakeOpenAI> {
  const dimensions = options.dimensions ?? 256;
  const requests: RecordedRequest[] = [];
  const chatQueue: ChatReply[] = [];
  const failures: Array<{ failure: Failure; route: Route | undefined; times: number }> = [];
  let chatAnswer: ((request: RecordedRequest) => ChatReply) | undefined;

  const takeFailure = (route: Route): Failure | undefined => {
    const index = failures.findIndex((entry) => entry.route === undefined || entry.route === route);
    const entry = failures[index];
    if (!entry) return undefined;
    entry.times -= 1;
    if (entry.times <= 0) failures.splice(index, 1);
    return entry.failure;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const text = await readBody(req);
    const request: RecordedRequest = {
      method: req.method ?? '',
      path: new URL(req.url ?? '/', 'http://fake').pathname,
      headers: req.headers,
      body: parseJson(text),
    };
    requests.push(request);
    const route = routeOf(request);
    if (!route) return sendError(res, 404, `fake-openai: no route for ${request.method} ${request.path}`);
    const failure = takeFailure(route);
    if (failure?.kind === 'hang') return;
    if (failure?.kind === 'rate_limit') {
      res.setHeader('retry-after', String(failure.retryAfterSeconds ?? 0.01));
      return sendError(res, 429, 'Rate limit reached', 'rate_limit_exceeded');
    }
    if (failure?.kind === 'server_error') return sendError(res, 500, 'Server error', 'server_error');
    if (route === 'embeddings') return sendJson(res, 200, embeddingsResponse(request.body, dimensions));
    const reply = chatQueue.shift() ?? chatAnswer?.(request);
    if (!reply) return sendError(res, 500, 'fake-openai: no chat reply scripted', 'server_error');
    return sendJson(res, 200, chatResponse(request.body, reply));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, 500, `fake-openai: ${String(error)}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    replyToChat: (...replies) => {
      chatQueue.push(...replies);
    },
    answerChat: (reply) => {
      chatAnswer = reply;
    },
    fail: (failure, { route, times = 1 } = {}) => {
      failures.push({ failure, route, times });
    },
    close: async () => {
      // Hanging requests would keep close() waiting forever.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/**
 * A deterministic embedding: a hashed bag of words, L2-normalized, so texts sharing words point the
 * same way (cosine similarity is the share of common words) and unrelated texts are near orthogonal.
 */
export function fakeEmbedding(text: string, dimensions = 256): Float32Array {
  const vector = new Float32Array(dimensions);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    if (STOPWORDS.has(word) || (word.length < 3 && !/\d/.test(word))) continue;
    const digest = createHash('sha256').update(word.replace(/s$/, '')).digest();
    const slot = digest.readUInt32LE(0) % dimensions;
    // A signed hash: words that collide on a slot cancel out rather than look alike.
    vector[slot] = (vector[slot] ?? 0) + ((digest.readUInt8(4) & 1) === 1 ? 1 : -1);
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

const STOPWORDS = new Set(
  'the and for with are was were that this from they have has our their what how you not but its'.split(' '),
);

function routeOf(request: RecordedRequest): Route | undefined {
  if (request.method !== 'POST') return undefined;
  if (request.path === '/v1/chat/completions') return 'chat';
  if (request.path === '/v1/embeddings') return 'embeddings';
  return undefined;
}

function chatResponse(body: unknown, reply: ChatReply) {
  const model = (body as { model?: string } | null)?.model ?? 'fake-model';
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.content ?? null, refusal: reply.refusal ?? null },
        finish_reason: reply.finishReason ?? 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function embeddingsResponse(body: unknown, dimensions: number) {
  const { input, model, encoding_format } = (body ?? {}) as {
    input?: string | string[];
    model?: string;
    encoding_format?: 'float' | 'base64';
  };
  const texts = Array.isArray(input) ? input : [input ?? ''];
  return {
    object: 'list',
    model: model ?? 'fake-embedding',
    data: texts.map((text, index) => {
      const vector = fakeEmbedding(text, dimensions);
      return {
        object: 'embedding',
        index,
        embedding: encoding_format === 'base64' ? toBase64(vector) : Array.from(vector),
      };
    }),
    usage: { prompt_tokens: texts.length, total_tokens: texts.length },
  };
}

/** Little-endian float32, as OpenAI sends it. */
function toBase64(vector: Float32Array): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => {
    bytes.writeFloatLE(value, index * 4);
  });
  return bytes.toString('base64');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string, code = 'fake_error') {
  sendJson(res, status, { error: { message, type: code, code, param: null } });
}
