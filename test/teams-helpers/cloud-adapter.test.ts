import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
  TeamsInfo,
  type TurnContext,
} from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type FakeBotFrameworkAuth,
  primeOutboundToken,
  startFakeBotFrameworkAuth,
} from '../helpers/teams/bot-framework-auth.ts';
import { type BotHttpServer, startBotHttpServer } from '../helpers/teams/bot-http-server.ts';
import { type FakeBotConnector, startFakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import {
  adaptiveCardInvoke,
  postActivity,
  teamsMention,
  teamsMessage,
} from '../helpers/teams/teams-activities.ts';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text}`);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext) {
    const value = context.activity.value as { action: { verb: string } };
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: { did: value.action.verb },
    };
  }
}

const cleanups: Array<() => unknown> = [];
// CloudAdapter and JwtTokenExtractor console.error every rejected request and failed turn.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

async function startAll(config: Record<string, string> = {}) {
  const connector = await startFakeBotConnector();
  cleanups.push(() => connector.close());
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(config));
  const bot = new EchoBot();
  const server = await startBotHttpServer(adapter, (context) => bot.run(context));
  cleanups.push(() => server.close());
  return { connector, adapter, server };
}

describe('Teams helpers against a real CloudAdapter, without an app id', () => {
  let connector: FakeBotConnector;
  let server: BotHttpServer;

  it('answers 200 and replies on /activities/{replyToId}', async () => {
    ({ connector, server } = await startAll());
    const activity = teamsMessage({ text: 'hi there', serviceUrl: connector.serviceUrl });

    const response = await postActivity(server.url, activity);

    expect(response.status).toBe(200);
    const reply = await connector.waitForActivity();
    expect(reply.method).toBe('POST');
    expect(reply.conversationId).toBe(activity.conversation.id);
    expect(reply.replyToId).toBe(activity.id);
    expect(reply.path).toBe(`/v3/conversations/${activity.conversation.id}/activities/${activity.id}`);
    expect(reply.activity).toMatchObject({ type: 'message', text: 'echo: hi there', replyToId: activity.id });
    expect(reply.authorization).toBeUndefined();
  });

  it('handles channel mentions, whose conversation ids need encoding', async () => {
    ({ connector, server } = await startAll());
    const activity = teamsMention({ text: 'what are you hearing?', serviceUrl: connector.serviceUrl });
    expect(activity.conversation.id).toContain(';messageid=');

    expect((await postActivity(server.url, activity)).status).toBe(200);

    const reply = await connector.waitForActivity();
    expect(reply.conversationId).toBe(activity.conversation.id);
    expect(reply.activity.text).toBe('echo: <at>Earshot</at> what are you hearing?');
  });

  it('returns the adaptive card invoke response as the HTTP body', async () => {
    ({ connector, server } = await startAll());
    const response = await postActivity(
      server.url,
      adaptiveCardInvoke({ verb: 'save', data: { id: 1 }, serviceUrl: connector.serviceUrl }),
    );
    expect(response).toEqual({
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: { did: 'save' } },
    });
  });

  it('records proactive messages and answers member lookups', async () => {
    const { connector, adapter } = await startAll();
    const activity = teamsMessage({ serviceUrl: connector.serviceUrl });
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      conversation: activity.conversation as ConversationReference['conversation'],
      bot: activity.recipient as ConversationReference['bot'],
      user: activity.from as ConversationReference['user'],
    };
    let email: string | undefined;
    await adapter.continueConversationAsync('', reference, async (context) => {
      email = (await TeamsInfo.getMember(context, activity.from.id)).email;
      await context.sendActivity({ type: 'typing' });
      await context.sendActivity('a tip for you');
    });

    expect(email).toMatch(/@example\.com$/);
    expect(connector.activities.map((recorded) => recorded.activity.type)).toEqual([
      undefined,
      'typing',
      'message',
    ]);
    expect(connector.activities[0]?.path).toBe(
      `/v3/conversations/${activity.conversation.id}/members/${activity.from.id}`,
    );
    const tip = await connector.waitForActivity((recorded) => recorded.activity.text === 'a tip for you');
    expect(tip.path).toMatch(/\/activities(\/[^/]+)?$/);
  });

  it('fails on demand', async () => {
    ({ connector, server } = await startAll());
    connector.failNext({ status: 429, retryAfter: 0 }, 10);
    const response = await postActivity(server.url, teamsMessage({ serviceUrl: connector.serviceUrl }));
    expect(response.status).toBe(500);
    expect(connector.activities.length).toBeGreaterThan(0);
  });
});

describe('Teams helpers against a real CloudAdapter, with an app id', () => {
  const appId = '00000000-0000-0000-0000-00000000b07a';
  let auth: FakeBotFrameworkAuth;

  async function startWithAuth() {
    auth = await startFakeBotFrameworkAuth({ appId });
    cleanups.push(() => auth.close());
    cleanups.push(primeOutboundToken({ appId, token: 'outbound-token-1' }));
    return startAll(auth.authConfig('secret'));
  }

  it('accepts a validly signed token and replies with the outbound token', async () => {
    const { connector, server } = await startWithAuth();
    const activity = teamsMessage({ text: 'signed', serviceUrl: connector.serviceUrl });

    const response = await postActivity(server.url, activity, {
      token: auth.signToken({ serviceUrl: connector.serviceUrl }),
    });

    expect(response.status).toBe(200);
    const reply = await connector.waitForActivity();
    expect(reply.activity.text).toBe('echo: signed');
    expect(reply.authorization).toBe('Bearer outbound-token-1');
  });

  it.each([
    ['no token', () => undefined],
    ['a wrong audience', () => auth.signToken({ serviceUrl: currentServiceUrl, audience: 'someone-else' })],
    ['an expired token', () => auth.signToken({ serviceUrl: currentServiceUrl, expiresInSeconds: -600 })],
    [
      'a wrong issuer',
      () => auth.signToken({ serviceUrl: currentServiceUrl, issuer: 'https://evil.example' }),
    ],
    ['a different serviceurl claim', () => auth.signToken({ serviceUrl: 'https://elsewhere.example/' })],
  ])('rejects %s with 401', async (_name, token) => {
    const { connector, server } = await startWithAuth();
    currentServiceUrl = connector.serviceUrl;
    const response = await postActivity(server.url, teamsMessage({ serviceUrl: connector.serviceUrl }), {
      token: token(),
    });
    expect(response.status).toBe(401);
    expect(connector.activities).toEqual([]);
  });

  it('checks the key endorsement against the activity channelId', async () => {
    const { connector, server } = await startWithAuth();
    const token = auth.signToken({ serviceUrl: connector.serviceUrl });
    const activity = { ...teamsMessage({ serviceUrl: connector.serviceUrl }), channelId: 'webchat' };
    expect((await postActivity(server.url, activity, { token })).status).toBe(401);
  });
});

let currentServiceUrl = '';
