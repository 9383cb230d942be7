import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RawOutcome, type RawRequest, sendRaw } from '../helpers/raw-http.ts';
import { type ServeProcess, startServeProcess } from '../helpers/serve-process.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { signSlackRequest } from '../helpers/slack/sign-slack-request.ts';
import { type FakeBotFrameworkAuth, startFakeBotFrameworkAuth } from '../helpers/teams/bot-framework-auth.ts';

/*
 * An attacker's view of a running `earshot serve`: a few hundred malformed requests to every route,
 * sent to the real process over loopback. None may crash it or get a 5xx, and its logs must not
 * carry the secrets it was started with.
 */

const SECRETS = {
  SLACK_BOT_TOKEN: `xoxb-fuzz-${randomBytes(12).toString('hex')}`,
  SLACK_SIGNING_SECRET: `fuzz-signing-${randomBytes(12).toString('hex')}`,
  EARSHOT_WEBHOOK_TOKEN: `fuzz-webhook-${randomBytes(16).toString('hex')}`,
  MICROSOFT_APP_PASSWORD: `fuzz-app-password-${randomBytes(12).toString('hex')}`,
};
const APP_ID = '6a0c4a55-1b36-4c2d-9d8e-0f4e2b1c7a11';
const ROUTES = [
  '/healthz',
  '/slack/events',
  '/api/messages',
  '/hooks/triggers',
  '/nowhere',
  '/slack/events/x',
  '/console/review',
];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const CONTENT_TYPES = [undefined, 'application/json', 'application/x-www-form-urlencoded', 'text/plain'];
const BODIES: Record<string, string | Buffer> = {
  empty: '',
  null: 'null',
  array: '[]',
  string: '"hello"',
  number: '42',
  invalid: '{"type": ',
  object: '{}',
  deepArray: `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  deepObject: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
  binary: randomBytes(2048),
  formNull: 'payload=null',
  formBroken: 'payload=%7B%22type',
  proto: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
};
const now = () => Math.floor(Date.now() / 1000);
const CONCURRENCY = 8;

describe('earshot serve under malformed requests', () => {
  let slack: FakeSlackApi;
  let auth: FakeBotFrameworkAuth;
  let serve: ServeProcess;
  const outcomes: Array<{ request: string; outcome: RawOutcome; abort?: boolean }> = [];

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    auth = await startFakeBotFrameworkAuth({ appId: APP_ID });
    serve = await startServeProcess({
      ...SECRETS,
      SLACK_API_URL: slack.url,
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_OPENID_METADATA_URL: auth.openIdMetadataUrl,
      LOG_LEVEL: 'debug',
    });
  }, 120_000);
  afterAll(async () => {
    await serve?.stop();
    await slack?.close();
    await auth?.close();
  });

  const run = async (requests: RawRequest[]) => {
    const queue = [...requests];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const outcome = await sendRaw(serve.origin, next, next.stall ? 60_000 : 20_000);
        outcomes.push({
          request: `${next.method} ${next.path} ${summary(next)}`,
          outcome,
          abort: next.abort,
        });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };

  it('answers every request with a status below 500, keeps serving and logs no secret', async () => {
    const started = Date.now();
    await run([
      ...everyMethodEverywhere(),
      ...everyBodyEverywhere(),
      ...slackRequests(SECRETS.SLACK_SIGNING_SECRET),
      ...teamsRequests(auth),
      ...webhookRequests(SECRETS.EARSHOT_WEBHOOK_TOKEN),
      ...transportAbuse(),
    ]);
    const elapsed = Date.now() - started;

    expect(outcomes.length).toBeGreaterThan(300);
    expect(elapsed).toBeLessThan(150_000);
    expect(serve.alive()).toBe(true);
    expect((await fetch(`${serve.origin}/healthz`)).status).toBe(200);
    // Only the requests that hung up on purpose may end without a status.
    const unanswered = outcomes.filter(({ outcome, abort }) => typeof outcome.status !== 'number' && !abort);
    expect(unanswered.map(({ request, outcome }) => `${JSON.stringify(outcome)} ${request}`)).toEqual([]);
    expect(outcomes.find(({ request }) => request.includes('stalled'))?.outcome).toEqual({ status: 408 });
    const logs = serve.stderr();
    for (const [name, value] of Object.entries(SECRETS)) {
      expect([name, logs.includes(value)]).toEqual([name, false]);
    }
    const serverErrors = outcomes.filter(
      ({ outcome }) => typeof outcome.status === 'number' && outcome.status >= 500,
    );
    expect(serverErrors.map(({ request, outcome }) => `${outcome.status} ${request}`)).toEqual([]);
  }, 200_000);
});

function summary(request: RawRequest): string {
  const type = request.headers?.['content-type'] ?? '';
  const size = request.body === undefined ? 0 : Buffer.byteLength(request.body);
  const flags = [request.slow && 'slow', request.abort && 'aborted', request.stall && 'stalled']
    .filter(Boolean)
    .join(' ');
  return `[${type} ${size} bytes${flags ? ` ${flags}` : ''}]`;
}

function everyMethodEverywhere(): RawRequest[] {
  return ROUTES.flatMap((path) =>
    METHODS.flatMap((method) => [
      { method, path },
      { method, path, headers: { 'content-type': 'application/json' }, body: 'null' },
    ]),
  );
}

function everyBodyEverywhere(): RawRequest[] {
  return ROUTES.flatMap((path) =>
    Object.values(BODIES).flatMap((body) =>
      CONTENT_TYPES.map((type) => ({
        method: 'POST',
        path,
        headers: type ? { 'content-type': type } : ({} as Record<string, string>),
        body,
      })),
    ),
  );
}

function slackRequests(signingSecret: string): RawRequest[] {
  const post = (body: string | Buffer, headers: Record<string, string | string[]>): RawRequest => ({
    method: 'POST',
    path: '/slack/events',
    headers,
    body,
  });
  const signed = (body: string, timestamp?: number, contentType?: 'application/json') => ({
    ...signSlackRequest({ signingSecret, body, timestamp, contentType }),
  });
  const event = JSON.stringify({
    type: 'event_callback',
    team_id: 'T0',
    event_id: 'Ev0',
    event: { type: 'app_mention' },
  });
  const signedBodies = [
    ...Object.values(BODIES).filter((body): body is string => typeof body === 'string'),
    '{"type":"event_callback","event":null}',
    '{"type":"event_callback","event":{"type":"message","channel":null,"user":null}}',
    '{"type":"event_callback","event":{"type":"reaction_added","item":"x"},"authorizations":[null]}',
    '{"type":"block_actions","actions":[null]}',
    '{"type":"block_actions","user":null,"team":null,"actions":[]}',
    '{"type":"view_submission","user":{"id":"U1"},"view":null}',
    '{"type":"shortcut","user":"U1"}',
    '{"command":["/earshot"]}',
    '{"type":"url_verification"}',
    '{"type":"url_verification","challenge":{"x":1}}',
  ];
  return [
    ...signedBodies.map((body) => post(body, signed(body))),
    ...signedBodies.map((body) => post(body, signed(body, undefined, 'application/json'))),
    post(event, signed(event, now() + 6 * 60)),
    post(event, signed(event, now() - 6 * 60)),
    post(event, signed(event, now() + 10 ** 11)),
    post(event, { ...signed(event), 'x-slack-request-timestamp': 'soon' }),
    post(event, { ...signed(event), 'x-slack-request-timestamp': '-1' }),
    post(event, { ...signed(event), 'x-slack-request-timestamp': [String(now()), String(now())] }),
    post(event, { ...signed(event), 'x-slack-signature': 'v0=00' }),
    post(event, { ...signed(event), 'x-slack-signature': 'v1=abc' }),
    post(event, { ...signed(event), 'x-slack-signature': '' }),
    post(event, { ...signed(event), 'x-slack-signature': ['v0=1', 'v0=2'] }),
    post(event, { 'content-type': 'application/json' }),
    post('ssl_check=1&token=x&payload=%7B%22type%22%3A%22shortcut%22%7D', {
      'content-type': 'application/x-www-form-urlencoded',
    }),
    post(Buffer.alloc(1_200_000, 'a'), signed('x'.repeat(10))),
  ];
}

function teamsRequests(auth: FakeBotFrameworkAuth): RawRequest[] {
  const serviceUrl = 'http://127.0.0.1:9/teams/';
  const valid = auth.signToken({ serviceUrl });
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
    JSON.stringify({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: serviceUrl }),
  ).toString('base64url')}.`;
  const hs256 = jwt.sign(
    { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: serviceUrl },
    'guess',
    {
      algorithm: 'HS256',
      keyid: auth.keyId,
    },
  );
  const tokens = ['', 'Bearer', 'Bearer x', 'Basic Zm9vOmJhcg==', `Bearer ${none}`, `Bearer ${hs256}`];
  const activity = JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl, text: 'hi' });
  const malformed = [
    'null',
    '[]',
    '"x"',
    '42',
    '{}',
    '{"type":',
    '{"type":7}',
    '{"type":"message","timestamp":"never","conversation":null,"from":5}',
  ];
  return [
    ...tokens.map((authorization) => ({
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'application/json', authorization },
      body: activity,
    })),
    ...malformed.map((body) => ({
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${valid}` },
      body,
    })),
    {
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(1_200_000, 'a'),
    },
  ];
}

function webhookRequests(token: string): RawRequest[] {
  const post = (body: string | Buffer, authorization?: string | string[]): RawRequest => ({
    method: 'POST',
    path: '/hooks/triggers',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body,
  });
  return [
    post('{"workspace":"T0","events":[]}'),
    post('{"workspace":"T0","events":[]}', 'Bearer wrong'),
    post('{"workspace":"T0","events":[]}', `Bearer ${token}x`),
    post('{"workspace":"T0","events":[]}', [`Bearer ${token}`, `Bearer ${token}`]),
    ...Object.values(BODIES).map((body) => post(body, `Bearer ${token}`)),
    post('{"workspace":"T0","events":[{"type":"funding","account":null}]}', `Bearer ${token}`),
    post(`{"workspace":"T0","events":${JSON.stringify(Array(3).fill({ type: 'x' }))}}`, `Bearer ${token}`),
    post(Buffer.alloc(5_100_000, 'a'), `Bearer ${token}`),
  ];
}

/** Oversized and repeated headers, bodies that trickle in or stop halfway, odd paths. */
function transportAbuse(): RawRequest[] {
  const paths = ROUTES.filter((path) => path !== '/healthz');
  const event = '{"type":"event_callback","event":{"type":"app_mention"}}';
  return [
    ...paths.map((path) => ({
      method: 'POST',
      path,
      headers: { 'x-filler': 'a'.repeat(20_000) },
      body: '{}',
    })),
    ...paths.map((path) => ({
      method: 'POST',
      path,
      headers: { 'content-type': ['application/json', 'text/plain'], 'x-dup': Array(200).fill('1') },
      body: '{}',
    })),
    ...paths.map((path) => ({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json' },
      body: event,
      slow: { pieces: 5, pauseMs: 150 },
    })),
    ...paths.map((path) => ({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json' },
      body: event,
      abort: true,
    })),
    // Half a body and then nothing: the server gives up on it (408) instead of holding the socket.
    {
      method: 'POST',
      path: '/slack/events',
      headers: { 'content-type': 'application/json' },
      body: event,
      stall: true,
    },
    { method: 'GET', path: '/%ff%fe' },
    { method: 'GET', path: '/healthz?x=%00' },
    {
      method: 'POST',
      path: '/slack/events?x=1',
      body: 'null',
      headers: { 'content-type': 'application/json' },
    },
    { method: 'GET', path: `/${'a'.repeat(8_000)}` },
  ];
}
