import type { types } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';
import { postToSlackEndpoint } from '../helpers/slack/sign-slack-request.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { slashCommandBody } from '../helpers/slack/slack-interaction-payloads.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { blockText } from '../slack-blocks/answers.ts';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from './slack-server.ts';

const TEAM = SLACK_IDS.workspaceId;
const CHANNEL = SLACK_IDS.channelId;
const CURATOR = 'U0CAROL';
const REP = 'U0BOB';
const CHANNEL_KEY = { platform: 'slack' as const, workspaceId: TEAM, conversationId: CHANNEL };
// A Thursday; the first Monday 09:00 in Berlin after it is 30 November, 08:00 UTC.
const THURSDAY = '2026-11-26T12:00:00Z';
const MONDAY_9_BERLIN = '2026-11-30T08:00:00Z';
const NEXT_MONDAY_9_BERLIN = '2026-12-07T08:00:00Z';

type Reply = { response_type?: string; text: string; blocks?: types.KnownBlock[] };

const shown = (blocks: unknown) =>
  ((blocks ?? []) as types.KnownBlock[])
    .map((block) => (block.type === 'header' ? block.text.text : blockText(block)))
    .join('\n');

describe.each(DATABASE_KINDS)('the weekly digest in Slack (%s)', (kind) => {
  let db: Database;
  let clock: FakeClock;
  let harness: SlackHarness;
  const restarted: EarshotServer[] = [];

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    clock = new FakeClock(THURSDAY);
    harness = await startSlackHarness(
      db,
      { EARSHOT_CURATORS: CURATOR, EARSHOT_DEFAULT_TIME_ZONE: 'Europe/Lisbon' },
      { users: { [CURATOR]: { tz: 'Asia/Tokyo' }, [REP]: { tz: 'America/Chicago' } } },
      { clock },
    );
  });
  afterEach(async () => {
    for (const server of restarted.splice(0)) await server.close();
    await harness.close();
    await harness.earshot.close();
  });

  /** `/earshot …` in the channel; the ack, and what came back on the response_url (if anything did). */
  const command = async (
    text: string,
    user: string,
    options: { answered?: boolean; channel?: string; channelName?: string } = {},
  ) => {
    const earlier = new Set(harness.slack.callsTo('response_url'));
    const response = await harness.post(
      slashCommandBody({
        text,
        user_id: user,
        channel_id: options.channel ?? CHANNEL,
        channel_name: options.channelName ?? SLACK_IDS.channelName,
        response_url: harness.slack.responseUrl(`${user}-${text}`),
      }),
    );
    expect(response.status).toBe(200);
    const ack = (response.json ?? null) as Reply | null;
    if (options.answered === false) return { ack, reply: null };
    const call = await harness.slack.waitForCall('response_url', (candidate) => !earlier.has(candidate));
    return { ack, reply: call.args as unknown as Reply };
  };

  const channelPosts = () =>
    harness.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === CHANNEL);

  const seedWeek = async () => {
    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'tip',
      title: 'Bring a security engineer to the SSO call',
      author: 'Priya Patel',
      topics: ['sso'],
      createdAt: new Date('2026-11-27T10:00:00Z'),
    });
    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'chatter',
      body: 'Harborview wants Okta SSO before signing.',
      author: 'Maya',
      account: 'Harborview',
      topics: ['sso'],
      createdAt: new Date('2026-11-27T11:00:00Z'),
    });
    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'chatter',
      body: 'Kessler asks for SAML too.',
      author: 'Dan',
      account: 'Kessler',
      topics: ['sso'],
      createdAt: new Date('2026-11-28T09:00:00Z'),
    });
    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'chatter',
      title: 'Secret discount for Secretco',
      body: 'Deal room only: Secretco gets 40% off.',
      author: 'Zed Hidden',
      account: 'Secretco',
      topics: ['sso'],
      audience: 'slack:G0DEALROOM',
      createdAt: new Date('2026-11-28T09:00:00Z'),
    });
  };

  it('subscribes the channel with the zone and topics given, answering only the curator who asked', async () => {
    const { ack, reply } = await command('digest weekly mon 09:00 Europe/Berlin topics: pricing', CURATOR);

    expect(ack).toBeNull();
    expect(reply).toEqual({
      response_type: 'ephemeral',
      text:
        'Weekly digest here: Mondays at 09:00 (Europe/Berlin), next on Mon 30 Nov at 09:00; topics: pricing.\n' +
        '`/earshot digest preview` shows what it would post now; `/earshot digest off` stops it.',
    });
    const status = await harness.earshot.digests.status(CHANNEL_KEY);
    expect(status?.subscription).toMatchObject({
      schedule: { weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' },
      topics: ['pricing'],
      forCurators: false,
      createdBy: CURATOR,
    });
    expect(await harness.earshot.conversations.find('slack', TEAM, CHANNEL)).toMatchObject({
      kind: 'channel',
      userId: null,
      reference: { channel: CHANNEL },
    });
    expect(channelPosts()).toEqual([]);

    // Anyone can see the schedule.
    const { reply: seen } = await command('digest', REP);
    expect(seen?.text).toContain('Weekly digest here: Mondays at 09:00 (Europe/Berlin)');
    expect(seen?.text).toContain('No digest posted here yet.');
  });

  it("uses the subscriber's Slack time zone when none is given, else Earshot's default", async () => {
    const { reply } = await command('digest weekly fri 16:30 for curators', CURATOR);
    expect(reply?.text).toMatch(
      /^Weekly digest here: Fridays at 16:30 \(Asia\/Tokyo\), next on Fri 27 Nov at 16:30; all topics; includes content gaps\./,
    );
    expect(harness.slack.callsTo('users.info').map((call) => call.args.user)).toContain(CURATOR);

    harness.slack.failNext('users.info', { ok: false, error: 'user_not_found' });
    const { reply: fallback } = await command('digest weekly tue 08:00', CURATOR);
    expect(fallback?.text).toContain(
      'Tuesdays at 08:00 (Europe/Lisbon), next on Tue 1 Dec at 08:00; all topics.',
    );
  });

  it('subscribes a DM with Earshot as a personal conversation', async () => {
    const dm = 'D0CAROL';
    const { reply } = await command('digest weekly mon 09:00', CURATOR, {
      channel: dm,
      channelName: 'directmessage',
    });
    expect(reply?.text).toContain('Weekly digest here: Mondays at 09:00 (Asia/Tokyo)');
    expect(await harness.earshot.conversations.find('slack', TEAM, dm)).toMatchObject({
      kind: 'personal',
      reference: { channel: dm },
    });
  });

  it('answers a mistake with the usage at once, and stores nothing', async () => {
    const { ack } = await command('digest weekly mon 25:00 <!channel>', CURATOR, { answered: false });
    expect(ack?.response_type).toBe('ephemeral');
    expect(ack?.text).toContain('“25:00” is not a time of day');
    expect(ack?.text).toContain('`/earshot digest weekly mon 09:00 Europe/Berlin`');
    expect(await harness.earshot.digests.status(CHANNEL_KEY)).toBeNull();

    const { ack: badZone } = await command('digest weekly mon 09:00 <!channel>', CURATOR, {
      answered: false,
    });
    expect(badZone?.text).toContain('“&lt;!channel&gt;” is not a time zone');
    expect(badZone?.text).not.toContain('<!channel>');
  });

  it('lets only curators subscribe or stop the digest, and confirms a stop', async () => {
    const { reply: refused } = await command('digest weekly mon 09:00', REP);
    expect(refused?.text).toBe(
      'Sorry, only curators can set up or stop the weekly digest. Ask one of them to run this here, or an admin to make you one (`earshot curators add`).',
    );
    expect(await harness.earshot.digests.status(CHANNEL_KEY)).toBeNull();

    await command('digest weekly mon 09:00', CURATOR);
    const { reply: notYours } = await command('digest off', REP);
    expect(notYours?.text).toContain('only curators');
    expect(await harness.earshot.digests.status(CHANNEL_KEY)).not.toBeNull();

    const { reply: stopped } = await command('digest off', CURATOR);
    expect(stopped?.text).toBe(
      'Weekly digest stopped here. `/earshot digest weekly mon 09:00` starts it again.',
    );
    expect(await harness.earshot.digests.status(CHANNEL_KEY)).toBeNull();
    const { reply: again } = await command('digest off', CURATOR);
    expect(again?.text).toBe('There was no weekly digest here to stop.');
    const { reply: status } = await command('digest', REP);
    expect(status?.text).toContain('No weekly digest here yet.');
  });

  it('keeps `for curators` to named curators, also where anyone may subscribe', async () => {
    await harness.close();
    await harness.earshot.close();
    db = await openTestDatabase(kind);
    harness = await startSlackHarness(
      db,
      { EARSHOT_DEFAULT_TIME_ZONE: 'Europe/Lisbon' },
      { users: { [REP]: { tz: 'America/Chicago' } } },
      { clock },
    );
    const { reply: refused } = await command('digest weekly mon 09:00 for curators', REP);
    expect(refused?.text).toBe(
      'Only Earshot curators can add `for curators`: that digest lists the questions people asked. Leave it out, or ask a curator.',
    );
    expect(await harness.earshot.digests.status(CHANNEL_KEY)).toBeNull();
    const { reply: plain } = await command('digest weekly mon 09:00', REP);
    expect(plain?.text).toContain('Weekly digest here: Mondays at 09:00 (America/Chicago)');
  });

  it('warns when Earshot cannot post in the channel yet', async () => {
    harness.slack.failNext('conversations.info', { ok: false, error: 'channel_not_found' });
    const { reply } = await command('digest weekly mon 09:00', CURATOR);
    expect(reply?.text).toContain('Weekly digest here: Mondays at 09:00 (Asia/Tokyo)');
    expect(reply?.text).toContain("I'm not in this conversation, so I can't post the digest here yet");
  });

  it('shows a preview only to the asker, through the response_url', async () => {
    await seedWeek();
    clock.set('2026-11-29T12:00:00Z');
    const { ack, reply } = await command('digest preview', REP);

    expect(ack).toBeNull();
    expect(reply?.response_type).toBe('ephemeral');
    const text = shown(reply?.blocks);
    expect(text).toContain('Preview — only you can see this');
    expect(text).toContain('*Bring a security engineer to the SSO call* — by Priya Patel');
    expect(text).not.toContain('Secret');
    expect(reply?.text).toMatch(
      /^Preview of the Earshot digest, 22–29 Nov 2026: 2 field notes from 2 reps, 1 new tip$/,
    );
    expect(harness.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(await harness.earshot.digests.runs.recent(CHANNEL_KEY, 5)).toEqual([]);
  });

  it('posts the digest once at its time, not again after a restart, and the next one a week later', async () => {
    await command('digest weekly mon 09:00 Europe/Berlin', CURATOR);
    await seedWeek();

    // Sunday: nothing is due yet.
    clock.set('2026-11-29T20:00:00Z');
    await harness.earshot.digests.scheduler.sync();
    expect(channelPosts()).toEqual([]);

    clock.set(MONDAY_9_BERLIN);
    await harness.earshot.digests.scheduler.sync();
    const [first] = channelPosts();
    if (!first) throw new Error('no digest was posted');
    const text = shown(first.args.blocks);
    expect(text).toContain('Earshot digest · 23–30 Nov 2026');
    expect(text).toContain('2 new field notes from 2 reps across 2 accounts.');
    expect(text).toContain('*sso* · 2 notes from 2 reps across 2 accounts');
    expect(text).toContain('“Harborview wants Okta SSO before signing.” — Maya, Harborview');
    expect(text).toContain('*New tips* (1)\n• *Bring a security engineer to the SSO call* — by Priya Patel');
    expect(text).toContain('1. Dan: 1 entry');
    expect(text).not.toContain('Late');
    expect(text).not.toContain('Preview');
    expect(JSON.stringify(first.args)).not.toMatch(/Secret|Zed Hidden|Deal room/);
    expect(first.args.text).toBe('Earshot digest, 23–30 Nov 2026: 2 field notes from 2 reps, 1 new tip');

    await harness.earshot.digests.scheduler.sync();
    clock.set('2026-11-30T08:05:00Z');
    await harness.earshot.digests.scheduler.sync();
    expect(channelPosts()).toHaveLength(1);

    // A restart: this process goes away, another starts on the same database and catches up.
    await harness.server.close();
    const { earshot: again, command: commandAgain } = await restart();
    await again.digests.scheduler.sync();
    expect(channelPosts()).toHaveLength(1);

    await seedEntry(db, {
      workspaceId: TEAM,
      kind: 'tip',
      title: 'Quote the annual price first',
      author: 'Sam',
      topics: ['pricing'],
      createdAt: new Date('2026-12-02T10:00:00Z'),
    });
    clock.set(NEXT_MONDAY_9_BERLIN);
    await again.digests.scheduler.sync();
    const posts = channelPosts();
    expect(posts).toHaveLength(2);
    const second = shown(posts[1]?.args.blocks);
    expect(second).toContain('Earshot digest · 30 Nov – 7 Dec 2026');
    expect(second).toContain('*Quote the annual price first* — by Sam');
    expect(second).not.toContain('Bring a security engineer');
    const runs = await again.digests.runs.recent(CHANNEL_KEY, 5);
    expect(runs.map((run) => [run.status, run.scheduledFor.toISOString()])).toEqual([
      ['posted', NEXT_MONDAY_9_BERLIN.replace('Z', '.000Z')],
      ['posted', MONDAY_9_BERLIN.replace('Z', '.000Z')],
    ]);
    const reply = await commandAgain('digest', REP);
    expect(reply.text).toContain('Last digest: Mon 7 Dec at 09:00, posted.');
  });

  it('posts a digest missed while Earshot was down once, marked late', async () => {
    await command('digest weekly mon 09:00 Europe/Berlin', CURATOR);
    await seedWeek();
    clock.set('2026-11-30T10:15:00Z');
    await harness.earshot.digests.scheduler.sync();
    await harness.earshot.digests.scheduler.sync();
    expect(channelPosts()).toHaveLength(1);
    expect(shown(channelPosts()[0]?.args.blocks)).toContain(
      'Late: Earshot was offline at the scheduled time',
    );
  });

  /** Another Earshot process on the same database and fake Slack, serving Slack over HTTP like the first. */
  async function restart() {
    const earshot = await testEarshot(
      db,
      {
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: harness.slack.url,
        EARSHOT_CURATORS: CURATOR,
      },
      { clock },
    );
    const server = await startServer(earshot, { port: 0 });
    restarted.push(server);
    const command = async (text: string, user: string): Promise<Reply> => {
      const earlier = new Set(harness.slack.callsTo('response_url'));
      await postToSlackEndpoint(`http://127.0.0.1:${server.port}/slack/events`, {
        signingSecret: SIGNING_SECRET,
        body: slashCommandBody({
          text,
          user_id: user,
          channel_id: CHANNEL,
          response_url: harness.slack.responseUrl(),
        }),
      });
      const call = await harness.slack.waitForCall('response_url', (candidate) => !earlier.has(candidate));
      return call.args as unknown as Reply;
    };
    return { earshot, command };
  }
});
