import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { writeAccounts } from '../../src/nudges/accounts/import-accounts.ts';
import type { TriggerEventInput } from '../../src/nudges/triggers/trigger-event.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DAY_MS, FakeClock } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';
import { type FakeSlackApi, type FakeUser, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { openSharedServerDatabase, openTestDatabase } from '../helpers/test-database.ts';

const W = SLACK_IDS.workspaceId;
const ANA: FakeUser = { email: 'ana@seller.example', tz: 'Europe/Berlin', real_name: 'Ana Owner' };
const ANA_ID = 'U0ANA';
// 14:00 in Berlin: working hours.
const WORKING_HOURS = '2026-11-23T13:00:00Z';

interface Instance {
  earshot: Earshot;
  server: EarshotServer;
}

describe('buying-trigger alerts in Slack', () => {
  let slack: FakeSlackApi;
  let clock: FakeClock;
  const instances: Instance[] = [];
  const databases: Database[] = [];

  afterEach(async () => {
    for (const { earshot, server } of instances.splice(0)) {
      await server.close();
      await earshot.close();
    }
    for (const db of databases.splice(0)) await db.close().catch(() => {});
    await slack?.close();
  });

  async function startEarshot(db: Database, env: Record<string, string> = {}): Promise<Earshot> {
    const earshot = await testEarshot(
      db,
      {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'test-signing-secret',
        SLACK_API_URL: slack.url,
        ...env,
      },
      { clock },
    );
    instances.push({ earshot, server: await startServer(earshot, { port: 0 }) });
    return earshot;
  }

  async function setUp(
    options: { at?: string; users?: Record<string, FakeUser>; env?: Record<string, string> } = {},
  ) {
    slack = await startFakeSlackApi({
      users: options.users ?? { [ANA_ID]: ANA },
      onlyConfiguredEmails: true,
    });
    clock = new FakeClock(options.at ?? WORKING_HOURS);
    const db = await openTestDatabase('pglite');
    databases.push(db);
    const earshot = await startEarshot(db, options.env);
    await writeAccounts({
      db,
      clock,
      workspaceId: W,
      accounts: [
        {
          name: 'Acme Robotics',
          domain: 'acme.com',
          industry: 'Healthcare',
          ownerEmail: 'ana@seller.example',
        },
      ],
    });
    return { db, earshot };
  }

  const funding = (overrides: Partial<TriggerEventInput> = {}): TriggerEventInput => ({
    type: 'funding',
    account: { domain: 'acme.com' },
    title: 'Acme Robotics raised a $40M Series B',
    occurredAt: new Date('2026-11-22T09:00:00Z'),
    ...overrides,
  });
  const dms = () => slack.callsTo('chat.postMessage').filter((call) => call.args.channel === ANA_ID);
  const blocksText = (call: { args: Record<string, unknown> }) => JSON.stringify(call.args.blocks ?? '');

  it('DMs the owner found by email with what happened, why, the knowledge and references that fit', async () => {
    const { db, earshot } = await setUp();
    await seedEntry(db, {
      workspaceId: W,
      kind: 'tip',
      title: 'After a funding round, lead with the scale story',
      body: 'Teams that just raised a Series B care about scaling onboarding; open with the growth budget.',
    });
    await seedEntry(db, {
      workspaceId: W,
      kind: 'chatter',
      title: 'Private: Acme funding rumour',
      body: 'Acme Robotics Series B funding budget rumour from a private deal room.',
      audience: 'slack:G0PRIVATE',
    });
    await db.prisma.reference.create({
      data: {
        workspaceId: W,
        account: 'Northwind Health',
        accountKey: 'northwind health',
        industry: 'Healthcare',
        ownerEmail: 'csm@seller.example',
        maxRequestsPer90Days: 3,
        cooldownDays: 14,
      },
    });

    await earshot.ingestTriggers({ workspaceId: W, events: [funding()], source: 'webhook' });
    const dm = await slack.waitForCall('chat.postMessage', (call) => call.args.channel === ANA_ID);
    const shown = blocksText(dm);
    expect(String(dm.args.text)).toMatch(/Acme Robotics/);
    expect(shown).toContain('Acme Robotics raised a $40M Series B');
    expect(shown).toContain('Fresh funding comes with a growth plan');
    expect(shown).toContain('After a funding round, lead with the scale story');
    expect(shown).toContain('Northwind Health');
    expect(shown).not.toContain('Private: Acme funding rumour');
    expect(shown).toMatch(/Snooze/);
    expect(shown).toMatch(/Dismiss/);
    expect(shown).toMatch(/Helpful/);

    await vi.waitFor(async () =>
      expect(await db.prisma.nudge.findFirstOrThrow()).toMatchObject({
        status: 'sent',
        platform: 'slack',
        recipientId: ANA_ID,
      }),
    );
    expect(await db.prisma.chatPerson.findFirst({ where: { email: 'ana@seller.example' } })).toMatchObject({
      userId: ANA_ID,
      timeZone: 'Europe/Berlin',
    });

    // The match is kept: the next alert for Ana needs no lookup.
    await earshot.ingestTriggers({
      workspaceId: W,
      events: [funding({ type: 'exec_hire', title: 'Acme hired a new CFO' })],
      source: 'webhook',
    });
    await vi.waitFor(() => expect(dms()).toHaveLength(2), { timeout: 10_000 });
    expect(slack.callsTo('users.lookupByEmail')).toHaveLength(1);
  });

  it('holds an alert during the owner’s quiet hours and sends it when they end', async () => {
    // 23:30 in Berlin.
    const { db, earshot } = await setUp({ at: '2026-11-23T22:30:00Z' });
    await earshot.ingestTriggers({ workspaceId: W, events: [funding()], source: 'webhook' });
    await vi.waitFor(
      async () =>
        expect((await db.prisma.nudge.findFirstOrThrow()).dueAt.toISOString()).toBe(
          '2026-11-24T07:00:00.000Z',
        ),
      { timeout: 10_000 },
    );
    expect(dms()).toHaveLength(0);

    clock.set('2026-11-24T06:59:00Z');
    await earshot.nudges.runDue();
    expect(dms()).toHaveLength(0);

    clock.set('2026-11-24T07:00:00Z');
    await earshot.nudges.runDue();
    expect(dms()).toHaveLength(1);
    expect((await db.prisma.nudge.findFirstOrThrow()).status).toBe('sent');
  });

  it('brings a snoozed alert back a week later as a reminder, and never a dismissed one', async () => {
    const { db, earshot } = await setUp();
    await earshot.ingestTriggers({
      workspaceId: W,
      events: [funding(), funding({ type: 'news', title: 'Acme in the news' })],
      source: 'webhook',
    });
    await vi.waitFor(async () => expect(await db.prisma.nudge.count({ where: { status: 'sent' } })).toBe(2), {
      timeout: 10_000,
    });
    // The two alerts are created concurrently: pick them by their event, not by id order.
    const nudges = await db.prisma.nudge.findMany({ include: { trigger: true } });
    const first = nudges.find((nudge) => nudge.trigger.type === 'funding');
    const second = nudges.find((nudge) => nudge.trigger.type === 'news');
    const actor = { workspaceId: W, platform: 'slack' as const, userId: ANA_ID };
    await earshot.nudgeActions.snooze({ ...actor, nudgeId: first?.id ?? 0 });
    await earshot.nudgeActions.dismiss({ ...actor, nudgeId: second?.id ?? 0 });
    await expect(
      earshot.nudgeActions.snooze({ ...actor, userId: 'U0SOMEONE', nudgeId: first?.id ?? 0 }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    clock.advance(7 * DAY_MS - 60_000);
    await earshot.nudges.runDue();
    expect(dms()).toHaveLength(2);
    clock.advance(60_000);
    await earshot.nudges.runDue();
    expect(dms()).toHaveLength(3);
    expect(blocksText(dms()[2] as never)).toMatch(/snoozed/i);
    expect(blocksText(dms()[2] as never)).toContain('Acme Robotics raised');
    clock.advance(30 * DAY_MS);
    await earshot.nudges.runDue();
    expect(dms()).toHaveLength(3);
  });

  it('keeps trying an owner who is not in chat yet, and says why', async () => {
    const { db, earshot } = await setUp({ users: {} });
    await db.prisma.account.updateMany({ data: { ownerEmail: 'new.hire@seller.example' } });
    await earshot.ingestTriggers({ workspaceId: W, events: [funding()], source: 'webhook' });
    await vi.waitFor(
      async () =>
        expect(String((await db.prisma.nudge.findFirstOrThrow()).lastError)).toMatch(
          /new\.hire@seller\.example not found in slack/,
        ),
      { timeout: 10_000 },
    );
    const nudge = await db.prisma.nudge.findFirstOrThrow();
    expect(nudge.status).toBe('pending');
    expect(nudge.dueAt.getTime()).toBe(clock.now().getTime() + 60 * 60_000);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)(
  'alerts with two Earshot processes on one PostgreSQL database',
  () => {
    it('sends each (event, owner) alert exactly once', async () => {
      const slack = await startFakeSlackApi({
        users: Object.fromEntries(
          Array.from({ length: 5 }, (_, i) => [
            `U0OWNER${i}`,
            { email: `owner${i}@seller.example`, tz: 'UTC' },
          ]),
        ),
      });
      const clock = new FakeClock('2026-11-23T12:00:00Z');
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
        await writeAccounts({
          db: dbA,
          clock,
          workspaceId: W,
          accounts: Array.from({ length: 20 }, (_, i) => ({
            name: `Account ${i}`,
            domain: `account${i}.example`,
            ownerEmail: `owner${i % 5}@seller.example`,
          })),
        });
        const events = Array.from({ length: 60 }, (_, i) => ({
          type: 'news' as const,
          account: { domain: `account${i % 20}.example` },
          title: `Headline ${i}`,
          occurredAt: new Date('2026-11-23T08:00:00Z'),
        }));
        // Process A queues them (and starts sending); B polls the same table at the same time.
        await Promise.all([
          a.ingestTriggers({ workspaceId: W, events, source: 'webhook' }),
          b.nudges.runDue(),
          b.nudges.runDue(),
        ]);
        await Promise.all([a.nudges.runDue(), b.nudges.runDue()]);
        await vi.waitFor(
          async () => expect(await dbA.prisma.nudge.count({ where: { status: 'sent' } })).toBe(60),
          { timeout: 20_000 },
        );
        const posted = slack.callsTo('chat.postMessage').map((call) => JSON.stringify(call.args.blocks));
        expect(posted).toHaveLength(60);
        for (const { title } of events) {
          const mentioning = posted.filter((blocks) => new RegExp(`${title}(?!\\d)`).test(blocks));
          expect(mentioning, title).toHaveLength(1);
        }
      } finally {
        for (const server of servers) await server.close();
        await a.close();
        await b.close();
        await slack.close();
      }
    });
  },
);
