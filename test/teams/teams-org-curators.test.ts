import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import {
  adaptiveCardInvoke,
  TEAMS_DEFAULTS,
  teamsMention,
  teamsMessage,
} from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const INSTALLATION = TEAMS_DEFAULTS.workspaceId;
const DANA = TEAMS_DEFAULTS.user;
const DEFAULT_CHANNEL = '19:default-curators@thread.tacv2';
const CURATORS_CHANNEL = '19:curators@thread.tacv2';
const teamsUser = (id: string) => ({ kind: 'teamsUser' as const, id });

describe.each(
  DATABASE_KINDS,
)("an organization's own curators and curators' channel in Teams (%s)", (kind) => {
  let db: Database;
  let earshot: Earshot;
  let server: EarshotServer;
  let teams: TeamsHarness;
  let url: string;

  beforeEach(async () => {
    teams = await startTeamsHarness();
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db, { ...teams.env, EARSHOT_CURATOR_CHANNEL: DEFAULT_CHANNEL });
    server = await startServer(earshot, { port: 0 });
    url = teams.urlOf(server);
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });

  const organization = () => earshot.organizations.ofInstallation(INSTALLATION);
  const sentTexts = () => teams.connector.activities.map((call) => String(call.activity.text ?? ''));

  /** Dana sends "review" in her chat with Earshot; what Earshot answers first. */
  const review = async (): Promise<string> => {
    const before = teams.connector.activities.length;
    await teams.postActivity(
      url,
      teamsMessage({ text: 'review', from: DANA, serviceUrl: teams.connector.serviceUrl }),
    );
    return vi.waitFor(() => {
      const reply = sentTexts()
        .slice(before)
        .find((text) => text !== '');
      if (!reply) throw new Error('no reply yet');
      return reply;
    });
  };

  it('lets a curator of the organization review and refuses a curator of another', async () => {
    await seedEntry(db, { workspaceId: await organization(), title: 'Kessler SAP', status: 'pending' });
    // Nobody is named anywhere: the review queue is for curators only.
    expect(await review()).toMatch(/^Sorry, only Earshot curators/);

    const globex = await earshot.organizations.create('Globex');
    await earshot.curators.add(globex.id, teamsUser(DANA.aadObjectId));
    expect(await review()).toMatch(/^Sorry, only Earshot curators/);

    await earshot.curators.add(await organization(), teamsUser(DANA.aadObjectId));
    expect(await review()).toBe('1 waiting for review; here are the oldest 1.');

    // Her tenant moves to another organization that names its own curators, without her.
    const initech = await earshot.organizations.create('Initech');
    await earshot.curators.add(initech.id, { kind: 'email', id: 'someone-else@seller.example' });
    await earshot.organizations.unlink(INSTALLATION);
    await earshot.organizations.link(initech.id, INSTALLATION);
    expect(await review()).toMatch(/^Sorry, only Earshot curators/);
  });

  it("routes unanswered questions to the organization's Teams curators' channel, else EARSHOT_CURATOR_CHANNEL", async () => {
    // Earshot learns a channel when it is mentioned there (or installed in it).
    for (const channel of [DEFAULT_CHANNEL, CURATORS_CHANNEL]) {
      await teams.postActivity(
        url,
        teamsMention({
          text: 'help',
          conversation: { conversationType: 'channel', id: channel },
          serviceUrl: teams.connector.serviceUrl,
        }),
      );
      await teams.connector.waitForActivity((call) => call.conversationId === channel);
    }
    const routeToCurators = async (question: string) => {
      const answer = await earshot.ask({ workspaceId: await organization(), question });
      const response = await teams.postActivity(
        url,
        adaptiveCardInvoke({
          verb: 'earshot_route_to_curators',
          data: { q: answer.questionId },
          serviceUrl: teams.connector.serviceUrl,
        }),
      );
      expect(JSON.stringify(response.body)).toContain('Sent to the curators');
      const posted = await teams.connector.waitForActivity((call) =>
        String(call.activity.text).includes(question),
      );
      return posted.conversationId;
    };
    expect(await routeToCurators('What about carbon accounting?')).toBe(DEFAULT_CHANNEL);

    await earshot.curators.setChannel(await organization(), 'teams', CURATORS_CHANNEL);
    // A Slack curators' channel is Slack's alone.
    await earshot.curators.setChannel(await organization(), 'slack', 'C_CURATORS');
    expect(await routeToCurators('What about scope 3 emissions?')).toBe(CURATORS_CHANNEL);
  });
});
