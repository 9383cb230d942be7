import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import {
  conversationUpdate,
  installationUpdate,
  messageExtensionAction,
  teamsMention,
  teamsMessage,
} from '../helpers/teams/teams-activities.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('Teams activity builders', () => {
  it('merge overrides into Teams-shaped defaults', () => {
    const message = teamsMessage({
      text: 'x',
      conversation: { conversationType: 'groupChat', tenantId: 't9' },
    });
    expect(message).toMatchObject({
      type: 'message',
      channelId: 'msteams',
      conversation: { conversationType: 'groupChat', tenantId: 't9', isGroup: true },
      channelData: { tenant: { id: 't9' } },
      recipient: { id: '28:bot-app-id' },
    });
    expect(teamsMention({ text: 'hi' })).toMatchObject({
      text: '<at>Earshot</at> hi',
      entities: [{ type: 'mention', text: '<at>Earshot</at>', mentioned: { id: '28:bot-app-id' } }],
      channelData: { team: { id: expect.any(String) }, channel: { id: expect.any(String) } },
    });
    expect(messageExtensionAction({ commandId: 'saveTip', messagePayload: {} })).toMatchObject({
      type: 'invoke',
      name: 'composeExtension/submitAction',
      value: { commandId: 'saveTip', messagePayload: { body: { contentType: 'html' } }, data: {} },
    });
    expect(messageExtensionAction({ commandId: 'saveTip', phase: 'fetch' }).name).toBe(
      'composeExtension/fetchTask',
    );
    expect(installationUpdate()).toMatchObject({ type: 'installationUpdate', action: 'add' });
    expect(conversationUpdate()).toMatchObject({
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:bot-app-id' }],
    });
  });
});

describe('fake Bot Connector', () => {
  it('answers updates, create conversation and member lookups, and fails on demand', async () => {
    const connector = await startFakeBotConnector();
    closers.push(() => connector.close());
    const call = (method: string, path: string, body?: unknown) =>
      fetch(new URL(path, connector.serviceUrl), {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then(async (response) => ({ status: response.status, body: await response.json() }));

    expect(
      await call('PUT', 'v3/conversations/a%3A1/activities/42', { type: 'message', text: 'v2' }),
    ).toEqual({
      status: 200,
      body: { id: '42' },
    });
    expect(await call('POST', 'v3/conversations', { isGroup: false })).toMatchObject({
      status: 201,
      body: { id: 'a:new-conversation', activityId: expect.any(String) },
    });
    expect(await call('GET', 'v3/conversations/a%3A1/members/29%3Au')).toMatchObject({
      status: 200,
      body: { id: '29:u', aadObjectId: expect.any(String), email: expect.any(String) },
    });

    connector.failNext({ status: 503 });
    expect((await call('POST', 'v3/conversations/a%3A1/activities', { type: 'message' })).status).toBe(503);
    expect((await call('POST', 'v3/conversations/a%3A1/activities', { type: 'message' })).status).toBe(201);

    const update = await connector.waitForActivity((recorded) => recorded.method === 'PUT');
    expect(update).toMatchObject({ conversationId: 'a:1', replyToId: '42', activity: { text: 'v2' } });
    await expect(connector.waitForActivity((recorded) => recorded.method === 'DELETE', 50)).rejects.toThrow(
      /no matching request/,
    );
  });
});
