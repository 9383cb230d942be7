import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';
import {
  type ActivityOverrides,
  TEAMS_DEFAULTS,
  teamsMention,
  teamsMessage,
} from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;
const HOUR_MS = 3_600_000;
const SETTLE_MS = 400;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

describe.each(DATABASE_KINDS)('follow-ups in Teams reply chains (%s)', (kind) => {
  let db: Database;
  let clock: FakeClock;
  let earshot: Earshot;
  let server: EarshotServer;
  let teams: TeamsHarness;

  beforeEach(async () => {
    teams = await startTeamsHarness();
    db = await openTestDatabase(kind);
    clock = new FakeClock('2026-12-01T12:00:00Z');
    earshot = await testEarshot(db, teams.env, { clock });
    server = await startServer(earshot, { port: 0 });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      account: 'Mercy Health',
      body: 'Mercy Health, a healthcare network, will not sign until Okta SSO works with their EHR.',
    });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      account: 'Shopwise',
      body: 'Shopwise retail wants Okta SSO before the renewal.',
    });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      account: 'Brightline',
      body: 'Brightline compared Segment per-seat pricing with ours and found Segment cheaper.',
    });
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });

  const cards = () => teams.connector.activities.filter((call) => Array.isArray(call.activity.attachments));
  const cardText = (index: number) =>
    JSON.stringify((cards()[index]?.activity.attachments as Array<{ content: unknown }>)[0]?.content);
  const channelThread = (root: string, channelId: string = TEAMS_DEFAULTS.channelId) => ({
    conversationType: 'channel' as const,
    id: `${channelId};messageid=${root}`,
  });

  /** A channel post mentioning Earshot, which starts a reply chain; resolves with its root id once answered. */
  async function askInChannel(
    text: string,
    where: { channelId?: string; channelData?: ActivityOverrides['channelData'] } = {},
  ): Promise<string> {
    const before = cards().length;
    const root = String(Date.now() + Math.floor(Math.random() * 1e6));
    const post = teamsMention({
      id: root,
      serviceUrl: teams.connector.serviceUrl,
      text,
      conversation: channelThread(root, where.channelId),
      ...(where.channelData ? { channelData: where.channelData } : {}),
    });
    expect((await teams.postActivity(server, post)).status).toBe(200);
    await teams.connector.waitForActivity(() => cards().length > before);
    return root;
  }

  /** A reply in the chain without a mention; resolves with the answer card's text, or null when none came. */
  async function reply(
    root: string,
    text: string,
    options: { expectAnswer?: boolean; overrides?: ActivityOverrides } = {},
  ): Promise<string | null> {
    const before = cards().length;
    const activity = teamsMessage({
      serviceUrl: teams.connector.serviceUrl,
      text,
      replyToId: root,
      ...options.overrides,
      conversation: { ...channelThread(root), ...options.overrides?.conversation },
    });
    expect((await teams.postActivity(server, activity)).status).toBe(200);
    if (options.expectAnswer === false) {
      await settle();
      expect(cards()).toHaveLength(before);
      return null;
    }
    await teams.connector.waitForActivity(() => cards().length > before);
    const answer = cards()[before];
    expect(answer?.conversationId).toBe(activity.conversation.id);
    return cardText(before);
  }

  const loggedTexts = async () =>
    (await earshot.questions.list({ workspaceId: WORKSPACE })).map((question) => question.text);

  it('answers a reply in the chain without a mention: "and in healthcare?" narrows', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    const shown = (await reply(root, 'and in healthcare?')) ?? '';
    expect(shown).toContain('Mercy Health, a healthcare network');
    // The rep sees how the reply was read.
    expect(shown).toContain('Following up: “Okta SSO in healthcare”');
    expect(await loggedTexts()).toContain('Okta SSO in healthcare');
  });

  it('switches subject for "what about Segment?", and a mention in the chain uses the thread too', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    const shown = (await reply(root, 'what about Segment?')) ?? '';
    expect(shown).toContain('Segment per-seat pricing');
    expect(shown).not.toContain('Okta SSO');
    const before = cards().length;
    await teams.postActivity(
      server,
      teamsMention({
        serviceUrl: teams.connector.serviceUrl,
        text: 'and their pricing?',
        replyToId: root,
        conversation: channelThread(root),
      }),
    );
    await teams.connector.waitForActivity(() => cards().length > before);
    expect(await loggedTexts()).toContain('Segment pricing');
  });

  it('stops after five answers or 24 idle hours', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    for (const text of ['and in healthcare?', 'any more recent?', 'what about for retail?', 'anything else?'])
      await reply(root, text);
    await reply(root, 'and in EMEA?', { expectAnswer: false });

    const idle = await askInChannel('what are you hearing about Okta SSO?');
    clock.advance(25 * HOUR_MS);
    await reply(idle, 'and in healthcare?', { expectAnswer: false });
  });

  it('keeps the thread across a restart: a new Earshot on the same database follows up', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    await server.close();
    earshot = await testEarshot(db, teams.env, { clock });
    server = await startServer(earshot, { port: 0 });
    const shown = await reply(root, 'and in healthcare?');
    expect(shown).toContain('Mercy Health, a healthcare network');
  });

  it("never uses a private channel's thread in another channel", async () => {
    const privateChannel = '19:private-1@thread.tacv2';
    const privateData = { channel: { id: privateChannel, name: 'Deals', type: 'private' } };
    const root = await askInChannel('what are you hearing about Okta SSO?', {
      channelId: privateChannel,
      channelData: privateData,
    });
    // The same root id in the open channel is not that thread: not answered.
    await reply(root, 'and in healthcare?', { expectAnswer: false });
    const shown = await reply(root, 'and in healthcare?', {
      overrides: { conversation: channelThread(root, privateChannel), channelData: privateData },
    });
    expect(shown).toContain('Mercy Health');
    const stored = await db.prisma.conversationThread.findMany({ where: { workspaceId: WORKSPACE } });
    expect(stored).toEqual([
      expect.objectContaining({ conversationId: privateChannel, audience: `teams:${privateChannel}` }),
    ]);
  });

  it('holds a 1:1 chat as one running conversation; a group chat follows up only when mentioned', async () => {
    const personal = (text: string) => teamsMessage({ serviceUrl: teams.connector.serviceUrl, text });
    await teams.postActivity(server, personal('Okta SSO?'));
    await teams.connector.waitForActivity(() => cards().length >= 1);
    await teams.postActivity(server, personal('and in healthcare?'));
    await teams.connector.waitForActivity(() => cards().length >= 2);
    expect(cardText(1)).toContain('Mercy Health, a healthcare network');
    expect(await loggedTexts()).toContain('Okta SSO in healthcare');

    const group = { conversationType: 'groupChat' as const, id: '19:group-chat-1@thread.v2' };
    await teams.postActivity(
      server,
      teamsMention({
        serviceUrl: teams.connector.serviceUrl,
        text: 'what about Segment?',
        conversation: group,
      }),
    );
    await teams.connector.waitForActivity(() => cards().length >= 3);
    await teams.postActivity(
      server,
      teamsMessage({
        serviceUrl: teams.connector.serviceUrl,
        text: 'and their pricing?',
        conversation: group,
      }),
    );
    await settle();
    expect(cards()).toHaveLength(3);
    await teams.postActivity(
      server,
      teamsMention({
        serviceUrl: teams.connector.serviceUrl,
        text: 'and their pricing?',
        conversation: group,
      }),
    );
    await teams.connector.waitForActivity(() => cards().length >= 4);
    expect(await loggedTexts()).toContain('what about Segment?');
    expect(await loggedTexts()).toContain('Segment pricing');
  });

  it('ignores other bots, small talk and reply chains it never answered', async () => {
    const root = await askInChannel('what are you hearing about Okta SSO?');
    await reply(root, 'and in healthcare?', {
      expectAnswer: false,
      overrides: { from: { id: '28:other-bot', name: 'Other bot', role: 'bot' } },
    });
    await reply(root, "Thanks, I'll ping them tomorrow", { expectAnswer: false });
    await reply('1732999999999', 'and in healthcare?', { expectAnswer: false });
  });
});
