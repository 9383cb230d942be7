import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { accountNameKey } from '../../src/nudges/accounts/account-keys.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DAY_MS, FakeClock } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';
import type { FakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import { cardOf, withCard } from '../helpers/teams/recorded-cards.ts';
import {
  adaptiveCardInvoke,
  installationUpdate,
  TEAMS_DEFAULTS,
  teamsMessage,
} from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { asMember, teamsUser } from '../helpers/teams/teams-users.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;
const NOW = '2026-11-23T15:00:00Z';
const OWNER = teamsUser('ben', 'Ben Owner');
const OTHER = teamsUser('cleo', 'Cleo Colleague');
const STRANGER = teamsUser('guest', 'Guest User');

describe.each(DATABASE_KINDS)('buying-trigger alerts in Teams (%s)', (kind) => {
  let db: Database;
  let clock: FakeClock;
  let earshot: Earshot;
  let server: EarshotServer;
  let teams: TeamsHarness;
  let connector: FakeBotConnector;
  let url: string;

  beforeEach(async () => {
    teams = await startTeamsHarness({
      connector: { members: [asMember(OWNER), asMember(OTHER)], unknownMembers: 'not-found' },
    });
    connector = teams.connector;
    db = await openTestDatabase(kind);
    clock = new FakeClock(NOW);
    earshot = await testEarshot(db, { ...teams.env, EARSHOT_QUIET_HOURS: 'off' }, { clock });
    server = await startServer(earshot, { port: 0 });
    url = teams.urlOf(server);
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });

  const say = (user: typeof OWNER, text: string, extra: Record<string, unknown> = {}) =>
    teams.postActivity(
      url,
      teamsMessage({
        text,
        from: user.from,
        conversation: { id: user.chatId },
        serviceUrl: connector.serviceUrl,
        ...extra,
      }),
    );
  const person = (user: typeof OWNER) => earshot.people.byId('teams', WORKSPACE, user.from.aadObjectId);
  const lookups = (user: typeof OWNER) =>
    connector.activities.filter(
      (call) => call.method === 'GET' && call.path.endsWith(`/members/${user.from.id}`),
    );

  it('keeps a person’s email and time zone when they message Earshot, looking the email up once', async () => {
    await say(OWNER, 'What are buyers saying about SSO?', { localTimezone: 'America/New_York' });
    await connector.waitForActivity((call) => withCard(call) && call.conversationId === OWNER.chatId);
    expect(await person(OWNER)).toMatchObject({ email: OWNER.email, timeZone: 'America/New_York' });

    await say(OWNER, 'And about pricing?', { localTimezone: 'Europe/Berlin' });
    await vi.waitFor(async () => expect((await person(OWNER))?.timeZone).toBe('Europe/Berlin'));
    expect(lookups(OWNER)).toHaveLength(1);

    // Installing the app in a 1:1 chat is enough; Teams gives the zone in a clientInfo entity there.
    await teams.postActivity(
      url,
      installationUpdate({
        from: OTHER.from,
        conversation: { id: OTHER.chatId },
        entities: [{ type: 'clientInfo', locale: 'en-GB', timezone: 'Europe/London' }],
        serviceUrl: connector.serviceUrl,
      }),
    );
    await vi.waitFor(async () =>
      expect(await person(OTHER)).toMatchObject({ email: OTHER.email, timeZone: 'Europe/London' }),
    );
    expect(
      await earshot.conversations.personalChatOf('teams', WORKSPACE, OTHER.from.aadObjectId),
    ).toMatchObject({
      conversationId: OTHER.chatId,
    });
  });

  it('still answers, and keeps the time zone, when the profile lookup fails', async () => {
    await say(STRANGER, 'Okta SSO?', { localTimezone: 'Asia/Tokyo' });
    const reply = await connector.waitForActivity(
      (call) => withCard(call) && call.conversationId === STRANGER.chatId,
    );
    expect(cardOf(reply)).toContain('Okta SSO');
    expect(await person(STRANGER)).toMatchObject({ email: null, timeZone: 'Asia/Tokyo' });
  });

  /** Ben owns Harborview Health and has talked to Earshot in Teams; a funding round is announced. */
  async function alertBen() {
    await say(OWNER, 'hi', { localTimezone: 'America/New_York' });
    await vi.waitFor(async () => expect((await person(OWNER))?.email).toBe(OWNER.email));
    await db.prisma.account.create({
      data: {
        workspaceId: WORKSPACE,
        name: 'Harborview Health',
        nameKey: accountNameKey('Harborview Health'),
        domain: 'harborview.org',
        industry: 'Healthcare',
        ownerEmail: OWNER.email,
      },
    });
    await db.prisma.reference.create({
      data: {
        workspaceId: WORKSPACE,
        account: 'Northwind Clinics',
        accountKey: 'northwind clinics',
        industry: 'Healthcare',
        products: ['Payments'],
        ownerEmail: 'nora@seller.example',
        maxRequestsPer90Days: 3,
        cooldownDays: 14,
      },
    });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'tip',
      title: 'After a funding round, lead with time to value',
      body: 'Teams that just raised a Series C want to scale fast: show the 30-day rollout plan and the growth budget case.',
      url: 'https://wiki.example.com/funding-playbook',
    });
    await earshot.ingestTriggers({
      workspaceId: WORKSPACE,
      source: 'webhook',
      events: [
        {
          type: 'funding',
          account: { domain: 'harborview.org' },
          title: 'Harborview Health raises a $40M Series C to scale growth',
          url: 'https://news.example.com/harborview-series-c',
          occurredAt: new Date('2026-11-23T09:00:00Z'),
        },
      ],
    });
    const alert = await connector.waitForActivity(
      (call) => withCard(call) && call.conversationId === OWNER.chatId && cardOf(call).includes('Series C'),
    );
    // The alert is marked sent once the connector has answered.
    const nudge = await vi.waitFor(async () => {
      const row = await db.prisma.nudge.findFirstOrThrow({ where: { workspaceId: WORKSPACE } });
      expect(row.status).toBe('sent');
      return row;
    });
    return { alert, nudge };
  }

  it('sends the alert to the owner’s 1:1 chat as a card with what happened, why, the field’s knowledge, references and buttons', async () => {
    const { alert, nudge } = await alertBen();
    const card = cardOf(alert);
    expect(card).toContain('**Funding round: Harborview Health**');
    expect(card).toContain(
      '[Harborview Health raises a $40M Series C to scale growth](https://news.example.com/harborview-series-c)',
    );
    expect(card).toContain('{{DATE(2026-11-23T09:00:00Z, SHORT)}}');
    expect(card).toContain('**Why it matters**');
    expect(card).toContain(
      '[After a funding round, lead with time to value](https://wiki.example.com/funding-playbook)',
    );
    expect(card).toContain('References in Healthcare available now');
    expect(card).toContain('**Northwind Clinics** — Payments');
    const actions = (alert.activity.attachments as Array<{ content: { actions: unknown[] } }>)[0]?.content
      .actions;
    expect(actions).toEqual([
      expect.objectContaining({
        title: 'Snooze 1 week',
        verb: 'earshot_nudge_snooze',
        data: { n: nudge.id },
      }),
      expect.objectContaining({ title: 'Dismiss', verb: 'earshot_nudge_dismiss', data: { n: nudge.id } }),
      expect.objectContaining({ title: 'Helpful', verb: 'earshot_nudge_helpful', data: { n: nudge.id } }),
    ]);
    expect(nudge).toMatchObject({
      status: 'sent',
      platform: 'teams',
      recipientId: OWNER.from.aadObjectId,
      messageRef: { conversationId: OWNER.chatId, messageId: expect.stringMatching(/^\d+$/) },
    });
  });

  it('returns where a proactive card landed, so a later click can update it', async () => {
    await say(OWNER, 'hi');
    const chat = await vi.waitFor(async () => {
      const found = await earshot.conversations.personalChatOf('teams', WORKSPACE, OWNER.from.aadObjectId);
      if (!found) throw new Error('no chat yet');
      return found;
    });
    const sent = await server.proactive.teams?.send(chat, {
      kind: 'nudge',
      nudge: {
        nudgeId: 7,
        reminder: true,
        trigger: {
          type: 'exec_hire',
          label: 'New executive',
          title: 'Harborview hires a new CIO',
          url: null,
          occurredAt: new Date('2026-11-20T10:00:00Z'),
        },
        account: { name: 'Harborview Health', domain: null, industry: null },
        why: 'New leaders review their stack in their first 90 days.',
        entries: [],
        references: [],
      },
    });
    const posted = await connector.waitForActivity(
      (call) => withCard(call) && cardOf(call).includes('new CIO'),
    );
    expect(posted.conversationId).toBe(OWNER.chatId);
    expect(sent).toEqual({ conversationId: OWNER.chatId, messageId: expect.stringMatching(/^\d+$/) });
    expect(cardOf(posted)).toContain('⏰ Reminder');
  });

  it('lets only the owner snooze, mark helpful or dismiss the alert, and shows the result on the card', async () => {
    const { nudge } = await alertBen();
    const click = (verb: string, user: typeof OWNER, data: Record<string, unknown> = { n: nudge.id }) =>
      teams.postActivity(
        url,
        adaptiveCardInvoke({
          verb,
          data,
          from: user.from,
          conversation: { id: user.chatId },
          serviceUrl: connector.serviceUrl,
        }),
      );
    const row = () => db.prisma.nudge.findUniqueOrThrow({ where: { id: nudge.id } });

    const refused = await click('earshot_nudge_dismiss', OTHER);
    expect(JSON.stringify(refused.body)).toContain('That alert was for someone else');
    expect((await row()).status).toBe('sent');

    const helpful = await click('earshot_nudge_helpful', OWNER);
    expect(helpful.status).toBe(200);
    expect(JSON.stringify(helpful.body)).toContain('You marked this alert helpful');
    expect(JSON.stringify(helpful.body)).not.toContain('earshot_nudge_helpful');
    expect((await row()).helpful).toBe(true);

    const snoozed = await click('earshot_nudge_snooze', OWNER);
    expect(JSON.stringify(snoozed.body)).toContain('Snoozed: Earshot brings this back on');
    expect(JSON.stringify(snoozed.body)).toContain('Harborview Health');
    expect(await row()).toMatchObject({
      status: 'pending',
      snoozeCount: 1,
      dueAt: new Date(new Date(NOW).getTime() + 7 * DAY_MS),
    });

    const tampered = await click('earshot_nudge_dismiss', OWNER, { n: 'all' });
    expect(JSON.stringify(tampered.body)).toContain('out of date');

    const dismissed = await click('earshot_nudge_dismiss', OWNER);
    expect(JSON.stringify(dismissed.body)).toContain('Dismissed. You won’t see this alert again.');
    expect((await row()).status).toBe('dismissed');
    const again = await click('earshot_nudge_snooze', OWNER);
    expect(JSON.stringify(again.body)).toContain('You already dismissed this alert.');
    expect((await row()).status).toBe('dismissed');
  });
});
