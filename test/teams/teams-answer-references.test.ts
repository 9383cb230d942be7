import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DAY_MS, FakeClock } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';
import type { FakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import { cardOf, withCard } from '../helpers/teams/recorded-cards.ts';
import { adaptiveCardInvoke, TEAMS_DEFAULTS, teamsMessage } from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { asMember, type TeamsUser, teamsUser } from '../helpers/teams/teams-users.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;
const NOW = '2026-11-23T15:00:00Z';
const REP = teamsUser('rory', 'Rory Rep');
const OWNER = teamsUser('nora', 'Nora CSM');
const CURATOR = teamsUser('cara', 'Cara Curator');

describe.each(DATABASE_KINDS)('answers and curation in Teams: references and freshness (%s)', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let server: EarshotServer;
  let teams: TeamsHarness;
  let connector: FakeBotConnector;
  let url: string;

  const start = async (env: Record<string, string> = {}) => {
    teams = await startTeamsHarness({ connector: { members: [REP, OWNER, CURATOR].map(asMember) } });
    connector = teams.connector;
    db = await openTestDatabase(kind);
    earshot = await testEarshot(
      db,
      { ...teams.env, EARSHOT_CURATORS: CURATOR.from.aadObjectId, ...env },
      { clock: new FakeClock(NOW) },
    );
    server = await startServer(earshot, { port: 0 });
    url = teams.urlOf(server);
  };
  const stop = async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  };
  afterEach(stop);

  const reference = (account: string, data: Record<string, unknown> = {}) =>
    db.prisma.reference.create({
      data: {
        workspaceId: WORKSPACE,
        account,
        accountKey: account.toLowerCase(),
        industry: 'Healthcare',
        products: ['Payments'],
        useCases: ['claims automation'],
        ownerEmail: OWNER.email,
        maxRequestsPer90Days: 3,
        cooldownDays: 14,
        ...data,
      },
    });
  const say = (user: TeamsUser, text: string) =>
    teams.postActivity(
      url,
      teamsMessage({
        text,
        from: user.from,
        conversation: { id: user.chatId },
        serviceUrl: connector.serviceUrl,
      }),
    );
  const click = (user: TeamsUser, verb: string, data: Record<string, unknown>) =>
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
  /** The answer card Earshot posted in `user`'s 1:1 chat (one question per chat here). */
  const answerIn = async (user: TeamsUser) =>
    cardOf(
      await connector.waitForActivity(
        (call) => withCard(call) && call.conversationId === user.chatId && cardOf(call).includes('earshot_'),
      ),
    );
  const textIn = (user: TeamsUser, pattern: RegExp) =>
    connector.waitForActivity(
      (call) => call.conversationId === user.chatId && pattern.test(String(call.activity.text ?? '')),
    );

  it('offers available references first with Request, never an over-used one, and Request asks the owner', async () => {
    await start();
    const northwind = await reference('Northwind Health', { products: ['Payments', 'Billing'] });
    await reference('Contoso Clinics', { status: 'paused', pausedReason: 'open P1 service issue' });
    const lakeside = await reference('Lakeside Hospital', { maxRequestsPer90Days: 1 });
    await db.prisma.referenceRequest.create({
      data: {
        workspaceId: WORKSPACE,
        referenceId: lakeside.id,
        platform: 'teams',
        requestedBy: 'someone-else',
        status: 'approved',
        decidedAt: new Date(new Date(NOW).getTime() - 10 * DAY_MS),
      },
    });
    await reference('Fabrikam Steel', { industry: 'Manufacturing', products: ['Analytics'], useCases: [] });
    // The owner has talked to Earshot in Teams, so their 1:1 chat is known.
    await say(OWNER, 'hello');
    await vi.waitFor(async () =>
      expect((await earshot.people.byId('teams', WORKSPACE, OWNER.from.aadObjectId))?.email).toBe(
        OWNER.email,
      ),
    );

    await say(REP, 'Which reference can I use for a healthcare payments deal?');
    const card = await answerIn(REP);
    expect(card).toContain('Reference customers for “healthcare payments deal”: 1 of 3 can take a call now');
    const available = card.indexOf('**Northwind Health** (Healthcare)');
    expect(available).toBeGreaterThan(-1);
    expect(card.indexOf('**Lakeside Hospital**')).toBeGreaterThan(available);
    expect(card).toContain(
      '**Lakeside Hospital** (Healthcare) — not available until 2027-02-11: limit reached (1 of 1 in 90 days, frees up 2027-02-11)',
    );
    expect(card).toContain(
      '**Contoso Clinics** (Healthcare) — not available (paused: open P1 service issue)',
    );
    expect(card).not.toContain('Fabrikam');
    // One Request, for the available reference only: the reference list's own button.
    expect(card.match(/"title":"Request"/g)).toHaveLength(1);
    expect(card).toContain(`"verb":"earshot_reference_request","data":{"ref":${northwind.id}}`);

    const requested = await click(REP, 'earshot_reference_request', {
      ref: northwind.id,
      [`note-${northwind.id}`]: 'Globex CFO wants a payments peer',
    });
    expect(JSON.stringify(requested.body)).toContain(
      `Asked ${OWNER.email}, who owns **Northwind Health**, to approve your request.`,
    );
    await connector.waitForActivity(
      (call) =>
        call.conversationId === OWNER.chatId && cardOf(call).includes('Reference request: Northwind Health'),
    );
    const refused = await click(REP, 'earshot_reference_request', {
      ref: lakeside.id,
      [`note-${lakeside.id}`]: 'please',
    });
    expect(JSON.stringify(refused.body)).toContain("Lakeside Hospital can't take a call right now");
  });

  it('offers no references for questions that do not ask for them', async () => {
    await start();
    await reference('Northwind Health');
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'research',
      title: 'Payments API guide',
      body: 'The API reference for payments lists every webhook the claims service sends.',
    });
    await say(REP, 'Link me the API reference for payments webhooks');
    const card = await answerIn(REP);
    expect(card).not.toContain('Reference customers');
    expect(card).not.toContain('Northwind Health');
    expect(card).not.toContain('earshot_reference_request');
  });

  it('marks an entry past its review date, and leaves it out with EARSHOT_STALE_ENTRIES=exclude', async () => {
    const seed = async () => {
      await seedEntry(db, {
        workspaceId: WORKSPACE,
        kind: 'tip',
        title: 'Okta SSO setup',
        body: 'Okta SSO takes a day to set up with the SAML wizard.',
        reviewBy: new Date('2025-12-10T00:00:00Z'),
      });
      await seedEntry(db, {
        workspaceId: WORKSPACE,
        kind: 'tip',
        title: 'Okta SSO pricing',
        body: 'Okta SSO is included in the Enterprise plan.',
        reviewBy: new Date('2027-01-10T00:00:00Z'),
      });
    };
    await start();
    await seed();
    await say(REP, 'what are you hearing about Okta SSO?');
    const marked = await answerIn(REP);
    expect(marked).toMatch(/Okta SSO setup[^"]*⚠️ not reviewed since December 2025/);
    expect(marked).not.toMatch(/Okta SSO pricing[^"]*not reviewed/);
    await stop();

    await start({ EARSHOT_STALE_ENTRIES: 'exclude' });
    await seed();
    await say(REP, 'what are you hearing about Okta SSO?');
    const excluded = await answerIn(REP);
    expect(excluded).toContain('Okta SSO is included in the Enterprise plan.');
    expect(excluded).not.toContain('SAML wizard');
  });

  it('shows curators the entries due for review with Mark reviewed and Edit; others are refused', async () => {
    await start();
    const overdue = await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'expert',
      title: 'Pricing guardrails',
      body: 'Discounts over 20% need the CFO.',
      reviewBy: new Date('2026-03-10T00:00:00Z'),
    });
    const soon = await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'research',
      title: 'Analyst note',
      body: 'Gartner moved us up.',
      reviewBy: new Date('2026-11-30T00:00:00Z'),
    });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      title: 'Later',
      reviewBy: new Date('2027-06-01T00:00:00Z'),
    });

    await say(REP, 'review due');
    await textIn(REP, /only Earshot curators can see what is due for review/);
    const repClick = await click(REP, 'earshot_due_reviewed', { e: overdue.id, reviewBy: '2027-02-21' });
    expect(JSON.stringify(repClick.body)).toContain('only Earshot curators');

    await say(CURATOR, 'review due');
    await textIn(CURATOR, /^2 due for review in the next 14 days, most overdue first\.$/);
    const cards = await vi.waitFor(() => {
      const found = connector.activities
        .filter((call) => withCard(call) && call.conversationId === CURATOR.chatId)
        .map(cardOf);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(cards[0]).toContain('**Pricing guardrails** · overdue since 2026-03-10');
    expect(cards[0]).toContain('"title":"Mark reviewed"');
    expect(cards[0]).toContain('"title":"Edit"');
    expect(cards[1]).toContain('**Analyst note** · due 2026-11-30');
    expect(cards.join()).not.toContain('Later');

    const reviewed = await click(CURATOR, 'earshot_due_reviewed', { e: overdue.id, reviewBy: '2027-02-21' });
    expect(JSON.stringify(reviewed.body)).toContain(
      'Reviewed by Cara Curator: Pricing guardrails. Next review by 2027-02-21.',
    );
    expect((await earshot.entries.get(WORKSPACE, overdue.id)).reviewBy).toEqual(
      new Date('2027-02-21T00:00:00Z'),
    );

    const past = await click(CURATOR, 'earshot_due_edit', {
      e: soon.id,
      title: 'Analyst note',
      body: 'Gartner moved us up again.',
      reviewBy: '2026-11-01',
    });
    expect(JSON.stringify(past.body)).toContain('Pick a next review date after today; nothing was changed.');
    expect((await earshot.entries.get(WORKSPACE, soon.id)).body).toBe('Gartner moved us up.');
    const edited = await click(CURATOR, 'earshot_due_edit', {
      e: soon.id,
      title: 'Analyst note',
      body: 'Gartner moved us up again.',
      reviewBy: '2027-05-01',
    });
    expect(JSON.stringify(edited.body)).toContain(
      'Edited by Cara Curator: Analyst note. Next review by 2027-05-01.',
    );
    expect(await earshot.entries.get(WORKSPACE, soon.id)).toMatchObject({
      body: 'Gartner moved us up again.',
      reviewBy: new Date('2027-05-01T00:00:00Z'),
    });
  });
});
