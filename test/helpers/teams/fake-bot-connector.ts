import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request to the Bot Connector's /v3/ API as the fake received it. */
export interface RecordedActivity {
  method: string;
  /** The decoded path, e.g. `/v3/conversations/a:1/activities/1700000000001`. */
  path: string;
  /** Decoded; `undefined` for `POST /v3/conversations` (create conversation). */
  conversationId: string | undefined;
  /** The `{activityId}` of `POST …/activities/{activityId}` (a reply) or `PUT …/activities/{id}` (an update). */
  replyToId?: string;
  /** The parsed JSON body (`{}` for GET); for create conversation, the ConversationParameters. */
  activity: ConnectorActivity;
  /** The raw `Authorization` header: `Bearer …` when the bot has an app id, otherwise absent. */
  authorization: string | undefined;
}

/** What the bot sent, loosely typed: `type`, `text`, `attachments`, `replyToId`, `conversation`, … */
export type ConnectorActivity = { type?: string; text?: string; [field: string]: unknown };

export type ConnectorFailure = { status: 429; retryAfter?: number } | { status: 500 } | { status: 503 };

export interface FakeMember {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
  userPrincipalName: string;
  [field: string]: unknown;
}

export interface FakeBotConnectorOptions {
  /** Members served by `GET …/members`; a lookup of an unknown id gets a member made up from the id. */
  members?: FakeMember[];
  /** `'not-found'`: a lookup of an id not in `members` gets 404 MemberNotFoundInConversation, as Teams answers. */
  unknownMembers?: 'made-up' | 'not-found';
}

export interface FakeBotConnector {
  /** Put this in activities' `serviceUrl` (`http://127.0.0.1:PORT/`, with the trailing slash Teams uses). */
  serviceUrl: string;
  /** Every /v3/ request, in order, failed ones included. */
  activities: RecordedActivity[];
  /** The first request matching `predicate` (default: any message-carrying request), already received or still to come. */
  waitForActivity(
    predicate?: (recorded: RecordedActivity) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedActivity>;
  /** Makes the next `times` /v3/ requests fail this way (recorded all the same). */
  failNext(failure: ConnectorFailure, times?: number): void;
  /** Token requests the fake answered at `POST /{tenant}/oauth2/v2.0/token` (see the note on `oauthTokenUrl`). */
  tokenRequests: Array<{ path: string; form: Record<string, string> }>;
  /**
   * A client-credentials token endpoint (`…/botframework.com`, the shape of `ToChannelFromBotLoginUrl`) that answers
   * `{ access_token, expires_in, token_type }`. botbuilder cannot use it: MSAL rejects non-https authorities
   * (`authority_uri_insecure`), so use `primeOutboundToken` from bot-framework-auth.ts instead. Kept for clients
   * that post to a token URL directly.
   */
  oauthTokenUrl: string;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 speaking the Bot Connector REST API (v3) as botbuilder's ConnectorClient calls it:
 * replies, new/proactive messages, updates, deletes, create conversation, member lookups. It records every
 * request and can fail on demand.
 */
export async function startFakeBotConnector(
  options: FakeBotConnectorOptions = {},
): Promise<FakeBotConnector> {
  const activities: RecordedActivity[] = [];
  const tokenRequests: FakeBotConnector['tokenRequests'] = [];
  const waiters = new Set<(recorded: RecordedActivity) => void>();
  const failures: Array<{ failure: ConnectorFailure; times: number }> = [];
  let activityCount = 0;
  const nextActivityId = () => {
    activityCount += 1;
    return String(1_700_000_000_000 + activityCount);
  };

  const takeFailure = (): ConnectorFailure | undefined => {
    const entry = failures[0];
    if (!entry) return undefined;
    entry.times -= 1;
    if (entry.times <= 0) failures.shift();
    return entry.failure;
  };

  const member = (id: string): FakeMember | undefined =>
    options.members?.find((known) => known.id === id || known.aadObjectId === id);
  const madeUpMember = (id: string): FakeMember => ({
    id,
    name: `User ${id}`,
    aadObjectId: `aad-${id}`,
    email: `${id.replace(/[^a-z0-9]/gi, '')}@example.com`,
    userPrincipalName: `${id.replace(/[^a-z0-9]/gi, '')}@example.com`,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readBody(req);

    if (req.method === 'POST' && /\/oauth2\/v2\.0\/token$/.test(url.pathname)) {
      tokenRequests.push({ path: url.pathname, form: Object.fromEntries(new URLSearchParams(body)) });
      return sendJson(res, 200, {
        token_type: 'Bearer',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: `fake-connector-token-${tokenRequests.length}`,
      });
    }

    // Segments are matched before decoding: conversation ids contain ':' and '@' and may arrive encoded.
    const segments = url.pathname.split('/').filter(Boolean);
    if (segments[0] !== 'v3' || segments[1] !== 'conversations') {
      return sendJson(res, 404, {
        error: { code: 'NotFound', message: `fake-bot-connector: ${url.pathname}` },
      });
    }
    const conversationId = segments[2] === undefined ? undefined : decodeURIComponent(segments[2]);
    const resource = segments[3];
    const resourceId = segments[4] === undefined ? undefined : decodeURIComponent(segments[4]);
    const parsed = body ? (JSON.parse(body) as ConnectorActivity) : {};
    const recorded: RecordedActivity = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      conversationId,
      ...(resource === 'activities' && resourceId !== undefined ? { replyToId: resourceId } : {}),
      activity: parsed,
      authorization: req.headers.authorization,
    };
    activities.push(recorded);
    for (const waiter of waiters) waiter(recorded);

    const failure = takeFailure();
    if (failure) return sendFailure(res, failure);

    const method = req.method;
    if (conversationId === undefined) {
      if (method === 'POST') {
        return sendJson(res, 201, { id: 'a:new-conversation', activityId: nextActivityId() });
      }
      return sendJson(res, 200, { conversations: [] });
    }
    if (resource === 'activities') {
      if (method === 'POST') return sendJson(res, 201, { id: nextActivityId() });
      if (method === 'PUT') return sendJson(res, 200, { id: resourceId ?? nextActivityId() });
      if (method === 'DELETE') return sendJson(res, 200, {});
    }
    if (resource === 'members' && method === 'GET') {
      if (resourceId !== undefined) {
        const known = member(resourceId);
        if (!known && options.unknownMembers === 'not-found') {
          return sendJson(res, 404, {
            error: { code: 'MemberNotFoundInConversation', message: 'The member could not be found.' },
          });
        }
        return sendJson(res, 200, known ?? madeUpMember(resourceId));
      }
      return sendJson(res, 200, options.members ?? []);
    }
    if (resource === 'pagedmembers' && method === 'GET') {
      return sendJson(res, 200, { members: options.members ?? [] });
    }
    return sendJson(res, 404, {
      error: { code: 'NotFound', message: `fake-bot-connector: ${method} ${recorded.path}` },
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      sendJson(res, 500, { error: { code: 'FakeError', message: `fake-bot-connector: ${error}` } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const carriesActivity = (recorded: RecordedActivity) =>
    recorded.method === 'POST' &&
    recorded.conversationId !== undefined &&
    recorded.path.includes('/activities');

  return {
    serviceUrl: `${origin}/`,
    activities,
    tokenRequests,
    oauthTokenUrl: `${origin}/botframework.com`,
    waitForActivity: (predicate = carriesActivity, timeoutMs = 10_000) => {
      const received = activities.find(predicate);
      if (received) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const waiter = (recorded: RecordedActivity) => {
          if (!predicate(recorded)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(recorded);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen =
            activities.map((recorded) => `${recorded.method} ${recorded.path}`).join(', ') || 'none';
          reject(
            new Error(`fake-bot-connector: no matching request within ${timeoutMs} ms (received: ${seen})`),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    failNext: (failure, times = 1) => {
      failures.push({ failure, times });
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendFailure(res: ServerResponse, failure: ConnectorFailure) {
  if (failure.status === 429) {
    res.setHeader('retry-after', String(failure.retryAfter ?? 1));
    return sendJson(res, 429, {
      error: { code: 'TooManyRequests', message: 'fake-bot-connector: throttled' },
    });
  }
  return sendJson(res, failure.status, {
    error: { code: 'ServiceError', message: `fake-bot-connector: failing with ${failure.status}` },
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
