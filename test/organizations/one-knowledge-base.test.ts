import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { seedEntry } from '../helpers/seed.ts';
import { EMEA_GRANT, OAUTH_ENV, TEST_OAUTH_APP } from '../helpers/slack/fake-slack-oauth.ts';
import {
  appMention,
  eventCallback,
  eventCallbackBody,
  reactionAdded,
} from '../helpers/slack/slack-event-payloads.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { installByOAuth } from '../helpers/slack/slack-oauth-browser.ts';
import { TEAMS_DEFAULTS, teamsMessage, teamsWorkspaceOf } from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { type SlackHarness, startSlackHarness } from '../slack/slack-server.ts';

const TIP =
  'Pro tip: open with the duplicate-invoice report, it works every time with skeptical controllers.';
const SECRET = 'Deal room only: Harborview gets the duplicate-invoice report module free for a year.';
const OTHER_TENANT = '7c0d2a4e-1111-4000-8000-00000000beef';
const EMEA = EMEA_GRANT;

/**
 * One company on both platforms: its Slack workspaces and Teams tenant linked to one organization share
 * one knowledge base; a private capture stays in its conversation; another organization sees nothing.
 */
describe.each(DATABASE_KINDS)('two Slack workspaces and a Teams tenant in one organization (%s)', (kind) => {
  let db: Database;
  let teams: TeamsHarness;
  let slack: SlackHarness;

  beforeEach(async () => {
    teams = await startTeamsHarness();
    db = await openTestDatabase(kind);
    slack = await startSlackHarness(
      db,
      {
        ...teams.env,
        EARSHOT_CURATORS: SLACK_IDS.userId,
        ...OAUTH_ENV,
      },
      {
        oauth: TEST_OAUTH_APP,
        channels: { C_FIELD: { name: 'field-intel' }, G_DEALS: { name: 'deal-room', is_private: true } },
        users: { U_MAYA: { real_name: 'Maya Okafor' } },
        messages: [
          { channel: 'C_FIELD', ts: '1763000000.000100', user: 'U_MAYA', text: TIP },
          { channel: 'G_DEALS', ts: '1763000000.000200', user: 'U_MAYA', text: SECRET },
        ],
      },
    );
    expect((await installByOAuth(`http://127.0.0.1:${slack.server.port}`, slack.slack, EMEA)).status).toBe(
      200,
    );
    const { organizations } = slack.earshot;
    await organizations.create('Acme Corp');
    await organizations.link('acme-corp', SLACK_IDS.workspaceId);
    await organizations.link('acme-corp', 'slack:T_EMEA');
    await organizations.link('Acme Corp', TEAMS_DEFAULTS.workspaceId);
    // What the company already knew, imported from files before either chat was linked.
    for (const body of [
      'Security reviews go faster with the SOC 2 report up front.',
      'Globex asked about SCIM provisioning during the pilot.',
    ]) {
      await seedEntry(db, { workspaceId: 'acme-corp', kind: 'tip', body });
    }
  });
  afterEach(async () => {
    await slack.close();
    await slack.earshot.close();
    await teams.close();
  });

  /** Captures a Slack message by reaction and publishes it, as a curator's approval would. */
  async function captureInSlack(channel: string, ts: string) {
    const earlier = new Set(slack.slack.callsTo('chat.postEphemeral'));
    await slack.post(
      eventCallbackBody(reactionAdded({ user: SLACK_IDS.userId, item: { type: 'message', channel, ts } })),
    );
    await slack.slack.waitForCall('chat.postEphemeral', (call) => !earlier.has(call));
    await db.query(`UPDATE entries SET status = 'published' WHERE external_id LIKE $1`, [
      `slack:${channel}:%`,
    ]);
  }

  async function askInTeams(text: string, tenantId: string = TEAMS_DEFAULTS.tenantId) {
    const message = teamsMessage({
      text,
      serviceUrl: teams.connector.serviceUrl,
      channelData: { tenant: { id: tenantId } },
      conversation: { id: `a:chat-${tenantId}`, tenantId, conversationType: 'personal' },
    });
    const earlier = new Set(teams.connector.activities);
    expect((await teams.postActivity(slack.server, message)).status).toBe(200);
    const reply = await teams.connector.waitForActivity(
      (call) => !earlier.has(call) && Array.isArray(call.activity.attachments),
    );
    return JSON.stringify(reply.activity.attachments);
  }

  it('answers in Teams from a tip captured in Slack, credited to its author', async () => {
    await captureInSlack('C_FIELD', '1763000000.000100');
    const [entry] = await db.prisma.entry.findMany({
      where: { externalId: { startsWith: 'slack:C_FIELD' } },
    });
    expect(entry?.workspaceId).toBe('acme-corp');

    const card = await askInTeams('How do I win over skeptical controllers?');
    expect(card).toContain('duplicate-invoice report');
    expect(card).toContain('Maya Okafor');
    const asked = await db.prisma.question.findMany({ where: { workspaceId: 'acme-corp' } });
    expect(asked.map((question) => question.platform)).toEqual(['teams']);
  });

  it('answers in the other Slack workspace, installed by OAuth, from the tip captured by token, with its own token', async () => {
    await captureInSlack('C_FIELD', '1763000000.000100');
    await slack.post(
      JSON.stringify(
        eventCallback(
          appMention({
            team: 'T_EMEA',
            text: `<@${EMEA.botUserId}> How do I win over skeptical controllers?`,
          }),
          { teamId: 'T_EMEA', eventId: 'EvEmea1' },
        ),
      ),
    );
    const answer = await slack.slack.waitForCall('chat.update', (call) =>
      JSON.stringify(call.args).includes('duplicate-invoice report'),
    );
    expect(answer.token).toBe(EMEA.botToken);
  });

  it('keeps what was captured in a private Slack channel out of Teams answers', async () => {
    await captureInSlack('G_DEALS', '1763000000.000200');
    const card = await askInTeams('What do we offer Harborview on the duplicate-invoice report module?');
    expect(card).not.toContain('free for a year');
    expect(card).toContain('Nothing heard');
  });

  it('answers a tenant of another organization from nothing of this one', async () => {
    await captureInSlack('C_FIELD', '1763000000.000100');
    const card = await askInTeams('How do I win over skeptical controllers?', OTHER_TENANT);
    expect(card).toContain('Nothing heard');
    expect(card).not.toContain('duplicate-invoice');
    expect(await slack.earshot.organizations.find(teamsWorkspaceOf(OTHER_TENANT))).toBe(
      teamsWorkspaceOf(OTHER_TENANT),
    );
  });
});
