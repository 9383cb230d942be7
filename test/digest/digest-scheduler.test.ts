import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { DigestRun } from '../../src/digest/digest-runs.ts';
import type { WeeklySchedule } from '../../src/digest/weekly-schedule.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DAY_MS, FakeClock } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { DATABASE_KINDS, openSharedServerDatabase, openTestDatabase } from '../helpers/test-database.ts';

const W = SLACK_IDS.teamId;
const CHANNEL = 'C0DIGEST';
const MONDAY_9_BERLIN: WeeklySchedule = { weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' };
const MINUTE_MS = 60_000;

describe.each(DATABASE_KINDS)('digest schedule (%s)', (kind) => {
  let slack: FakeSlackApi;
  let clock: FakeClock;
  const started: Array<{ earshot: Earshot; server: EarshotServer }> = [];
  let db: Database;

  afterEach(async () => {
    for (const { earshot, server } of started.splice(0)) {
      await server.close();
      await earshot.close();
    }
    await slack?.close();
  });

  /** An Earshot process serving Slack against the fake Web API; a second call is a restart. */
  async function startEarshot(): Promise<Earshot> {
    const earshot = await testEarshot(
      db,
      { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'test-signing-secret', SLACK_API_URL: slack.url },
      { clock },
    );
    started.push({ earshot, server: await startServer(earshot, { port: 0 }) });
    return earshot;
  }

  async function stopEarshot(earshot: Earshot): Promise<void> {
    const index = started.findIndex((instance) => instance.earshot === earshot);
    const [instance] = started.splice(index, 1);
    await instance?.server.close();
    // The database stays open for the next process: it belongs to the test.
    instance?.earshot.digests.scheduler.stop();
  }

  async function setUp(at: string) {
    slack = await startFakeSlackApi();
    clock = new FakeClock(at);
    db = await openTestDatabase(kind);
    const earshot = await startEarshot();
    return earshot;
  }

  async function subscribe(earshot: Earshot, schedule = MONDAY_9_BERLIN, channel = CHANNEL) {
    return earshot.digests.subscribe({
      conversation: {
        platform: 'slack',
        workspaceId: W,
        conversationId: channel,
        kind: 'channel',
        userId: null,
        reference: { channel },
      },
      schedule,
      topics: [],
      forCurators: false,
      createdBy: 'U0CURATOR',
    });
  }

  const posts = (channel = CHANNEL) =>
    slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
  const runs = (earshot: Earshot): Promise<DigestRun[]> =>
    earshot.digests.runs.recent({ workspaceId: W, conversationId: CHANNEL }, 50);

  it('posts on Monday at 09:00 Berlin time, once, and the next one a week later', async () => {
    const earshot = await setUp('2026-11-20T12:00:00Z');
    await subscribe(earshot);
    await seedEntry(db, {
      workspaceId: W,
      kind: 'tip',
      title: 'Lead with the ROI calculator',
      author: 'Dana',
      createdAt: new Date('2026-11-21T10:00:00Z'),
    } as never);

    clock.set('2026-11-23T07:59:00Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(0);

    clock.set('2026-11-23T08:00:00Z');
    await Promise.all([earshot.digests.scheduler.sync(), earshot.digests.scheduler.sync()]);
    clock.advance(MINUTE_MS);
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(posts()[0]?.args)).toContain('Lead with the ROI calculator');
    const [first] = await runs(earshot);
    expect(first).toMatchObject({ status: 'posted', late: false, manual: false });
    expect(first?.periodFrom.toISOString()).toBe('2026-11-16T08:00:00.000Z');
    expect(first?.periodTo.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(first?.messageId).toBeTruthy();

    clock.set('2026-11-30T08:00:30Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(2);
    const [second] = await runs(earshot);
    expect(second?.periodFrom.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(JSON.stringify(posts()[1]?.args)).not.toContain('Lead with the ROI calculator');
  });

  it('runs a node-cron job per subscription in its zone, also for subscriptions other processes made', async () => {
    const earshot = await setUp('2026-11-20T12:00:00Z');
    const { subscription } = await subscribe(earshot);
    const other = await earshot.digests.subscriptions.subscribe({
      platform: 'slack',
      workspaceId: W,
      conversationId: 'C0OTHER',
      schedule: { weekday: 5, time: '16:30', timeZone: 'America/New_York' },
      topics: [],
      forCurators: false,
      createdBy: 'U0CURATOR',
      now: clock.now(),
    });
    expect(earshot.digests.scheduler.declaredJobs()).toEqual([
      { id: 'digest:sync', schedule: '* * * * *', timeZone: undefined },
      { id: `digest:${subscription.id}`, schedule: '0 9 * * 1', timeZone: 'Europe/Berlin' },
    ]);
    await earshot.digests.scheduler.sync();
    expect(earshot.digests.scheduler.declaredJobs()).toContainEqual({
      id: `digest:${other.id}`,
      schedule: '30 16 * * 5',
      timeZone: 'America/New_York',
    });
    await earshot.digests.unsubscribe({ platform: 'slack', workspaceId: W, conversationId: CHANNEL });
    expect(earshot.digests.scheduler.declaredJobs().map((job) => job.id)).toEqual([
      'digest:sync',
      `digest:${other.id}`,
    ]);
  });

  it('does not post an occurrence that passed before the channel subscribed', async () => {
    const earshot = await setUp('2026-11-23T08:30:00Z');
    await subscribe(earshot);
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(0);
    const status = await earshot.digests.status({
      platform: 'slack',
      workspaceId: W,
      conversationId: CHANNEL,
    });
    expect(status?.next.toISOString()).toBe('2026-11-30T08:00:00.000Z');
  });

  it('posts once after a restart, not again', async () => {
    const earshot = await setUp('2026-11-20T12:00:00Z');
    await subscribe(earshot);
    clock.set('2026-11-23T08:00:05Z');
    await earshot.digests.scheduler.sync();
    await stopEarshot(earshot);
    const restarted = await startEarshot();
    await restarted.digests.scheduler.sync();
    expect(posts()).toHaveLength(1);
  });

  it('posts a period missed while Earshot was down once when it comes back, marked late, covering the gap', async () => {
    const earshot = await setUp('2026-11-13T12:00:00Z');
    await subscribe(earshot);
    clock.set('2026-11-16T08:00:00Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(1);
    await stopEarshot(earshot);

    // Down from Monday 16th until Wednesday 25th: the 23rd was missed.
    await seedEntry(db, {
      workspaceId: W,
      kind: 'research',
      title: 'Win/loss survey Q4',
      createdAt: new Date('2026-11-20T10:00:00Z'),
    } as never);
    clock.set('2026-11-25T10:00:00Z');
    const back = await startEarshot();
    await back.digests.scheduler.sync();
    clock.advance(MINUTE_MS);
    await back.digests.scheduler.sync();
    expect(posts()).toHaveLength(2);
    expect(JSON.stringify(posts()[1]?.args)).toContain('Win/loss survey Q4');
    const [late] = await runs(back);
    expect(late).toMatchObject({ status: 'posted', late: true });
    expect(late?.scheduledFor.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(late?.periodFrom.toISOString()).toBe('2026-11-16T08:00:00.000Z');

    // The next one is on time again and starts where the late one ended.
    clock.set('2026-11-30T08:00:00Z');
    await back.digests.scheduler.sync();
    const [onTime] = await runs(back);
    expect(onTime).toMatchObject({ late: false });
    expect(onTime?.periodFrom.toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });

  it('after weeks down, posts one late digest for the latest period, not one per missed week', async () => {
    const earshot = await setUp('2026-11-13T12:00:00Z');
    await subscribe(earshot);
    clock.set('2026-11-16T08:00:00Z');
    await earshot.digests.scheduler.sync();
    await stopEarshot(earshot);
    clock.set('2026-12-09T12:00:00Z');
    const back = await startEarshot();
    await back.digests.scheduler.sync();
    expect(posts()).toHaveLength(2);
    const [late] = await runs(back);
    expect(late?.scheduledFor.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(late?.periodFrom.toISOString()).toBe('2026-11-16T08:00:00.000Z');
    expect(late?.late).toBe(true);
  });

  it('keeps 09:00 local across the end of summer time', async () => {
    const earshot = await setUp('2026-10-15T12:00:00Z');
    await subscribe(earshot);
    clock.set('2026-10-19T07:00:00Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(1);
    // 07:00 UTC is 08:00 in Berlin after the change: too early.
    clock.set('2026-10-26T07:00:00Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(1);
    clock.set('2026-10-26T08:00:00Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(2);
    const [second] = await runs(earshot);
    expect(second).toMatchObject({ late: false });
    expect(second?.periodFrom.toISOString()).toBe('2026-10-19T07:00:00.000Z');
  });

  it('retries a digest Slack refused, and still posts it once', async () => {
    const earshot = await setUp('2026-11-20T12:00:00Z');
    await subscribe(earshot);
    slack.failNext('chat.postMessage', { ok: false, error: 'fatal_error' }, 1);
    clock.set('2026-11-23T08:00:00Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(1);
    expect((await runs(earshot))[0]).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('fatal_error'),
    });

    // The first retry waits a minute.
    clock.advance(30_000);
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(1);
    clock.advance(MINUTE_MS);
    await earshot.digests.scheduler.sync();
    await earshot.digests.scheduler.sync();
    // The refused attempt and the one that landed; nothing after.
    expect(posts()).toHaveLength(2);
    expect((await runs(earshot))[0]).toMatchObject({ status: 'posted', attempts: 2, late: false });
  });

  it('changing the schedule moves the next digest; off stops it', async () => {
    const earshot = await setUp('2026-11-20T12:00:00Z');
    await subscribe(earshot);
    const moved = await subscribe(earshot, { weekday: 5, time: '16:00', timeZone: 'America/New_York' });
    expect(moved.next.toISOString()).toBe('2026-11-20T21:00:00.000Z');
    clock.set('2026-11-20T21:00:00Z');
    await earshot.digests.scheduler.sync();
    clock.set('2026-11-23T08:00:00Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(1);
    expect(
      await earshot.digests.unsubscribe({ platform: 'slack', workspaceId: W, conversationId: CHANNEL }),
    ).toBe(true);
    clock.set('2026-11-27T21:00:00Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(1);
  });

  it('a schedule changed after its digest went out (the console) never posts that week again', async () => {
    const earshot = await setUp('2026-11-20T12:00:00Z');
    const { subscription } = await subscribe(earshot);
    clock.set('2026-11-23T08:00:00Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(1);
    // An hour later, moved to 09:30 the same Monday: that occurrence is already past.
    clock.set('2026-11-23T09:00:00Z');
    const schedule = { weekday: 1, time: '09:30', timeZone: 'Europe/Berlin' };
    expect(
      await earshot.digests.change(subscription.id, 'another-org', {
        schedule,
        topics: [],
        forCurators: false,
      }),
    ).toBeNull();
    const changed = await earshot.digests.change(subscription.id, W, {
      schedule,
      topics: ['pricing'],
      forCurators: false,
    });
    expect(changed).toMatchObject({ schedule, topics: ['pricing'], createdBy: 'U0CURATOR' });
    clock.set('2026-11-23T09:31:00Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(1);
    clock.set('2026-11-30T08:30:00Z');
    await earshot.digests.scheduler.sync();
    expect(posts()).toHaveLength(2);
    const [latest] = await runs(earshot);
    expect(latest?.topics).toEqual(['pricing']);
    expect(latest?.periodFrom.toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });

  it('`digest run` posts one now, covering the time since the last digest', async () => {
    const earshot = await setUp('2026-11-20T12:00:00Z');
    await subscribe(earshot);
    clock.set('2026-11-23T08:00:00Z');
    await earshot.digests.scheduler.sync();
    clock.set('2026-11-25T15:00:00Z');
    const run = await earshot.digests.postNow(
      { platform: 'slack', workspaceId: W, conversationId: CHANNEL },
      { timeZone: 'UTC' },
    );
    expect(run).toMatchObject({ status: 'posted', manual: true });
    expect(run.periodFrom.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(posts()).toHaveLength(2);
    clock.set('2026-11-30T08:00:00Z');
    await earshot.digests.scheduler.sync();
    const [next] = await runs(earshot);
    expect(next?.periodFrom.toISOString()).toBe('2026-11-25T15:00:00.000Z');
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)(
  'digests with two Earshot processes on one PostgreSQL database',
  () => {
    it('posts each (subscription, period) exactly once', async () => {
      const slack = await startFakeSlackApi();
      const clock = new FakeClock('2026-11-20T12:00:00Z');
      const [dbA, dbB] = await openSharedServerDatabase(2);
      if (!dbA || !dbB) throw new Error('two connections expected');
      const env = {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'test-signing-secret',
        SLACK_API_URL: slack.url,
      };
      const a = await testEarshot(dbA, env, { clock });
      const b = await testEarshot(dbB, env, { clock });
      const servers = [await startServer(a, { port: 0 }), await startServer(b, { port: 0 })];
      try {
        const channels = Array.from({ length: 20 }, (_, i) => `C0CHAN${i}`);
        for (const [i, channel] of channels.entries()) {
          await (i % 2 ? a : b).digests.subscribe({
            conversation: {
              platform: 'slack',
              workspaceId: W,
              conversationId: channel,
              kind: 'channel',
              userId: null,
              reference: { channel },
            },
            schedule: MONDAY_9_BERLIN,
            topics: [],
            forCurators: false,
            createdBy: 'U0CURATOR',
          });
        }
        clock.set('2026-11-23T08:00:00Z');
        await Promise.all([a.digests.scheduler.sync(), b.digests.scheduler.sync()]);
        clock.advance(MINUTE_MS);
        await Promise.all([a.digests.scheduler.sync(), b.digests.scheduler.sync()]);
        const posted = slack.callsTo('chat.postMessage').map((call) => String(call.args.channel));
        expect(posted.sort()).toEqual([...channels].sort());
        clock.advance(7 * DAY_MS);
        await Promise.all([a.digests.scheduler.sync(), b.digests.scheduler.sync()]);
        expect(slack.callsTo('chat.postMessage')).toHaveLength(40);
      } finally {
        for (const server of servers) await server.close();
        await a.close();
        await b.close();
        await slack.close();
      }
    });
  },
);
