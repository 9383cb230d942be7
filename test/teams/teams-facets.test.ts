import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import type { FakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import { adaptiveCardInvoke, TEAMS_DEFAULTS, teamsMessage } from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;

describe.each(DATABASE_KINDS)('facets in Teams questions (%s)', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let server: EarshotServer;
  let teams: TeamsHarness;
  let connector: FakeBotConnector;
  let url: string;

  beforeEach(async () => {
    teams = await startTeamsHarness();
    connector = teams.connector;
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db, teams.env);
    server = await startServer(earshot, { port: 0 });
    url = teams.urlOf(server);
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'demo',
      title: 'SSO setup click path',
      body: 'Click path: Settings, Security, then SSO setup and the audit log.',
      roles: ['IT admin'],
      stage: 'evaluate',
    });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'tip',
      title: 'Audit log tip',
      body: 'Always show the audit log and SSO setup to security reviewers.',
    });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'tip',
      title: 'CFO payback tip',
      body: 'Show the CFO the payback period first.',
      roles: ['CFO'],
    });
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });

  const cardOf = (activity: Record<string, unknown>) =>
    JSON.stringify((activity.attachments as Array<{ content: unknown }> | undefined)?.[0]?.content ?? null);

  it('applies the role and stage a question names, prefers demos, and says which facets it applied', async () => {
    await teams.postActivity(
      url,
      teamsMessage({
        text: 'what demo should I show an IT admin evaluating us?',
        serviceUrl: connector.serviceUrl,
      }),
    );
    const reply = await connector.waitForActivity((call) => Array.isArray(call.activity.attachments));
    const card = cardOf(reply.activity);
    expect(card).toContain('Filtered to: IT admin · evaluate stage · demos first');
    expect(card).toContain('SSO setup click path');
    expect(card).not.toContain('Audit log tip');
  });

  it('offers to drop facets that find nothing, and the Action replaces the card with the answer without them', async () => {
    await teams.postActivity(
      url,
      teamsMessage({ text: 'audit log and SSO setup for a CFO?', serviceUrl: connector.serviceUrl }),
    );
    const reply = await connector.waitForActivity((call) => Array.isArray(call.activity.attachments));
    const card = cardOf(reply.activity);
    expect(card).toContain('Filtered to: CFO');
    expect(card).toContain('but there are answers without those filters');
    const q = Number(card.match(/"verb":"earshot_drop_facets","data":\{"q":(\d+)\}/)?.[1]);
    expect(q).toBeGreaterThan(0);

    const response = await teams.postActivity(
      url,
      adaptiveCardInvoke({ verb: 'earshot_drop_facets', data: { q }, serviceUrl: connector.serviceUrl }),
    );
    expect(response.status).toBe(200);
    const replaced = JSON.stringify(response.body);
    expect(replaced).toContain('application/vnd.microsoft.card.adaptive');
    expect(replaced).not.toContain('Filtered to');
    expect(replaced).toContain('audit log');
  });

  it('does not re-ask a question from another private conversation', async () => {
    const answer = await earshot.ask({
      workspaceId: WORKSPACE,
      question: 'audit log for a CFO?',
      platform: 'teams',
      channel: 'a:other-private-chat',
      privateConversation: true,
    });
    const response = await teams.postActivity(
      url,
      adaptiveCardInvoke({
        verb: 'earshot_drop_facets',
        data: { q: answer.questionId },
        serviceUrl: connector.serviceUrl,
      }),
    );
    expect(JSON.stringify(response.body)).toContain('asked in another private conversation');
  });
});
