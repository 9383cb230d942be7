import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/main.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { startFakeSocketMode } from '../helpers/slack/fake-socket-mode.ts';
import { appMention, eventCallback } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { installByOAuth } from '../helpers/slack/slack-oauth-browser.ts';
import { openTestDatabase } from '../helpers/test-database.ts';

describe('Slack over Socket Mode', () => {
  it('connects with the app token, acks an event over the socket and answers it', async () => {
    const socket = await startFakeSocketMode();
    const slack = await startFakeSlackApi({ socketModeUrl: socket.url });
    const db = await openTestDatabase('pglite');
    await seedEntry(db, {
      workspaceId: SLACK_IDS.workspaceId,
      body: 'Fernway wants SCIM provisioning on Growth.',
    });
    const earshot = await testEarshot(db, {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: slack.url,
    });
    const server = await startServer(earshot, { port: 0 });
    try {
      expect(server.slack?.mode).toBe('socket');
      await socket.connected;
      const ack = await socket.send({
        type: 'events_api',
        payload: eventCallback(appMention({ text: `<@${SLACK_IDS.botUserId}> SCIM provisioning?` })),
      });
      expect(ack.envelope_id).toBeTruthy();
      const update = await slack.waitForCall('chat.update');
      expect(JSON.stringify(update.args.blocks)).toContain('Fernway wants SCIM provisioning on Growth.');
      expect(slack.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test');
      // Socket Mode needs no public endpoint.
      const http = await fetch(`http://127.0.0.1:${server.port}/slack/events`, { method: 'POST' });
      expect(http.status).toBe(404);
    } finally {
      await server.close();
      await earshot.close();
      await slack.close();
      await socket.close();
    }
  });
});

describe('Slack OAuth installs over Socket Mode', () => {
  it('installs over HTTP and answers the installed workspace over the socket with its own token', async () => {
    const socket = await startFakeSocketMode();
    const oauth = { clientId: '1234567890.1111111111', clientSecret: 'socket-client-secret-0123' };
    const slack = await startFakeSlackApi({ socketModeUrl: socket.url, oauth });
    const db = await openTestDatabase('pglite');
    const earshot = await testEarshot(db, {
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: slack.url,
      SLACK_CLIENT_ID: oauth.clientId,
      SLACK_CLIENT_SECRET: oauth.clientSecret,
      SLACK_STATE_SECRET: 'socket-state-secret-0123456789abcdef',
      EARSHOT_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('hex'),
    });
    const server = await startServer(earshot, { port: 0 });
    try {
      expect(server.slack?.mode).toBe('socket');
      await socket.connected;
      const installed = await installByOAuth(`http://127.0.0.1:${server.port}`, slack, {
        team: { id: 'T_APAC', name: 'Acme APAC' },
        botToken: 'xoxb-apac-socket-token-5d2e',
        botUserId: 'U_BOT_APAC',
        botId: 'B_APAC',
        scope: 'app_mentions:read,chat:write',
        installerUserId: 'U_APAC_ADMIN',
      });
      expect(installed.status).toBe(200);
      await seedEntry(db, {
        workspaceId: 'slack:T_APAC',
        body: 'Fernway wants SCIM provisioning on Growth.',
      });
      await socket.send({
        type: 'events_api',
        payload: eventCallback(appMention({ team: 'T_APAC', text: '<@U_BOT_APAC> SCIM provisioning?' }), {
          teamId: 'T_APAC',
        }),
      });
      const update = await slack.waitForCall('chat.update');
      expect(JSON.stringify(update.args.blocks)).toContain('Fernway wants SCIM provisioning on Growth.');
      expect(update.token).toBe('xoxb-apac-socket-token-5d2e');
    } finally {
      await server.close();
      await earshot.close();
      await slack.close();
      await socket.close();
    }
  });
});

describe('Earshot without Slack credentials', () => {
  it('still serves, and says in one log line how to enable Slack', async () => {
    const db = await openTestDatabase('pglite');
    const earshot = await testEarshot(db);
    const logs = captureLogs();
    const server = await startServer({ ...earshot, logger: logs.logger }, { port: 0 });
    try {
      expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${server.port}/slack/events`, { method: 'POST' })).status).toBe(
        404,
      );
      const hints = logs.lines.filter((line) => /Slack is off/.test(line.msg));
      expect(hints).toHaveLength(1);
      expect(hints[0]?.msg).toContain('SLACK_BOT_TOKEN');
    } finally {
      await server.close();
      await earshot.close();
    }
  });
});
