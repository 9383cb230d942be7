import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { teamsMessage } from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const SLACK_CURATOR = 'U0CURATOR';
const SLACK_PRIVATE_CHANNEL = 'G0PRIVATE';

/**
 * A Teams request (even a correctly authenticated one, from some tenant) made up to name a Slack
 * workspace, private channel and curator: none of those ids mean anything on Teams.
 */
describe.each(DATABASE_KINDS)('Teams requests naming Slack ids (%s)', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let server: EarshotServer;
  let teams: TeamsHarness;

  beforeEach(async () => {
    teams = await startTeamsHarness();
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db, { ...teams.env, EARSHOT_CURATORS: SLACK_CURATOR });
    server = await startServer(earshot, { port: 0 });
    await seedEntry(db, {
      workspaceId: SLACK_IDS.workspaceId,
      body: 'Slack-only intel: Harborview will not sign until Okta SSO works.',
    });
    await seedEntry(db, {
      workspaceId: SLACK_IDS.workspaceId,
      body: 'Private Slack channel: Okta SSO discount for Harborview is 30%.',
      audience: `slack:${SLACK_PRIVATE_CHANNEL}`,
    });
    await seedEntry(db, {
      workspaceId: SLACK_IDS.workspaceId,
      body: 'Pending Okta SSO capture waiting for a Slack curator.',
      status: 'pending',
    });
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });

  const forged = (text: string) =>
    teamsMessage({
      text,
      serviceUrl: teams.connector.serviceUrl,
      channelData: { tenant: { id: SLACK_IDS.teamId } },
      conversation: { id: SLACK_PRIVATE_CHANNEL, tenantId: SLACK_IDS.teamId },
      from: { id: SLACK_CURATOR, name: 'Not the curator', aadObjectId: SLACK_CURATOR },
    });

  const sent = () => JSON.stringify(teams.connector.activities.map((call) => call.activity));

  it('answers from no Slack knowledge, public or private', async () => {
    const response = await teams.postActivity(server, forged('What are you hearing about Okta SSO?'));
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(sent()).toContain('Nothing heard yet'), { timeout: 10_000 });
    expect(sent()).not.toContain('Harborview');
    expect(await earshot.questions.list({ workspaceId: SLACK_IDS.workspaceId })).toEqual([]);
  });

  it('does not take a Slack curator id for a Teams curator', async () => {
    await teams.postActivity(server, forged('review'));
    await vi.waitFor(() => expect(sent()).toContain('Sorry, only Earshot curators'), { timeout: 10_000 });
    expect(sent()).not.toContain('Pending Okta SSO capture');
  });
});
