import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import type { FakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import {
  adaptiveCardInvoke,
  messageExtensionAction,
  TEAMS_DEFAULTS,
  teamsMention,
  teamsMessage,
} from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;
const CURATOR = TEAMS_DEFAULTS.user;
const REP = { id: '29:rep-2', name: 'Rory Rep', aadObjectId: '00000000-0000-0000-0000-000000000002' };
/** One input of the form card a message action's fetch returned. */
const inputOf = (body: unknown, id: string) =>
  (
    body as { task: { value: { card: { content: { body: Array<{ id?: string }> } } } } }
  ).task.value.card.content.body.find((element) => element.id === id);
const INTEL =
  'The CFO at Harborview told me they are evaluating Ledgerline because our pricing is 30% higher.';

describe('capture and curation in Teams', () => {
  let db: Database;
  let earshot: Earshot;
  let server: EarshotServer;
  let teams: TeamsHarness;
  let connector: FakeBotConnector;
  let url: string;

  beforeEach(async () => {
    teams = await startTeamsHarness();
    connector = teams.connector;
    db = await openTestDatabase('pglite');
    earshot = await testEarshot(db, { ...teams.env, EARSHOT_CURATORS: CURATOR.aadObjectId });
    server = await startServer(earshot, { port: 0 });
    url = teams.urlOf(server);
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });

  const inChannel = { conversationType: 'channel' as const, id: TEAMS_DEFAULTS.channelId };
  const say = (text: string, from: Partial<typeof REP> = REP) =>
    teams.postActivity(
      url,
      teamsMessage({ text, from, conversation: inChannel, serviceUrl: connector.serviceUrl }),
    );
  const entries = () =>
    db.prisma.entry.findMany({ where: { workspaceId: WORKSPACE }, orderBy: { id: 'asc' } });
  const sentTexts = () => connector.activities.map((call) => String(call.activity.text ?? ''));

  it('stays silent in a channel unless mentioned, and captures tips and intel only where a curator said watch', async () => {
    await say(INTEL);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nothing said: at most a profile lookup for the author (GET …/members/{id}).
    expect(connector.activities.filter((call) => call.method !== 'GET')).toEqual([]);
    expect(await entries()).toEqual([]);

    const refused = teamsMention({
      text: 'watch',
      from: REP,
      conversation: inChannel,
      serviceUrl: connector.serviceUrl,
    });
    await teams.postActivity(url, refused);
    await vi.waitFor(() =>
      expect(sentTexts().some((text) => text.startsWith('Sorry, only Earshot curators'))).toBe(true),
    );

    await teams.postActivity(
      url,
      teamsMention({
        text: 'watch',
        from: CURATOR,
        conversation: inChannel,
        serviceUrl: connector.serviceUrl,
      }),
    );
    await vi.waitFor(() =>
      expect(sentTexts().some((text) => text.startsWith('Earshot now keeps tips'))).toBe(true),
    );

    await say('thanks all!');
    await say(INTEL);
    await vi.waitFor(async () => expect(await entries()).toHaveLength(1));
    const [captured] = await entries();
    expect(captured).toMatchObject({
      kind: 'chatter',
      status: 'pending',
      body: INTEL,
      sourceAuthor: REP.name,
      contributor: REP.aadObjectId,
      audience: `teams:${TEAMS_DEFAULTS.channelId}`,
    });
    expect(captured?.sourceUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/message\//);
  });

  it('shows curators the review queue as cards and applies Approve, Edit and Reject; others are refused', async () => {
    const first = await seedEntry(db, {
      workspaceId: WORKSPACE,
      title: 'Kessler SAP',
      body: 'Kessler wants SAP.',
      status: 'pending',
    });
    const second = await seedEntry(db, {
      workspaceId: WORKSPACE,
      title: 'Fernway SCIM',
      body: 'Fernway wants SCIM.',
      status: 'pending',
    });

    await teams.postActivity(
      url,
      teamsMessage({ text: 'review', from: REP, serviceUrl: connector.serviceUrl }),
    );
    await vi.waitFor(() =>
      expect(sentTexts().some((text) => text.startsWith('Sorry, only Earshot curators'))).toBe(true),
    );

    await teams.postActivity(
      url,
      teamsMessage({ text: 'review', from: CURATOR, serviceUrl: connector.serviceUrl }),
    );
    await vi.waitFor(() =>
      expect(connector.activities.filter((call) => Array.isArray(call.activity.attachments))).toHaveLength(2),
    );
    expect(JSON.stringify(connector.activities)).toContain('Kessler SAP');

    const act = (
      verb: string,
      data: Record<string, unknown>,
      from: { id: string; name: string; aadObjectId: string } = CURATOR,
    ) => teams.postActivity(url, adaptiveCardInvoke({ verb, data, from, serviceUrl: connector.serviceUrl }));
    const refused = await act('earshot_curate_approve', { e: first.id }, REP);
    expect(JSON.stringify(refused.body)).toContain('only Earshot curators');
    expect((await earshot.entries.get(WORKSPACE, first.id)).status).toBe('pending');

    const approved = await act('earshot_curate_approve', { e: first.id });
    expect(JSON.stringify(approved.body)).toContain('Approved by');
    expect((await earshot.entries.get(WORKSPACE, first.id)).status).toBe('published');

    await act('earshot_curate_edit', {
      e: second.id,
      title: 'Fernway needs SCIM',
      body: 'Fernway needs SCIM on Growth.',
    });
    expect(await earshot.entries.get(WORKSPACE, second.id)).toMatchObject({
      title: 'Fernway needs SCIM',
      body: 'Fernway needs SCIM on Growth.',
    });
    // The Edit form on today's cards has every field and submits the edit form's id.
    const form = {
      e: second.id,
      kind: 'tip',
      title: 'Fernway needs SCIM',
      body: 'Fernway needs SCIM on Growth.',
      topics: 'SCIM, provisioning',
      stage: 'evaluate',
      industry: '',
      roles: 'IT admin',
      review_by: '',
    };
    const badStage = await act('earshot_edit_modal', { ...form, stage: 'haggle' });
    expect(JSON.stringify(badStage.body)).toContain('Pick a stage from the list; nothing was changed.');
    const editedCard = JSON.stringify((await act('earshot_edit_modal', form)).body);
    expect(editedCard).toContain('Topics: scim, provisioning · Stage: evaluate · Roles: IT admin');
    expect(await earshot.entries.get(WORKSPACE, second.id)).toMatchObject({
      kind: 'tip',
      topics: ['scim', 'provisioning'],
      stage: 'evaluate',
      roles: ['IT admin'],
      reviewBy: null,
    });
    await act('earshot_curate_reject', { e: second.id });
    expect((await earshot.entries.get(WORKSPACE, second.id)).status).toBe('rejected');

    const tampered = await act('earshot_curate_approve', { e: 'all' });
    expect(JSON.stringify(tampered.body)).toContain('out of date');
  });

  it('offers curators a merge into the published entries a pending one resembles, and merges it', async () => {
    const published = await seedEntry(db, {
      workspaceId: WORKSPACE,
      title: 'Harborview compares us with Ledgerline on price',
      body: 'Harborview is evaluating Ledgerline because of our pricing.',
    });
    const privateElsewhere = await seedEntry(db, {
      workspaceId: WORKSPACE,
      title: 'Harborview pricing, from a private chat',
      body: 'Harborview pricing notes.',
      audience: 'teams:a:private-chat',
    });
    const duplicate = await seedEntry(db, {
      workspaceId: WORKSPACE,
      title: 'Harborview CFO on pricing',
      body: INTEL,
      status: 'pending',
    });

    await teams.postActivity(
      url,
      teamsMessage({ text: 'review', from: CURATOR, serviceUrl: connector.serviceUrl }),
    );
    const card = await connector.waitForActivity((call) => Array.isArray(call.activity.attachments));
    const json = JSON.stringify(card.activity);
    // Merge opens a form on the card that submits the merge form's id.
    expect(json).toContain('earshot_merge_modal');
    expect(json).toContain(`"value":"${published.id}"`);
    expect(json).not.toContain(`"value":"${privateElsewhere.id}"`);

    const merge = (
      target: number,
      from: { id: string; name: string; aadObjectId: string } = CURATOR,
      verb = 'earshot_merge_modal',
    ) =>
      teams.postActivity(
        url,
        adaptiveCardInvoke({
          verb,
          data: { e: duplicate.id, target: String(target) },
          from,
          serviceUrl: connector.serviceUrl,
        }),
      );
    expect(JSON.stringify((await merge(published.id, REP)).body)).toContain('only Earshot curators');
    expect(JSON.stringify((await merge(privateElsewhere.id)).body)).toContain('seen by different people');
    // Cards sent before the merge form had its own id submitted the Merge button's.
    const legacy = await merge(privateElsewhere.id, CURATOR, 'earshot_curate_merge');
    expect(JSON.stringify(legacy.body)).toContain('seen by different people');
    expect((await earshot.entries.get(WORKSPACE, duplicate.id)).status).toBe('pending');

    expect(JSON.stringify((await merge(published.id)).body)).toContain('Merged by');
    expect((await earshot.entries.get(WORKSPACE, duplicate.id)).status).toBe('archived');
    expect((await earshot.entries.get(WORKSPACE, published.id)).body).toContain('30% higher');
  });

  it('saves a message through the "Save to Earshot" message action, with a prefilled, validated form', async () => {
    const messagePayload = {
      id: '1732000099999',
      body: { contentType: 'html', content: `<p>${INTEL}</p>` },
      from: { user: { id: REP.aadObjectId, displayName: REP.name, userIdentityType: 'aadUser' } },
      linkToMessage: 'https://teams.microsoft.com/l/message/19%3Achannel/1732000099999',
    };
    const base = {
      commandId: 'saveToEarshot',
      messagePayload,
      conversation: inChannel,
      serviceUrl: connector.serviceUrl,
    };
    const fetched = await teams.postActivity(url, messageExtensionAction({ ...base, phase: 'fetch' }));
    const form = JSON.stringify(fetched.body);
    expect(inputOf(fetched.body, 'kind')).toMatchObject({ label: 'What is it?', value: 'chatter' });
    expect(form).toContain('The CFO at Harborview told me');

    const invalid = await teams.postActivity(
      url,
      messageExtensionAction({ ...base, data: { kind: 'rumour', title: 'x' } }),
    );
    expect(JSON.stringify(invalid.body)).toContain('"type":"message"');
    expect(await entries()).toEqual([]);

    const saved = await teams.postActivity(
      url,
      messageExtensionAction({
        ...base,
        data: {
          kind: 'chatter',
          title: 'Harborview vs Ledgerline',
          topics: 'Pricing, competition',
          stage: 'decide',
        },
      }),
    );
    expect(JSON.stringify(saved.body)).toContain('Saved to Earshot');
    const [entry] = await entries();
    expect(entry).toMatchObject({
      title: 'Harborview vs Ledgerline',
      body: INTEL,
      topics: ['pricing', 'competition'],
      stage: 'decide',
      status: 'pending',
      sourceAuthor: REP.name,
      contributor: REP.aadObjectId,
      sourceUrl: messagePayload.linkToMessage,
      audience: `teams:${TEAMS_DEFAULTS.channelId}`,
    });
  });

  it('follows edits and deletions of captured Teams messages', async () => {
    await teams.postActivity(
      url,
      teamsMention({
        text: 'watch',
        from: CURATOR,
        conversation: inChannel,
        serviceUrl: connector.serviceUrl,
      }),
    );
    await vi.waitFor(() =>
      expect(sentTexts().some((text) => text.startsWith('Earshot now keeps tips'))).toBe(true),
    );
    const original = teamsMessage({
      text: INTEL,
      from: REP,
      conversation: inChannel,
      serviceUrl: connector.serviceUrl,
    });
    await teams.postActivity(url, original);
    await vi.waitFor(async () => expect(await entries()).toHaveLength(1));

    const edited = `${INTEL} They also want a 3-year price lock.`;
    await teams.postActivity(url, {
      ...original,
      type: 'messageUpdate',
      text: edited,
      channelData: { ...original.channelData, eventType: 'editMessage' },
    });
    await vi.waitFor(async () => expect((await entries())[0]?.body).toBe(edited));

    await teams.postActivity(url, {
      ...original,
      type: 'messageDelete',
      channelData: { ...original.channelData, eventType: 'softDeleteMessage' },
    });
    await vi.waitFor(async () => expect((await entries())[0]?.status).toBe('archived'));
    expect((await entries())[0]?.body).not.toContain('Harborview');
  });

  it('captures messages with the same id in two watched conversations, each once', async () => {
    const groupChat = { conversationType: 'groupChat' as const, id: '19:deal-room@thread.v2' };
    for (const conversation of [inChannel, groupChat]) {
      await teams.postActivity(
        url,
        teamsMention({ text: 'watch', from: CURATOR, conversation, serviceUrl: connector.serviceUrl }),
      );
    }
    await vi.waitFor(() =>
      expect(sentTexts().filter((text) => text.startsWith('Earshot now keeps tips'))).toHaveLength(2),
    );
    // Teams message ids are unique only within a conversation.
    const id = '1732000099999';
    const texts = [
      INTEL,
      'Tip: Kessler’s procurement team asked for our SOC 2 report before the pricing call.',
    ];
    const inBoth = [inChannel, groupChat].map((conversation, i) =>
      teamsMessage({ id, text: texts[i], from: REP, conversation, serviceUrl: connector.serviceUrl }),
    );
    for (const message of inBoth) await teams.postActivity(url, message);
    await teams.postActivity(url, inBoth[0] as (typeof inBoth)[0]);
    await vi.waitFor(async () => expect(await entries()).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await entries()).toHaveLength(2);
  });
});

describe('Teams curators named by email', () => {
  it('recognises a curator by the email on their Teams profile', async () => {
    const teams = await startTeamsHarness({
      connector: {
        members: [
          {
            id: TEAMS_DEFAULTS.user.id,
            name: 'Dana Seller',
            aadObjectId: TEAMS_DEFAULTS.user.aadObjectId,
            email: 'dana@example.com',
            userPrincipalName: 'dana@example.com',
          },
        ],
      },
    });
    const { connector } = teams;
    const db = await openTestDatabase('pglite');
    const earshot = await testEarshot(db, { ...teams.env, EARSHOT_CURATORS: 'DANA@example.com' });
    const server = await startServer(earshot, { port: 0 });
    try {
      await seedEntry(db, { workspaceId: WORKSPACE, title: 'Kessler SAP', status: 'pending' });
      await teams.postActivity(server, teamsMessage({ text: 'review', serviceUrl: connector.serviceUrl }));
      await vi.waitFor(() => expect(JSON.stringify(connector.activities)).toContain('Kessler SAP'));
    } finally {
      await server.close();
      await earshot.close();
      await teams.close();
    }
  });
});
