import type { AddressInfo } from 'node:net';
import { App, LogLevel, verifySlackRequest } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { postToSlackEndpoint, signSlackRequest } from '../helpers/slack/sign-slack-request.ts';
import {
  appHomeOpened,
  appMention,
  blockActionBody,
  eventCallbackBody,
  messageEvent,
  messageShortcutBody,
  plainTextValues,
  reactionAdded,
  slashCommandBody,
  urlVerificationBody,
  viewSubmissionBody,
} from '../helpers/slack/slack-payloads.ts';

const signingSecret = 'test-signing-secret';
let api: FakeSlackApi;
let app: App;
let endpoint: string;

beforeEach(async () => {
  api = await startFakeSlackApi();
  app = new App({
    token: 'xoxb-test',
    signingSecret,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: api.url },
  });
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterEach(async () => {
  await app.stop();
  await api.close();
});

/** Resolves with the first value a listener hands it; rejects if the listener never runs. */
function captured<T>(timeoutMs = 2_000) {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`listener not called within ${timeoutMs} ms`)), timeoutMs);
    resolve = (value) => {
      clearTimeout(timer);
      done(value);
    };
  });
  return { promise, resolve };
}

const post = (body: string, options: Partial<Parameters<typeof postToSlackEndpoint>[1]> = {}) =>
  postToSlackEndpoint(endpoint, { signingSecret, body, ...options });

/** Posts a signed request and insists Bolt accepted it. */
async function deliver(body: string, options: Partial<Parameters<typeof postToSlackEndpoint>[1]> = {}) {
  const response = await post(body, options);
  expect(response.status, response.text).toBe(200);
  return response;
}

describe('signSlackRequest against Bolt', () => {
  it('produces a signature verifySlackRequest accepts, and that fails for a changed body', () => {
    const body = eventCallbackBody(appMention());
    const headers = signSlackRequest({ signingSecret, body });
    const asBoltReads = {
      'x-slack-signature': headers['x-slack-signature'],
      'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
    };

    expect(() => verifySlackRequest({ signingSecret, body, headers: asBoltReads })).not.toThrow();
    expect(() => verifySlackRequest({ signingSecret, body: `${body} `, headers: asBoltReads })).toThrow(
      /signature mismatch/,
    );
    expect(headers['content-type']).toBe('application/json');
  });

  it('gets 200 from Bolt for a signed request, 401 for a forged or stale one', async () => {
    const body = eventCallbackBody(reactionAdded());
    expect((await post(body)).status).toBe(200);
    expect((await post(body, { badSignature: true })).status).toBe(401);
    expect((await post(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
  });

  it('answers url_verification with the challenge', async () => {
    const response = await post(urlVerificationBody('challenge-123'));
    expect(response.json).toEqual({ challenge: 'challenge-123' });
  });
});

describe('payloads as Bolt parses them', () => {
  it('delivers an app_mention with its retry headers, and say() reaches the fake Web API', async () => {
    const seen = captured<{ text: string; retryNum: number | undefined }>();
    app.event('app_mention', async ({ event, context, say }) => {
      seen.resolve({ text: event.text, retryNum: context.retryNum });
      await say({ text: 'On it', thread_ts: event.ts });
    });

    const mention = appMention({ text: '<@U_BOT> pricing?', channel: 'C_FIELD' });
    await deliver(eventCallbackBody(mention), { retryNum: 1, retryReason: 'http_timeout' });

    expect(await seen.promise).toEqual({ text: '<@U_BOT> pricing?', retryNum: 1 });
    const reply = await api.waitForCall('chat.postMessage');
    expect(reply).toMatchObject({ token: 'xoxb-test', args: { channel: 'C_FIELD', thread_ts: mention.ts } });
  });

  it('delivers message subtypes, reactions and App Home opens as events', async () => {
    const events: Array<{ type: string; subtype?: string }> = [];
    const all = captured<void>();
    const collect = async ({ event }: { event: { type: string; subtype?: string } }) => {
      events.push({ type: event.type, subtype: event.subtype });
      if (events.length === 4) all.resolve();
    };
    app.event('message', collect);
    app.event('reaction_added', collect);
    app.event('app_home_opened', collect);

    await deliver(eventCallbackBody(messageEvent({ subtype: 'message_changed', text: 'edited' })));
    await deliver(eventCallbackBody(messageEvent({ subtype: 'message_deleted' })));
    await deliver(eventCallbackBody(reactionAdded({ reaction: 'bulb' })));
    await deliver(eventCallbackBody(appHomeOpened()));
    await all.promise;

    expect(events).toEqual([
      { type: 'message', subtype: 'message_changed' },
      { type: 'message', subtype: 'message_deleted' },
      { type: 'reaction_added', subtype: undefined },
      { type: 'app_home_opened', subtype: undefined },
    ]);
  });

  it('parses a form-encoded slash command; ack text is the HTTP reply, respond() posts to response_url', async () => {
    app.command('/earshot', async ({ command, ack, respond }) => {
      await ack(`Searching for "${command.text}"`);
      await respond({ text: `${command.user_id} asked in ${command.channel_id}` });
    });

    const response = await deliver(
      slashCommandBody({ text: 'pricing', response_url: api.responseUrl('cmd') }),
    );

    expect(response).toMatchObject({ status: 200, text: 'Searching for "pricing"' });
    const followUp = await api.waitForCall('response_url');
    expect(followUp.args).toEqual({ text: 'U_ALICE asked in C_GENERAL' });
  });

  it('parses block actions, message shortcuts and view submissions from payload=<json>', async () => {
    const clicked = captured<{ value?: string; channel?: string }>();
    app.action('helpful', async ({ ack, action, body }) => {
      await ack();
      clicked.resolve({ value: 'value' in action ? action.value : undefined, channel: body.channel?.id });
    });
    const shortcut = captured<string | undefined>();
    app.shortcut('save_to_earshot', async ({ ack, shortcut: payload }) => {
      await ack();
      shortcut.resolve(payload.type === 'message_action' ? payload.message.text : undefined);
    });
    app.view('save_tip', async ({ ack, view }) => {
      await ack({
        response_action: 'errors',
        errors: { tip: `Got "${view.state.values.tip?.text?.value}"` },
      });
    });

    await deliver(blockActionBody({ action_id: 'helpful', value: 'entry-42', channel: 'C_FIELD' }));
    await deliver(
      messageShortcutBody({ callback_id: 'save_to_earshot', message: { text: 'Lead with ROI' } }),
    );
    const submitted = await deliver(
      viewSubmissionBody({
        callback_id: 'save_tip',
        values: plainTextValues({ tip: { text: 'Ask about budget' } }),
      }),
    );

    expect(await clicked.promise).toEqual({ value: 'entry-42', channel: 'C_FIELD' });
    expect(await shortcut.promise).toBe('Lead with ROI');
    expect(submitted.json).toEqual({ response_action: 'errors', errors: { tip: 'Got "Ask about budget"' } });
  });
});
