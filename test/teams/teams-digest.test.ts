import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { DIGEST_USAGE } from '../../src/digest/digest-command.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';
import type { FakeBotConnector, RecordedActivity } from '../helpers/teams/fake-bot-connector.ts';
import { cardOf, withCard } from '../helpers/teams/recorded-cards.ts';
import {
  type ActivityOverrides,
  installationUpdate,
  TEAMS_DEFAULTS,
  type TeamsActivity,
  teamsMention,
  teamsMessage,
} from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { asMember, type TeamsUser, teamsUser } from '../helpers/teams/teams-users.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;
// Thursday 26 Nov 2026, 11:00 in Berlin.
const THURSDAY = '2026-11-26T10:00:00Z';
// Monday 30 Nov 2026, 09:00 in Berlin.
const MONDAY_9_BERLIN = '2026-11-30T08:00:00Z';
const CHANNEL = '19:deal-desk@thread.tacv2';
const CURATOR = teamsUser('cara', 'Cara Curator');
const REP = teamsUser('rory', 'Rory Rep');

interface Instance {
  earshot: Earshot;
  server: EarshotServer;
  url: string;
}

/** What every schedule reply ends with: how to preview or stop the digest. */
const COMMANDS = '\n`digest preview` shows what it would post now; `digest off` stops it.';

describe.each(DATABASE_KINDS)('weekly digests in Teams (%s)', (kind) => {
  let teams: TeamsHarness;
  let connector: FakeBotConnector;
  let db: Database;
  let clock: FakeClock;
  let main: Instance;
  const instances: Instance[] = [];
  let threads = 0;

  /** An Earshot process on the test database, authenticating every request, as in production. */
  async function start(env: Record<string, string> = {}): Promise<Instance> {
    const earshot = await testEarshot(
      db,
      { ...teams.env, EARSHOT_DEFAULT_TIME_ZONE: 'Europe/Lisbon', ...env },
      { clock },
    );
    const server = await startServer(earshot, { port: 0 });
    const instance = { earshot, server, url: teams.urlOf(server) };
    instances.push(instance);
    return instance;
  }

  beforeEach(async () => {
    teams = await startTeamsHarness({ connector: { members: [CURATOR, REP].map(asMember) } });
    connector = teams.connector;
    db = await openTestDatabase(kind);
    clock = new FakeClock(THURSDAY);
    main = await start({ EARSHOT_CURATORS: CURATOR.from.aadObjectId });
  });
  afterEach(async () => {
    for (const { server } of instances.splice(0)) await server.close();
    // Every instance shares the one database: closing it once is enough.
    await main.earshot.close();
    await teams.close();
  });

  /** Posts an activity with a valid Bot Framework token; returns what Earshot then sent. */
  async function send(activity: TeamsActivity, to: Instance = main): Promise<RecordedActivity[]> {
    const before = connector.activities.length;
    const response = await teams.postActivity(to.url, activity);
    expect(response.status).toBe(200);
    return connector.activities
      .slice(before)
      .filter((call) => call.method === 'POST' && (call.activity.text || withCard(call)));
  }

  /** @Earshot `text` in a new thread of a channel (Teams adds the thread to the conversation id). */
  function inChannel(user: TeamsUser, text: string, overrides: ActivityOverrides = {}, channel = CHANNEL) {
    threads += 1;
    return teamsMention({
      text,
      from: user.from,
      conversation: {
        conversationType: 'channel',
        id: `${channel};messageid=${1_800_000_000_000 + threads}`,
      },
      serviceUrl: connector.serviceUrl,
      ...overrides,
    });
  }

  function inChat(user: TeamsUser, text: string, overrides: ActivityOverrides = {}) {
    return teamsMessage({
      text,
      from: user.from,
      conversation: { id: user.chatId },
      serviceUrl: connector.serviceUrl,
      ...overrides,
    });
  }

  /** The text Earshot answered a command with. */
  async function reply(activity: TeamsActivity, to: Instance = main): Promise<string> {
    const sent = await send(activity, to);
    expect(sent).toHaveLength(1);
    return String(sent[0]?.activity.text);
  }

  const digestsPosted = (conversationId: string) =>
    connector.activities.filter(
      (call) =>
        call.method === 'POST' &&
        call.conversationId === conversationId &&
        cardOf(call).includes('**Earshot digest · '),
    );

  const subscription = () => db.prisma.digestSubscription.findFirst();

  it('lets a curator set, show and stop a channel’s weekly digest; others may only look', async () => {
    expect(await reply(inChannel(CURATOR, 'digest weekly mon 09:00 Europe/Berlin topics: pricing'))).toBe(
      'Weekly digest here: Mondays at 09:00 (Europe/Berlin), next on Mon 30 Nov at 09:00; topics: pricing.' +
        COMMANDS,
    );
    expect(await subscription()).toMatchObject({
      platform: 'teams',
      workspaceId: WORKSPACE,
      conversationId: CHANNEL,
      weekday: 1,
      time: '09:00',
      timeZone: 'Europe/Berlin',
      topics: ['pricing'],
      forCurators: false,
      createdBy: CURATOR.from.aadObjectId,
    });
    // The channel itself, not the thread the command came in: digests start a thread of their own.
    const stored = await main.earshot.conversations.find('teams', WORKSPACE, CHANNEL);
    expect(stored).toMatchObject({ kind: 'channel', userId: null });
    expect(stored?.reference).toMatchObject({
      conversation: { id: CHANNEL },
      serviceUrl: connector.serviceUrl,
    });

    const status =
      'Weekly digest here: Mondays at 09:00 (Europe/Berlin), next on Mon 30 Nov at 09:00; topics: pricing.\n' +
      'No digest posted here yet.' +
      COMMANDS;
    expect(await reply(inChannel(REP, 'digest'))).toBe(status);
    const refusal =
      'Sorry, only curators can set up or stop the weekly digest. Ask one of them to run this here, or an admin to make you one (`earshot curators add`).';
    expect(await reply(inChannel(REP, 'digest off'))).toBe(refusal);
    expect(await reply(inChannel(REP, 'digest weekly tue 10:00'))).toBe(refusal);
    expect(await subscription()).toMatchObject({ weekday: 1, topics: ['pricing'] });

    expect(await reply(inChannel(CURATOR, 'DIGEST OFF'))).toBe(
      'Weekly digest stopped here. `digest weekly mon 09:00` starts it again.',
    );
    expect(await subscription()).toBeNull();
    expect(await reply(inChannel(CURATOR, 'digest off'))).toBe('There was no weekly digest here to stop.');
    expect(await reply(inChannel(REP, 'digest'))).toMatch(
      /^No weekly digest here yet\.\n\nWeekly digest of what the field is hearing[\s\S]*`digest weekly mon 09:00`/,
    );
  });

  it('uses the caller’s time zone when none is given, explains mistakes, and keeps content gaps for curators', async () => {
    expect(
      await reply(inChannel(CURATOR, 'digest weekly fri 16:30', { localTimezone: 'America/New_York' })),
    ).toBe(
      `Weekly digest here: Fridays at 16:30 (America/New_York), next on Fri 27 Nov at 16:30; all topics.${COMMANDS}`,
    );
    expect(await subscription()).toMatchObject({ weekday: 5, time: '16:30', timeZone: 'America/New_York' });

    const weekday = await reply(inChannel(CURATOR, 'digest weekly someday 9'));
    expect(weekday).toBe(
      `“someday” is not a weekday: use mon, tue, wed, thu, fri, sat or sun.\n\n${DIGEST_USAGE}`,
    );
    expect(await reply(inChannel(CURATOR, 'digest weekly mon 9am'))).toContain('“9am” is not a time of day');
    expect(await reply(inChannel(CURATOR, 'digest weekly mon 09:00 Mars/Olympus'))).toContain(
      '“Mars/Olympus” is not a time zone',
    );
    expect(await reply(inChannel(CURATOR, 'digest sometimes'))).toContain(DIGEST_USAGE);
    expect(await subscription()).toMatchObject({ weekday: 5, time: '16:30' });

    // With no curators named, anyone sets a digest, but only curators get the content gaps.
    const open = await start();
    const group = { conversationType: 'groupChat' as const, id: '19:pod-7@thread.v2' };
    expect(
      await reply(inChannel(REP, 'digest weekly mon 09:00 for curators', { conversation: group }), open),
    ).toBe(
      'Only Earshot curators can add `for curators`: that digest lists the questions people asked. Leave it out, or ask a curator.',
    );
    // Earshot remembers the zone Teams sent when the rep last talked to it…
    await send(
      installationUpdate({
        from: REP.from,
        conversation: { id: REP.chatId },
        serviceUrl: connector.serviceUrl,
        entities: [{ type: 'clientInfo', timezone: 'Asia/Tokyo' }],
      }),
      open,
    );
    expect(await reply(inChannel(REP, 'digest weekly mon 09:00', { conversation: group }), open)).toBe(
      `Weekly digest here: Mondays at 09:00 (Asia/Tokyo), next on Mon 30 Nov at 09:00; all topics.${COMMANDS}`,
    );
    // …and without one falls back to EARSHOT_DEFAULT_TIME_ZONE; zone names are fixed up.
    const stranger = teamsUser('sol', 'Sol Stranger');
    const elsewhere = { conversationType: 'groupChat' as const, id: '19:pod-8@thread.v2' };
    expect(
      await reply(inChannel(stranger, 'digest weekly wed 08:00', { conversation: elsewhere }), open),
    ).toMatch(/^Weekly digest here: Wednesdays at 08:00 \(Europe\/Lisbon\)/);
    expect(
      await reply(
        inChannel(stranger, 'digest weekly wed 08:00 europe/berlin', { conversation: elsewhere }),
        open,
      ),
    ).toMatch(/^Weekly digest here: Wednesdays at 08:00 \(Europe\/Berlin\)/);
  });

  it('sends a preview to the caller’s 1:1 chat, never to the channel, and records nothing as posted', async () => {
    await send(inChannel(CURATOR, 'digest weekly mon 09:00 Europe/Berlin topics: pricing'));
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'tip',
      topics: ['pricing'],
      title: 'Quote the three-year price lock',
      author: 'Priya',
      createdAt: new Date('2026-11-24T10:00:00Z'),
    });

    // The rep has never opened a chat with Earshot: it says how, and shows the channel nothing.
    expect(await reply(inChannel(REP, 'digest preview'))).toBe(
      "Previews are for your eyes only, so I send them in our 1:1 chat, and we haven't chatted yet. Open a chat with Earshot (or say hi to me there), then send `digest preview` here again.",
    );

    await send(
      installationUpdate({
        from: REP.from,
        conversation: { id: REP.chatId },
        serviceUrl: connector.serviceUrl,
      }),
    );
    const sent = await send(inChannel(REP, 'digest preview'));
    expect(sent.map((call) => [call.conversationId?.split(';')[0], call.activity.text ?? 'card'])).toEqual([
      [REP.chatId, 'card'],
      [CHANNEL, 'I sent you a preview in our chat.'],
    ]);
    const preview = cardOf(sent[0] as RecordedActivity);
    expect(preview).toContain('Preview — only you can see this');
    expect(preview).toContain('Topics: pricing');
    expect(preview).toContain('Quote the three-year price lock** — by Priya');
    expect(sent[0]?.authorization).toBe('Bearer outbound-token');

    // In the 1:1 chat itself the card is the reply, for the chat's own (unsubscribed) digest.
    const own = await send(inChat(REP, 'digest preview'));
    expect(own).toHaveLength(1);
    expect(own[0]?.conversationId).toBe(REP.chatId);
    expect(cardOf(own[0] as RecordedActivity)).toContain('Preview — only you can see this');

    expect(digestsPosted(CHANNEL)).toEqual([]);
    expect(await db.prisma.digestRun.count()).toBe(0);
  });

  it('posts the digest card in the channel once at Monday 09:00 Berlin, not again after a restart, and again a week later', async () => {
    await send(inChannel(CURATOR, 'digest weekly mon 09:00 Europe/Berlin topics: pricing'));
    const friday = new Date('2026-11-27T10:00:00Z');
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'tip',
      topics: ['pricing'],
      title: 'Quote the three-year price lock',
      author: 'Priya',
      url: 'https://wiki.example/price-lock',
      createdAt: friday,
    });
    for (const [author, account] of [
      ['Maya', 'Harborview'],
      ['Dan', 'Kessler'],
    ])
      await seedEntry(db, {
        workspaceId: WORKSPACE,
        topics: ['pricing'],
        body: `${account} pushes back on per-seat pricing.`,
        author,
        account,
        createdAt: friday,
      });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      topics: ['pricing'],
      title: 'Globex churn risk',
      body: 'Globex will churn over pricing, keep it quiet.',
      author: 'Zed',
      account: 'Globex',
      audience: 'teams:19:private-deal-room@thread.tacv2',
      createdAt: friday,
    });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'tip',
      topics: ['sso'],
      title: 'Okta SCIM tip',
      createdAt: friday,
    });

    await main.earshot.digests.scheduler.sync();
    expect(digestsPosted(CHANNEL)).toEqual([]);

    clock.set(MONDAY_9_BERLIN);
    await main.earshot.digests.scheduler.sync();
    // Monday 09:00 to Monday 09:00: the period's last day is the Monday it is posted on.
    const [posted] = digestsPosted(CHANNEL);
    const card = cardOf(posted as RecordedActivity);
    expect(card).toContain('**Earshot digest · 23–30 Nov 2026**');
    expect(card).toContain('Topics: pricing');
    expect(card).toContain('2 new field notes from 2 reps across 2 accounts.');
    expect(card).toContain('**pricing** · 2 notes from 2 reps across 2 accounts');
    expect(card).toContain('Harborview pushes back on per-seat pricing.');
    expect(card).toContain(
      '**[Quote the three-year price lock](https://wiki.example/price-lock)** — by Priya',
    );
    for (const hidden of ['Globex', 'Zed', 'Okta SCIM tip', 'Preview', 'Late:'])
      expect(card).not.toContain(hidden);
    expect(posted?.activity.summary).toBe(
      'Earshot digest, 23–30 Nov 2026: 2 field notes from 2 reps, 1 new tip',
    );
    expect(posted?.authorization).toBe('Bearer outbound-token');
    expect(await db.prisma.digestRun.findMany()).toEqual([
      expect.objectContaining({ conversationId: CHANNEL, status: 'posted', messageId: expect.any(String) }),
    ]);

    await main.earshot.digests.scheduler.sync();
    expect(digestsPosted(CHANNEL)).toHaveLength(1);

    // A restart: a new process on the same database catches up at start and finds nothing due.
    await main.server.close();
    instances.splice(instances.indexOf(main), 1);
    const restarted = await start({ EARSHOT_CURATORS: CURATOR.from.aadObjectId });
    await restarted.earshot.digests.scheduler.sync();
    expect(digestsPosted(CHANNEL)).toHaveLength(1);
    expect(await reply(inChannel(REP, 'digest'), restarted)).toBe(
      'Weekly digest here: Mondays at 09:00 (Europe/Berlin), next on Mon 7 Dec at 09:00; topics: pricing.\n' +
        'Last digest: Mon 30 Nov at 09:00, posted.' +
        COMMANDS,
    );

    await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'tip',
      topics: ['pricing'],
      title: 'Offer quarterly billing before a discount',
      author: 'Sam',
      createdAt: new Date('2026-12-02T10:00:00Z'),
    });
    clock.set('2026-12-07T08:00:00Z');
    await restarted.earshot.digests.scheduler.sync();
    await restarted.earshot.digests.scheduler.sync();
    const both = digestsPosted(CHANNEL);
    expect(both).toHaveLength(2);
    const next = cardOf(both[1] as RecordedActivity);
    expect(next).toContain('**Earshot digest · 30 Nov – 7 Dec 2026**');
    expect(next).toContain('Offer quarterly billing before a discount** — by Sam');
    expect(next).not.toContain('Quote the three-year price lock');
  });
});
