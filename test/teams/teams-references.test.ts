import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DAY_MS, FakeClock } from '../helpers/fake-clock.ts';
import type { FakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import { cardOf, withCard } from '../helpers/teams/recorded-cards.ts';
import {
  adaptiveCardInvoke,
  TEAMS_DEFAULTS,
  teamsMention,
  teamsMessage,
} from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { asMember, type TeamsUser, teamsUser } from '../helpers/teams/teams-users.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;
const NOW = '2026-11-23T15:00:00Z';
const REP = teamsUser('rory', 'Rory Rep');
const OWNER = teamsUser('nora', 'Nora CSM');
const CURATOR = teamsUser('cara', 'Cara Curator');

describe.each(DATABASE_KINDS)('reference customers in Teams (%s)', (kind) => {
  let db: Database;
  let clock: FakeClock;
  let earshot: Earshot;
  let server: EarshotServer;
  let teams: TeamsHarness;
  let connector: FakeBotConnector;
  let url: string;
  const ids: Record<string, number> = {};

  beforeEach(async () => {
    teams = await startTeamsHarness({ connector: { members: [REP, OWNER, CURATOR].map(asMember) } });
    connector = teams.connector;
    db = await openTestDatabase(kind);
    clock = new FakeClock(NOW);
    earshot = await testEarshot(db, { ...teams.env, EARSHOT_CURATORS: CURATOR.from.aadObjectId }, { clock });
    server = await startServer(earshot, { port: 0 });
    url = teams.urlOf(server);

    const reference = async (account: string, data: Record<string, unknown> = {}) => {
      const row = await db.prisma.reference.create({
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
      ids[account] = row.id;
      return row;
    };
    await reference('Northwind Health', { products: ['Payments', 'Billing'] });
    await reference('Contoso Clinics', {
      status: 'paused',
      pausedReason: 'open P1 service issue',
      ownerEmail: 'omar@seller.example',
    });
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
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
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
  /** A card Earshot posted in `user`'s 1:1 chat containing `text` (already there or still to come). */
  const cardIn = async (user: TeamsUser, text: string) =>
    cardOf(
      await connector.waitForActivity(
        (call) => withCard(call) && call.conversationId === user.chatId && cardOf(call).includes(text),
      ),
    );
  /** What Earshot told the rep in their 1:1 chat about their request. */
  const toldRep = () =>
    connector.waitForActivity(
      (call) =>
        call.conversationId === REP.chatId && String(call.activity.text).startsWith('Your reference request'),
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
  const requests = () =>
    db.prisma.referenceRequest.findMany({ where: { requestedBy: { not: 'someone-else' } } });

  it('lists available references first with Request, then the others with why; only curators may override', async () => {
    await say(REP, 'references healthcare');
    const list = await cardIn(REP, 'Reference customers for “healthcare”');
    const northwind = list.indexOf('**Northwind Health** (Healthcare)');
    const notAvailable = list.indexOf('**Not available now**');
    expect(northwind).toBeGreaterThan(-1);
    expect(notAvailable).toBeGreaterThan(northwind);
    expect(list).toContain('1 of 3 can take a call now.');
    expect(list).toContain('0 of 3 calls in the last 90 days');
    expect(list).toContain('"title":"Request"');
    expect(list).toContain(`"data":{"ref":${ids['Northwind Health']}}`);
    expect(list.indexOf('**Contoso Clinics**')).toBeGreaterThan(notAvailable);
    expect(list).toContain('**Contoso Clinics** (Healthcare) — paused: open P1 service issue');
    expect(list).toContain(
      '**Lakeside Hospital** (Healthcare) — limit reached (1 of 1 in 90 days, frees up 2027-02-11)',
    );
    expect(list).not.toContain('Fabrikam');
    expect(list).not.toContain('Request anyway (override)');

    await say(CURATOR, 'references healthcare');
    const curatorList = await cardIn(CURATOR, 'Reference customers for “healthcare”');
    expect(curatorList).toContain('Request anyway (override)');
    expect(curatorList).toContain(`"id":"reason-${ids['Contoso Clinics']}"`);
  });

  it('answers @mentions in a channel, and says so plainly when nothing matches', async () => {
    const channel = '19:deal-desk@thread.tacv2';
    await teams.postActivity(
      url,
      teamsMention({
        text: 'references payments',
        from: REP.from,
        conversation: { conversationType: 'channel', id: channel },
        serviceUrl: connector.serviceUrl,
      }),
    );
    const inChannel = await connector.waitForActivity(
      (call) => withCard(call) && call.conversationId === channel,
    );
    expect(cardOf(inChannel)).toContain('Reference customers for “payments”');

    await say(REP, 'references carbon accounting');
    const none = await connector.waitForActivity(
      (call) => withCard(call) && cardOf(call).includes('No reference customers match “carbon accounting”'),
    );
    expect(none.conversationId).toBe(REP.chatId);
  });

  it('refuses an override from a rep and records a curator’s, telling them when the owner is out of reach', async () => {
    const contoso = ids['Contoso Clinics'] as number;
    const plain = await click(REP, 'earshot_reference_request', {
      ref: contoso,
      [`note-${contoso}`]: 'please',
    });
    expect(JSON.stringify(plain.body)).toContain("Contoso Clinics can't take a call right now");
    const forced = await click(REP, 'earshot_reference_override', {
      ref: contoso,
      [`reason-${contoso}`]: 'I really want it',
    });
    expect(JSON.stringify(forced.body)).toContain('Only a curator can override');
    expect(await requests()).toEqual([]);

    const overridden = await click(CURATOR, 'earshot_reference_override', {
      ref: contoso,
      [`note-${contoso}`]: 'Globex CFO wants a hospital peer',
      [`reason-${contoso}`]: 'Strategic deal; the P1 is fixed tomorrow',
    });
    const message = JSON.stringify(overridden.body);
    expect(message).toContain("couldn't reach its owner in Teams; contact omar@seller.example directly");
    expect(message).toContain('Your override is recorded.');
    expect(await requests()).toEqual([
      expect.objectContaining({
        referenceId: contoso,
        requestedBy: CURATOR.from.aadObjectId,
        note: 'Globex CFO wants a hospital peer',
        overrideBy: CURATOR.from.aadObjectId,
        overrideReason: 'Strategic deal; the P1 is fixed tomorrow',
        status: 'pending',
      }),
    ]);

    const tampered = await click(REP, 'earshot_reference_request', { ref: 'all' });
    expect(JSON.stringify(tampered.body)).toContain('That reference card is out of date');
  });

  it('runs a request from the rep to the owner and back: approve with a note, mark done, then cooldown', async () => {
    const northwind = ids['Northwind Health'] as number;
    // Both have talked to Earshot in Teams: their 1:1 chats and emails are known.
    await say(OWNER, 'hello');
    await say(REP, 'references healthcare');
    await vi.waitFor(async () =>
      expect((await earshot.people.byId('teams', WORKSPACE, OWNER.from.aadObjectId))?.email).toBe(
        OWNER.email,
      ),
    );

    const requested = await click(REP, 'earshot_reference_request', {
      ref: northwind,
      [`note-${northwind}`]: 'Globex is comparing us with Ledgerline; they want a payments peer.',
    });
    expect(JSON.stringify(requested.body)).toContain(
      `Asked ${OWNER.email}, who owns **Northwind Health**, to approve your request. I'll tell you when they decide.`,
    );
    const requestCard = await cardIn(OWNER, 'Reference request: Northwind Health');
    expect(requestCard).toContain(`${REP.email} asks to use **Northwind Health**`);
    expect(requestCard).toContain(
      'Their note: “Globex is comparing us with Ledgerline; they want a payments peer.”',
    );
    expect(requestCard).toContain('Usage: 0 of 3 calls in the last 90 days');
    // Approve and Decline each carry a note; Teams sends it under the card's own (unique) input id.
    expect(requestCard).toContain('"type":"Input.Text","id":"note@1"');
    const [pending] = await requests();
    expect(requestCard).toContain(`"verb":"earshot_reference_approve","data":{"req":${pending?.id}}`);
    expect(requestCard).toContain('"verb":"earshot_reference_decline"');

    const intruder = await click(REP, 'earshot_reference_approve', { req: pending?.id, note: '' });
    expect(JSON.stringify(intruder.body)).toContain(
      "Only Northwind Health's reference owner or a curator can do that.",
    );

    const approved = await click(OWNER, 'earshot_reference_approve', {
      req: pending?.id,
      'note@1': 'Call Dana Reyes, mornings Eastern work best.',
    });
    const approvedCard = JSON.stringify(approved.body);
    expect(approvedCard).toContain(
      `✅ **Approved** by ${OWNER.email}: “Call Dana Reyes, mornings Eastern work best.”. ${REP.email} has been told.`,
    );
    expect(approvedCard).toContain(
      `"title":"Mark call done","verb":"earshot_reference_done","data":{"req":${pending?.id}}`,
    );
    const told = await toldRep();
    expect(told.activity.text).toContain('Northwind Health');
    expect(told.activity.text).toContain('approved');
    expect(told.activity.text).toContain('Call Dana Reyes, mornings Eastern work best.');

    const again = await click(OWNER, 'earshot_reference_decline', { req: pending?.id });
    expect(JSON.stringify(again.body)).toContain('That request is already approved.');

    clock.advance(2 * DAY_MS);
    const done = await click(OWNER, 'earshot_reference_done', { req: pending?.id });
    expect(JSON.stringify(done.body)).toContain('Call done');
    expect(JSON.stringify(done.body)).toContain('Northwind Health is cooling down until 2026-12-09.');
    expect(await requests()).toEqual([
      expect.objectContaining({ status: 'done', ownerNote: 'Call Dana Reyes, mornings Eastern work best.' }),
    ]);

    await say(REP, 'references northwind');
    const list = await cardIn(REP, 'Reference customers for “northwind”');
    expect(list).toContain('0 of 1 can take a call now.');
    expect(list).toContain('**Northwind Health** (Healthcare) — cooling down until 2026-12-09');
  });

  it('lets the owner decline; the rep hears it', async () => {
    const northwind = ids['Northwind Health'] as number;
    await say(OWNER, 'hello');
    await say(REP, 'hello');
    await vi.waitFor(async () =>
      expect(
        await earshot.conversations.personalChatOf('teams', WORKSPACE, REP.from.aadObjectId),
      ).not.toBeNull(),
    );
    await vi.waitFor(async () =>
      expect((await earshot.people.byId('teams', WORKSPACE, OWNER.from.aadObjectId))?.email).toBe(
        OWNER.email,
      ),
    );
    await click(REP, 'earshot_reference_request', { ref: northwind });
    const [pending] = await requests();
    const declined = await click(OWNER, 'earshot_reference_decline', {
      req: pending?.id,
      note: 'They are mid-renewal.',
    });
    expect(JSON.stringify(declined.body)).toContain(
      `**Declined** by ${OWNER.email}: “They are mid-renewal.”. ${REP.email} has been told.`,
    );
    expect(JSON.stringify(declined.body)).not.toContain('Mark call done');
    const told = await toldRep();
    expect(told.activity.text).toContain('declined');
    expect(told.activity.text).toContain('They are mid-renewal.');
  });

  it('reaches an owner named by their Teams id (29:…) rather than an email, through their stored 1:1 chat', async () => {
    const byTeamsId = await db.prisma.reference.create({
      data: {
        workspaceId: WORKSPACE,
        account: 'Riverside Care',
        accountKey: 'riverside care',
        industry: 'Healthcare',
        ownerChatId: OWNER.from.id,
        maxRequestsPer90Days: 3,
        cooldownDays: 14,
      },
    });
    await say(OWNER, 'hello');
    await vi.waitFor(async () =>
      expect(
        await earshot.conversations.personalChatOf('teams', WORKSPACE, OWNER.from.aadObjectId),
      ).not.toBeNull(),
    );
    const requested = await click(REP, 'earshot_reference_request', { ref: byTeamsId.id });
    expect(JSON.stringify(requested.body)).toContain(
      `Asked ${OWNER.email}, who owns **Riverside Care**, to approve your request.`,
    );
    expect(await cardIn(OWNER, 'Reference request: Riverside Care')).toContain(
      'asks to use **Riverside Care** (Healthcare)',
    );
  });
});
