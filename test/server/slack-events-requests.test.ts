import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { seedEntry } from '../helpers/seed.ts';
import { signSlackRequest } from '../helpers/slack/sign-slack-request.ts';
import { appMention, eventCallbackBody } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from '../slack/slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe.each(DATABASE_KINDS)('malformed requests to /slack/events on %s', (kind) => {
  let db: Database;
  let harness: SlackHarness;
  let base: string;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(db);
    base = `http://127.0.0.1:${harness.server.port}`;
    await seedEntry(db, { workspaceId: TEAM, body: 'Kessler asked for SAP S/4HANA support.' });
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  const mention = (eventId: string) =>
    eventCallbackBody(appMention({ text: `<@${SLACK_IDS.botUserId}> SAP S/4HANA?` }), { eventId });
  const healthy = async () => (await fetch(`${base}/healthz`)).status;

  it('answers every method but POST with 405 and Allow, and keeps serving', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
      const response = await fetch(`${base}/slack/events`, { method });
      expect([method, response.status]).toEqual([method, 405]);
      expect(response.headers.get('allow')).toBe('POST');
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(await healthy()).toBe(200);
  });

  it('refuses correctly signed bodies that are not a Slack payload with 400', async () => {
    const bodies: Array<[string, 'application/json' | 'application/x-www-form-urlencoded']> = [
      ['null', 'application/json'],
      ['[]', 'application/json'],
      ['"text"', 'application/json'],
      ['42', 'application/json'],
      ['{"type":', 'application/json'],
      ['{}', 'application/json'],
      ['{"type":"event_callback","event":null}', 'application/json'],
      ['{"type":"event_callback","event":"x"}', 'application/json'],
      ['{"type":"block_actions","actions":[null],"team":null}', 'application/json'],
      ['payload=null', 'application/x-www-form-urlencoded'],
      ['payload=%5B%5D', 'application/x-www-form-urlencoded'],
      ['payload=%7B', 'application/x-www-form-urlencoded'],
      ['command=%2Fearshot&command=%2Fearshot', 'application/x-www-form-urlencoded'],
    ];
    for (const [body, contentType] of bodies) {
      const response = await harness.post(body, { contentType });
      expect([body, response.status]).toEqual([body, 400]);
    }
    expect(await healthy()).toBe(200);
    expect(await harness.earshot.questions.list({ workspaceId: TEAM })).toEqual([]);
  });

  it('refuses timestamps more than 5 minutes away in either direction, or missing, with 401', async () => {
    const future = await harness.post(mention('EvFuture'), { timestamp: nowSeconds() + 6 * 60 });
    const past = await harness.post(mention('EvPast'), { timestamp: nowSeconds() - 6 * 60 });
    const body = mention('EvNoTimestamp');
    const { 'x-slack-request-timestamp': _ts, ...unstamped } = signSlackRequest({
      signingSecret: SIGNING_SECRET,
      body,
    });
    const missing = await fetch(`${base}/slack/events`, { method: 'POST', headers: unstamped, body });
    const notANumber = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { ...unstamped, 'x-slack-request-timestamp': '1e10' },
      body,
    });
    expect([future.status, past.status, missing.status, notANumber.status]).toEqual([401, 401, 401, 401]);
    const inWindow = await harness.post(mention('EvNow'), { timestamp: nowSeconds() + 4 * 60 });
    expect(inWindow.status).toBe(200);
    await harness.slack.waitForCall('chat.update');
    const questions = await harness.earshot.questions.list({ workspaceId: TEAM });
    expect(questions).toHaveLength(1);
  });

  it('refuses a body over the size limit with 413 before checking anything else', async () => {
    const big = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(1_100_000) });
    const declared = await harness.post(big);
    expect(declared.status).toBe(413);
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { ...signSlackRequest({ signingSecret: SIGNING_SECRET, body: big }) },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await healthy()).toBe(200);
  });

  it('still answers a forged signature with 401 and a URL verification with its challenge', async () => {
    const forged = await harness.post(mention('EvForged'), { badSignature: true });
    expect(forged.status).toBe(401);
    const challenge = await harness.post(JSON.stringify({ type: 'url_verification', challenge: 'abc' }));
    expect([challenge.status, challenge.json]).toEqual([200, { challenge: 'abc' }]);
  });
});
