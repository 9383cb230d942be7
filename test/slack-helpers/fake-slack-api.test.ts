import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';

// Bolt's re-export of @slack/web-api, which the app itself gets transitively.
const { LogLevel, WebAPIPlatformError, WebClient, WebClientEvent } = webApi;

let api: FakeSlackApi;

beforeEach(async () => {
  api = await startFakeSlackApi({
    channels: { C_DEALS: { name: 'deals', is_private: true } },
    users: { U_CAROL: { real_name: 'Carol Diaz', email: 'carol@acme.test', tz: 'Europe/Berlin' } },
    usergroups: { S_SE: ['U_ALICE', 'U_CAROL'] },
    messages: [
      { channel: 'C_FIELD', ts: '1731000000.000100', user: 'U_ALICE', text: 'Acme wants SSO' },
      {
        channel: 'C_FIELD',
        ts: '1731000000.000200',
        user: 'U_BOB',
        text: 'Globex too',
        thread_ts: '1731000000.000100',
      },
      { channel: 'C_FIELD', ts: '1731000000.000300', user: 'U_CAROL', text: 'Initech asked about SOC 2' },
    ],
  });
});

afterEach(async () => {
  await api.close();
});

function client(options: ConstructorParameters<typeof WebClient>[1] = {}) {
  return new WebClient('xoxb-test-token', {
    slackApiUrl: api.url,
    retryConfig: { retries: 1 },
    logLevel: LogLevel.ERROR,
    ...options,
  });
}

const blocks = [
  { type: 'section', text: { type: 'mrkdwn', text: '*Heard in the field:* annual billing' } },
  {
    type: 'actions',
    elements: [{ type: 'button', action_id: 'helpful', text: { type: 'plain_text', text: 'Helpful' } }],
  },
];

describe('fake Slack Web API', () => {
  it('records chat.postMessage as the WebClient sends it, with blocks decoded', async () => {
    const result = await client().chat.postMessage({ channel: 'C_FIELD', text: 'fallback', blocks });

    const [call] = api.callsTo('chat.postMessage');
    expect(call).toMatchObject({
      token: 'xoxb-test-token',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(call?.args).toEqual({ channel: 'C_FIELD', text: 'fallback', blocks });
    expect(result).toMatchObject({
      ok: true,
      channel: 'C_FIELD',
      message: { text: 'fallback', bot_id: 'B_BOT' },
    });
    expect(result.ts).toMatch(/^\d{10}\.\d{6}$/);
  });

  it('hands out unique, increasing message timestamps and permalinks built from them', async () => {
    const web = client();
    const first = await web.chat.postMessage({ channel: 'C_FIELD', text: 'one' });
    const second = await web.chat.postMessage({ channel: 'C_FIELD', text: 'two', thread_ts: first.ts });
    expect(first.ts).toBe('1732000000.000100');
    expect(second.ts).toBe('1732000000.000200');

    const link = await web.chat.getPermalink({ channel: 'C_FIELD', message_ts: second.ts as string });
    expect(link.permalink).toBe('https://earshot-test.slack.com/archives/C_FIELD/p1732000000000200');
  });

  it('retries a 429 after the Retry-After it sends', async () => {
    api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const web = client();
    const rateLimited: number[] = [];
    web.on(WebClientEvent.RATE_LIMITED, (seconds: number) => rateLimited.push(seconds));

    const started = Date.now();
    const result = await web.chat.postMessage({ channel: 'C_FIELD', text: 'after the limit' });

    expect(result.ok).toBe(true);
    expect(rateLimited).toEqual([1]);
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('fails on demand with platform errors and HTTP 500s', async () => {
    api.failNext('chat.postMessage', { ok: false, error: 'channel_not_found' });
    const web = client({ retryConfig: { retries: 0 } });

    const platform = await web.chat
      .postMessage({ channel: 'C_GONE', text: 'x' })
      .catch((error: unknown) => error);
    expect(platform).toBeInstanceOf(WebAPIPlatformError);
    expect((platform as webApi.WebAPIPlatformError).data.error).toBe('channel_not_found');

    api.failNext('reactions.add', { status: 500 });
    const http = await web.reactions
      .add({ channel: 'C_FIELD', timestamp: '1.2', name: 'eyes' })
      .catch((e) => e);
    expect(http).toMatchObject({ code: 'slack_webapi_http_error', statusCode: 500 });

    expect(await web.chat.postMessage({ channel: 'C_FIELD', text: 'fine again' })).toMatchObject({
      ok: true,
    });
  });

  it('can leave a call unanswered so client timeouts fire', async () => {
    api.failNext('chat.postMessage', { hang: true });
    const web = client({ retryConfig: { retries: 0 }, timeout: 200 });
    const error = await web.chat.postMessage({ channel: 'C_FIELD', text: 'x' }).catch((e) => e);
    expect(error).toMatchObject({ code: 'slack_webapi_request_error' });
  });

  it('answers unknown methods with unknown_method and records them', async () => {
    const error = await client()
      .apiCall('earshot.nonsense', { foo: 'bar' })
      .catch((e) => e);
    expect(error.data).toMatchObject({ ok: false, error: 'unknown_method' });
    expect(api.callsTo('earshot.nonsense')[0]?.args).toEqual({ foo: 'bar' });
  });

  it('rejects calls without a token, like Slack', async () => {
    const error = await new WebClient(undefined, { slackApiUrl: api.url, logLevel: LogLevel.ERROR }).auth
      .test()
      .catch((e) => e);
    expect(error.data.error).toBe('not_authed');
  });

  it('accepts JSON bodies with a bearer token', async () => {
    const response = await fetch(`${api.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-json', 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C_FIELD', text: 'json', blocks }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: 'C_FIELD' });
    expect(api.calls[0]).toMatchObject({
      token: 'xoxb-json',
      contentType: 'application/json',
      args: { blocks },
    });
  });

  it('waits for a call that has not arrived yet', async () => {
    const waiting = api.waitForCall('chat.postEphemeral', (call) => call.args.user === 'U_ALICE');
    await client().chat.postEphemeral({ channel: 'C_FIELD', user: 'U_ALICE', text: 'only you' });
    expect((await waiting).args.text).toBe('only you');
    await expect(api.waitForCall('views.open', undefined, 50)).rejects.toThrow(/no matching views.open call/);
  });

  it('lets a test replace a reply, starting from the default one', async () => {
    api.respond('users.info', (_call, defaultReply) => {
      const reply = defaultReply();
      return { ...reply, user: { ...(reply.user as object), is_restricted: true } };
    });
    const { user } = await client().users.info({ user: 'U_ALICE' });
    expect(user).toMatchObject({ id: 'U_ALICE', is_restricted: true, profile: { real_name: 'Alice' } });
  });

  it('describes users, channels and usergroups, configured or derived', async () => {
    const web = client();
    expect((await web.auth.test()).user_id).toBe('U_BOT');
    expect((await web.users.info({ user: 'U_CAROL' })).user).toMatchObject({
      real_name: 'Carol Diaz',
      tz: 'Europe/Berlin',
      is_bot: false,
      profile: { real_name: 'Carol Diaz', email: 'carol@acme.test' },
    });
    expect((await web.users.lookupByEmail({ email: 'carol@acme.test' })).user?.id).toBe('U_CAROL');
    expect((await web.conversations.info({ channel: 'C_DEALS' })).channel).toMatchObject({
      name: 'deals',
      is_private: true,
    });
    expect((await web.conversations.info({ channel: 'C_FIELD' })).channel).toMatchObject({
      is_private: false,
    });
    expect((await web.conversations.info({ channel: 'D_ALICE' })).channel).toMatchObject({ is_im: true });
    expect((await web.usergroups.users.list({ usergroup: 'S_SE' })).users).toEqual(['U_ALICE', 'U_CAROL']);
    expect((await web.conversations.members({ channel: 'C_FIELD' })).members).toContain('U_BOT');
  });

  it('serves history and threads from its message store, including what the app posted', async () => {
    const web = client();
    await web.chat.postMessage({ channel: 'C_FIELD', text: 'Noted', thread_ts: '1731000000.000100' });

    const history = await web.conversations.history({ channel: 'C_FIELD', oldest: '1731000000.000050' });
    expect(history.messages?.map((m) => m.text)).toEqual(['Initech asked about SOC 2', 'Acme wants SSO']);
    expect(history.messages?.[1]).toMatchObject({ reply_count: 2, thread_ts: '1731000000.000100' });

    const thread = await web.conversations.replies({ channel: 'C_FIELD', ts: '1731000000.000100' });
    expect(thread.messages?.map((m) => m.text)).toEqual(['Acme wants SSO', 'Globex too', 'Noted']);

    const missing = await web.conversations.replies({ channel: 'C_FIELD', ts: '1.000000' }).catch((e) => e);
    expect(missing.data.error).toBe('thread_not_found');
  });

  it('opens, publishes and updates views', async () => {
    const web = client();
    const view = {
      type: 'modal' as const,
      callback_id: 'save_tip',
      title: { type: 'plain_text' as const, text: 'Tip' },
      blocks: [],
    };
    const opened = await web.views.open({ trigger_id: '1.2.3', view });
    expect(opened.view).toMatchObject({ callback_id: 'save_tip', type: 'modal', state: { values: {} } });
    expect(api.callsTo('views.open')[0]?.args.view).toEqual(view);

    const updated = await web.views.update({ view_id: opened.view?.id as string, view });
    expect(updated.view?.id).toBe(opened.view?.id);
    await web.views.publish({ user_id: 'U_ALICE', view: { type: 'home', blocks: [] } });
  });

  it('records what Bolt posts to a response_url', async () => {
    await fetch(api.responseUrl('cmd-1'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Only you can see this', response_type: 'ephemeral' }),
    });
    expect(api.callsTo('response_url')[0]?.args).toEqual({
      text: 'Only you can see this',
      response_type: 'ephemeral',
    });
  });
});
