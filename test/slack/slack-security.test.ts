import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { seedEntry } from '../helpers/seed.ts';
import { appMention, eventCallbackBody } from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DATABASE_KINDS)('Slack requests on %s', (kind) => {
  let db: Database;
  let harness: SlackHarness;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(db);
    await seedEntry(db, { workspaceId: TEAM, body: 'Kessler asked for SAP S/4HANA support.' });
  });
  afterEach(async () => {
    await harness.close();
    await harness.earshot.close();
  });

  const mentionBody = (eventId: string) =>
    eventCallbackBody(appMention({ text: `<@${SLACK_IDS.botUserId}> SAP S/4HANA?` }), { eventId });

  it('rejects a forged signature or a stale timestamp with 401 and touches nothing', async () => {
    const forged = await harness.post(mentionBody('Ev1'), { badSignature: true });
    const stale = await harness.post(mentionBody('Ev2'), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    await sleep(300);
    expect(harness.slack.calls.filter((call) => call.method !== 'auth.test')).toEqual([]);
    expect(await harness.earshot.questions.list({ workspaceId: TEAM })).toEqual([]);
  });

  it('answers a retried event once, also after a restart', async () => {
    await harness.post(mentionBody('EvRetry'));
    await harness.slack.waitForCall('chat.update');
    await harness.post(mentionBody('EvRetry'), { retryNum: 1, retryReason: 'http_timeout' });

    const restarted = await startSlackHarness(db);
    try {
      await restarted.post(mentionBody('EvRetry'), { retryNum: 2, retryReason: 'http_timeout' });
      await sleep(500);
      expect(restarted.slack.callsTo('chat.postMessage')).toEqual([]);
    } finally {
      await restarted.close();
    }
    expect(harness.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await harness.earshot.questions.list({ workspaceId: TEAM })).toHaveLength(1);
  });

  it('retries a rate-limited Web API call and still answers', async () => {
    harness.slack.failNext('chat.update', { status: 429, retryAfter: 1 });
    await harness.post(mentionBody('Ev429'));
    // The first update is refused with 429; the client waits Retry-After and sends it again.
    await vi.waitFor(() => expect(harness.slack.callsTo('chat.update')).toHaveLength(2), { timeout: 10_000 });
    const [refused, retried] = harness.slack.callsTo('chat.update');
    expect(retried?.args).toEqual(refused?.args);
    expect(JSON.stringify(retried?.args)).toContain('Kessler asked for SAP S/4HANA support.');
  });

  it('apologises instead of going silent when answering fails, and keeps serving', async () => {
    await db.query('ALTER TABLE questions RENAME TO questions_gone');
    try {
      await harness.post(mentionBody('EvFail'));
      // Generous: under a loaded CI machine the failing answer (and its retries) can take a few seconds.
      const update = await harness.slack.waitForCall('chat.update', undefined, 15_000);
      expect(String(update.args.text)).toMatch(/^Sorry, I couldn't answer that/);
      const errors = harness.logs.lines.filter((line) => line.level >= 50);
      expect(errors.some((line) => line.eventId === 'EvFail')).toBe(true);
    } finally {
      await db.query('ALTER TABLE questions_gone RENAME TO questions');
    }
    const health = await fetch(`http://127.0.0.1:${harness.server.port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('never writes the bot token or signing secret to the logs', async () => {
    await harness.post(mentionBody('EvLogs'));
    await harness.slack.waitForCall('chat.update');
    const logged = JSON.stringify(harness.logs.lines);
    expect(logged).not.toContain('xoxb-test-token');
    expect(logged).not.toContain('test-signing-secret');
  });
});
