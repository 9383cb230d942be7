import { App, LogLevel } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { type FakeSocketMode, startFakeSocketMode } from '../helpers/slack/fake-socket-mode.ts';
import { appMention, eventCallback, slashCommand } from '../helpers/slack/slack-payloads.ts';

let socket: FakeSocketMode;
let api: FakeSlackApi;

beforeEach(async () => {
  socket = await startFakeSocketMode();
  api = await startFakeSlackApi({ socketModeUrl: socket.url });
});

afterEach(async () => {
  await socket.close();
  await api.close();
});

describe('fake Socket Mode', () => {
  it('connects a SocketModeClient, delivers an events_api envelope and collects its ack', async () => {
    const client = new SocketModeClient({
      appToken: 'xapp-1-test',
      clientOptions: { slackApiUrl: api.url },
      logLevel: LogLevel.ERROR,
    });
    const mentions: string[] = [];
    client.on('app_mention', async ({ event, ack }) => {
      mentions.push(event.text);
      await ack();
    });
    await client.start();
    await socket.connected;

    const ack = await socket.send({
      type: 'events_api',
      envelope_id: 'env-1',
      payload: eventCallback(appMention({ text: '<@U_BOT> hi' })),
    });

    expect(ack).toEqual({ envelope_id: 'env-1', payload: {} });
    expect(mentions).toEqual(['<@U_BOT> hi']);
    expect(api.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-test');
    await client.disconnect();
  });

  it('answers the client heartbeat and can ask it to reconnect', async () => {
    // Pings every 50 ms; a missing pong would make the client drop the connection and open a new one.
    const client = new SocketModeClient({
      appToken: 'xapp-1-test',
      clientOptions: { slackApiUrl: api.url },
      clientPingTimeout: 150,
      logLevel: LogLevel.ERROR,
    });
    client.on('interactive', ({ ack }) => ack());
    await client.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(api.callsTo('apps.connections.open')).toHaveLength(1);

    socket.requestReconnect();
    await socket.whenConnected(2);
    expect(api.callsTo('apps.connections.open')).toHaveLength(2);
    const ack = await socket.send({
      type: 'interactive',
      envelope_id: 'env-2',
      payload: { type: 'block_actions' },
    });
    expect(ack.envelope_id).toBe('env-2');
    await client.disconnect();
  });

  it('runs a Bolt app in socket mode: command acks come back in the envelope ack, say() reaches the Web API', async () => {
    const app = new App({
      token: 'xoxb-test',
      appToken: 'xapp-1-test',
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: api.url },
      installerOptions: { clientOptions: { slackApiUrl: api.url } },
    });
    app.command('/earshot', async ({ command, ack }) => ack(`Searching for "${command.text}"`));
    app.event('app_mention', async ({ say }) => {
      await say('On it');
    });
    await app.start();

    const commandAck = await socket.send({
      type: 'slash_commands',
      payload: slashCommand({ text: 'pricing' }),
    });
    expect(commandAck.payload).toEqual({ text: 'Searching for "pricing"' });

    await socket.send({ type: 'events_api', payload: eventCallback(appMention({ channel: 'C_FIELD' })) });
    const posted = await api.waitForCall('chat.postMessage');
    expect(posted).toMatchObject({ token: 'xoxb-test', args: { channel: 'C_FIELD', text: 'On it' } });
    await app.stop();
  });
});
