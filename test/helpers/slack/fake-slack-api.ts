import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeOAuthGrants, type OAuthGrant } from './fake-slack-oauth.ts';
import {
  type Args,
  defaultReplies,
  type FakeSlackApiOptions,
  type FakeSlackState,
  type SlackReply,
  type StoredMessage,
} from './fake-slack-replies.ts';

export type { OAuthGrant } from './fake-slack-oauth.ts';
export type {
  FakeChannel,
  FakeSlackApiOptions,
  FakeUser,
  SlackReply,
  StoredMessage,
} from './fake-slack-replies.ts';

/** One request as the fake received it. */
export interface RecordedCall {
  /** The Web API method (`chat.postMessage`), or `response_url` for posts to `responseUrl()`. */
  method: string;
  /** From `Authorization: Bearer …`, or the legacy `token` field. */
  token: string | undefined;
  /** The fields sent, minus `token`; JSON-encoded fields (`blocks`, `view`) decoded, the rest strings as on the wire. */
  args: Args;
  contentType: string | undefined;
}

export type SlackFailure =
  | { status: 429; retryAfter?: number }
  | { status: 500 }
  /** Never answers, for client timeouts. */
  | { hang: true }
  | { ok: false; error: string; [field: string]: unknown };

export type ReplyBody = { ok?: boolean; [field: string]: unknown };

/** Builds a reply; `defaultReply` is what the fake would have answered. */
export type ReplyHandler = (
  call: RecordedCall,
  defaultReply: () => SlackReply,
) => ReplyBody | Promise<ReplyBody>;

export interface FakeSlackApi {
  /** Pass as `slackApiUrl` (it ends in /api/). */
  url: string;
  calls: RecordedCall[];
  /** The message store behind conversations.history/replies, kept current by chat.* calls. */
  messages: StoredMessage[];
  callsTo(method: string): RecordedCall[];
  /** The first call to `method` matching `predicate`, already received or still to come. */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** Replaces a method's reply; `ok: true` is added when the handler leaves `ok` out. */
  respond(method: string, handler: ReplyHandler): void;
  /** Makes the next `times` calls to `method` fail this way. */
  failNext(method: string, failure: SlackFailure, times?: number): void;
  /** A response_url that records what Bolt's `respond()` posts to it, as method `response_url`. */
  responseUrl(name?: string): string;
  /**
   * Makes `code` redeemable once with `oauth.v2.access` (client id and secret from the `oauth` option);
   * `auth.test` then answers for the bot token it grants with that workspace's identity.
   */
  grantOAuth(code: string, grant: OAuthGrant): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 speaking Slack's Web API as @slack/web-api calls it: `POST /api/<method>`,
 * form-encoded (or JSON) with a bearer token. It records every call and can fail on demand.
 */
export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const waiters = new Set<(call: RecordedCall) => void>();
  const overrides = new Map<string, ReplyHandler>();
  const failures = new Map<string, Array<{ failure: SlackFailure; times: number }>>();
  const grants = new FakeOAuthGrants(options.oauth);
  let tsCount = 0;
  let idCount = 0;
  const state: FakeSlackState = {
    options,
    messages: [...(options.messages ?? [])],
    nextTs: () => {
      tsCount += 1;
      return `${1732000000 + Math.floor(tsCount / 10000)}.${String((tsCount % 10000) * 100).padStart(6, '0')}`;
    },
    nextId: (prefix) => {
      idCount += 1;
      return `${prefix}${String(idCount).padStart(8, '0')}`;
    },
  };

  const takeFailure = (method: string): SlackFailure | undefined => {
    const queue = failures.get(method);
    const entry = queue?.[0];
    if (!queue || !entry) return undefined;
    entry.times -= 1;
    if (entry.times <= 0) queue.shift();
    return entry.failure;
  };

  const reply = async (call: RecordedCall): Promise<SlackReply> => {
    const fallback = defaultReplies[call.method];
    const defaultReply = () =>
      fallback ? fallback(call.args, state) : { ok: false, error: 'unknown_method', req_method: call.method };
    const override = overrides.get(call.method);
    if (override) return { ok: true, ...(await override(call, defaultReply)) };
    if (call.method === 'response_url') return { ok: true };
    // The app authenticates with its client id and secret here: there is no token yet.
    if (call.method === 'oauth.v2.access') return grants.access(call.args);
    if (!call.token) return { ok: false, error: 'not_authed' };
    if (call.method === 'auth.test') return grants.identity(call.token) ?? defaultReply();
    return defaultReply();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = /^\/(api|response)\/(.+)$/.exec(url.pathname);
    const method = route?.[1] === 'response' ? 'response_url' : route?.[2];
    if (!method) {
      return sendJson(res, 404, { ok: false, error: 'fake-slack-api: not an /api/ or /response/ path' });
    }
    const call = parseCall(method, req, url, await readBody(req));
    calls.push(call);
    for (const waiter of waiters) waiter(call);

    const failure = takeFailure(call.method);
    if (failure) return sendFailure(res, failure);
    return sendJson(res, 200, await reply(call));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      sendJson(res, 500, { ok: false, error: `fake-slack-api: ${error}` }),
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/`,
    calls,
    messages: state.messages,
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitForCall: (method, predicate = () => true, timeoutMs = 10_000) => {
      const matches = (call: RecordedCall) => call.method === method && predicate(call);
      const received = calls.find(matches);
      if (received) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const waiter = (call: RecordedCall) => {
          if (!matches(call)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(call);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = calls.map((call) => call.method).join(', ') || 'none';
          reject(
            new Error(
              `fake-slack-api: no matching ${method} call within ${timeoutMs} ms (received: ${seen})`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    respond: (method, handler) => {
      overrides.set(method, handler);
    },
    failNext: (method, failure, times = 1) => {
      failures.set(method, [...(failures.get(method) ?? []), { failure, times }]);
    },
    responseUrl: (name = 'default') => `${origin}/response/${encodeURIComponent(name)}`,
    grantOAuth: (code, grant) => grants.add(code, grant),
    close: async () => {
      // Hanging requests would keep close() waiting forever.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function parseCall(method: string, req: IncomingMessage, url: URL, body: string): RecordedCall {
  const contentType = req.headers['content-type']?.split(';')[0]?.trim();
  const args: Args = Object.fromEntries(
    [...url.searchParams].map(([key, value]) => [key, decodeField(value)]),
  );
  if (contentType === 'application/json') {
    Object.assign(args, body ? (JSON.parse(body) as Args) : {});
  } else {
    for (const [key, value] of new URLSearchParams(body)) args[key] = decodeField(value);
  }
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const { token, ...rest } = args;
  return {
    method,
    token: bearer ?? (typeof token === 'string' ? token : undefined),
    args: rest,
    contentType,
  };
}

/** The WebClient sends objects and arrays as JSON strings inside the form. */
function decodeField(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendFailure(res: ServerResponse, failure: SlackFailure) {
  if ('ok' in failure) return sendJson(res, 200, failure);
  if ('hang' in failure) return;
  if (failure.status === 429) {
    res.setHeader('retry-after', String(failure.retryAfter ?? 1));
    return sendJson(res, 429, { ok: false, error: 'ratelimited' });
  }
  return sendJson(res, failure.status, { ok: false, error: 'internal_error' });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
