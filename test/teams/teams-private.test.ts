import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import type { FakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import {
  adaptiveCardInvoke,
  TEAMS_DEFAULTS,
  teamsMention,
  teamsMessage,
} from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const TENANT = TEAMS_DEFAULTS.tenantId;
const WORKSPACE = TEAMS_DEFAULTS.workspaceId;
const CURATOR = TEAMS_DEFAULTS.user;
const CHANNEL = TEAMS_DEFAULTS.channelId;
const PRIVATE_CHANNEL = '19:deal-room@thread.tacv2';
const WAIT = { timeout: 10_000 };

describe.each(DATABASE_KINDS)('private conversations in Teams (%s)', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let server: EarshotServer;
  let connector: FakeBotConnector;
  let teams: TeamsHarness;
  let url: string;

  beforeEach(async () => {
    teams = await startTeamsHarness();
    connector = teams.connector;
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db, { ...teams.env, EARSHOT_CURATORS: CURATOR.aadObjectId });
    server = await startServer(earshot, { port: 0 });
    url = teams.urlOf(server);
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });
  const postActivity = (to: string, activity: Parameters<TeamsHarness['postActivity']>[1]) =>
    teams.postActivity(to, activity);

  const questions = () =>
    db.prisma.question.findMany({ orderBy: { id: 'asc' }, select: { text: true, audience: true } });
  const inChannel = (id: string, type: string) =>
    ({
      conversation: { conversationType: 'channel' as const, id: `${id};messageid=1732000000001` },
      channelData: { tenant: { id: TENANT }, channel: { id, name: 'Deals', type } },
      serviceUrl: connector.serviceUrl,
    }) as const;

  it('records questions from 1:1 chats, group chats and private channels as private to them', async () => {
    await postActivity(
      url,
      teamsMessage({ text: 'Is Harborview churning?', serviceUrl: connector.serviceUrl }),
    );
    await postActivity(
      url,
      teamsMention({
        text: 'What about Globex layoffs?',
        conversation: { conversationType: 'groupChat', id: '19:group-chat-1@thread.v2' },
        serviceUrl: connector.serviceUrl,
      }),
    );
    await postActivity(
      url,
      teamsMention({ text: 'Secretco discount?', ...inChannel(PRIVATE_CHANNEL, 'private') }),
    );
    await postActivity(url, teamsMention({ text: 'Do we support SCIM?', ...inChannel(CHANNEL, 'standard') }));
    await vi.waitFor(async () => expect(await questions()).toHaveLength(4), WAIT);

    expect(await questions()).toEqual([
      { text: 'Is Harborview churning?', audience: 'teams:a:1personal-chat-with-user-1' },
      { text: 'What about Globex layoffs?', audience: 'teams:19:group-chat-1@thread.v2' },
      { text: 'Secretco discount?', audience: `teams:${PRIVATE_CHANNEL}` },
      { text: 'Do we support SCIM?', audience: null },
    ]);
  });

  it("cites a channel's own captures in its threads, and never in a 1:1 chat", async () => {
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      title: 'Okta at Harborview',
      body: 'Harborview wants Okta SSO before signing.',
      audience: `teams:${CHANNEL}`,
    });
    const answered = () =>
      connector.activities
        .filter((call) => Array.isArray(call.activity.attachments))
        .map((call) => JSON.stringify(call.activity));

    await postActivity(
      url,
      teamsMention({ text: 'Okta SSO at Harborview?', ...inChannel(CHANNEL, 'standard') }),
    );
    await vi.waitFor(() => expect(answered()).toHaveLength(1), WAIT);
    expect(answered()[0]).toContain('Harborview wants Okta SSO');

    await postActivity(
      url,
      teamsMessage({ text: 'Okta SSO at Harborview?', serviceUrl: connector.serviceUrl }),
    );
    await vi.waitFor(() => expect(answered()).toHaveLength(2), WAIT);
    expect(answered()[1]).not.toContain('Harborview wants Okta SSO');
  });

  it("refuses a review action on another conversation's private capture, revealing nothing of it", async () => {
    const secret = await seedEntry(db, {
      workspaceId: WORKSPACE,
      title: 'Secretco gets 40% off',
      body: 'Deal room only.',
      status: 'pending',
      audience: `teams:${PRIVATE_CHANNEL}`,
    });
    const act = (verb: string, data: Record<string, unknown>) =>
      postActivity(url, adaptiveCardInvoke({ verb, data, from: CURATOR, serviceUrl: connector.serviceUrl }));

    for (const [verb, data] of [
      ['earshot_curate_approve', { e: secret.id }],
      ['earshot_curate_edit', { e: secret.id, title: 'Renamed', body: 'Changed.' }],
      ['earshot_curate_reject', { e: secret.id }],
    ] as const) {
      const refused = await act(verb, data);
      expect(JSON.stringify(refused.body)).toContain('private to another conversation');
      expect(JSON.stringify(refused.body)).not.toContain('Secretco');
    }
    expect(await earshot.entries.get(WORKSPACE, secret.id)).toMatchObject({
      title: 'Secretco gets 40% off',
      status: 'pending',
    });

    await postActivity(
      url,
      teamsMessage({ text: 'review', from: CURATOR, serviceUrl: connector.serviceUrl }),
    );
    await vi.waitFor(
      () =>
        expect(connector.activities.map((call) => String(call.activity.text ?? ''))).toContain(
          '1 waiting for review, each private to another conversation: review them there.',
        ),
      WAIT,
    );
    expect(JSON.stringify(connector.activities)).not.toContain('Secretco');
  });
});
