import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoleOf } from '../../src/console/console-roles.ts';
import type { Database } from '../../src/db/database.ts';
import { Organizations } from '../../src/knowledge/organizations/organizations.ts';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';
import type { Earshot } from '../../src/main.ts';
import { InstalledWorkspace } from '../../src/slack/installed-workspace.ts';
import { SlackPeopleDirectory } from '../../src/slack/slack-people.ts';
import { SlackProactiveSender } from '../../src/slack/slack-proactive.ts';
import { SlackTokens } from '../../src/slack/slack-tokens.ts';
import { addSlackPerson } from '../helpers/console-server.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { openTestDatabase } from '../helpers/test-database.ts';

describe('who someone is in the console', () => {
  let db: Database;
  let earshot: Earshot;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    earshot = await testEarshot(db);
    for (const organization of ['acme', 'globex', 'initech']) await ensureWorkspace(db, organization);
  });
  afterAll(async () => {
    await earshot.close();
  });
  const roleOf = (email: string, organization = 'acme') => consoleRoleOf(earshot, organization, email);

  it('makes curators of curator emails and of known chat users whose ids are curators, members of other known people', async () => {
    await addSlackPerson(earshot, 'U0LEAD', 'lead@acme.test');
    await earshot.people.save({
      platform: 'teams',
      workspaceId: 'acme',
      userId: '29:AbC',
      email: 'tess@acme.test',
      timeZone: null,
    });
    await addSlackPerson(earshot, 'U0REP', 'rep@acme.test');
    await addSlackPerson(earshot, 'U0OTHER', 'other@globex.test', 'globex');
    expect(await roleOf('lead@acme.test')).toBe('member');
    await earshot.curators.add('acme', { kind: 'slackUser', id: 'U0LEAD' });
    await earshot.curators.add('acme', { kind: 'teamsUser', id: '29:abc' });
    await earshot.curators.add('acme', { kind: 'email', id: 'cara@acme.test' });
    expect({
      lead: await roleOf('Lead@Acme.test'),
      tess: await roleOf('tess@acme.test'),
      cara: await roleOf('cara@acme.test'),
      rep: await roleOf('rep@acme.test'),
      stranger: await roleOf('other@globex.test'),
      unknown: await roleOf('nobody@acme.test'),
    }).toEqual({
      lead: 'curator',
      tess: 'curator',
      cara: 'curator',
      rep: 'member',
      stranger: null,
      unknown: null,
    });
    // Curators of one organization are nobody in another.
    expect(await roleOf('cara@acme.test', 'globex')).toBeNull();
  });

  it('lets nobody review while the organization has no curators, as in chat', async () => {
    await addSlackPerson(earshot, 'U0REP', 'rep@initech.test', 'initech');
    expect(await roleOf('rep@initech.test', 'initech')).toBe('member');
  });
});

describe('curators named by a Slack user group, in the console', () => {
  let db: Database;
  let earshot: Earshot;
  let api: FakeSlackApi;
  const organization = SLACK_IDS.workspaceId;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    earshot = await testEarshot(db);
    api = await startFakeSlackApi({ usergroups: { S0SALESOPS: ['U0OPS'] } });
    const client = new webApi.WebClient('xoxb-test-token', {
      slackApiUrl: api.url,
      retryConfig: { retries: 0 },
      logLevel: webApi.LogLevel.ERROR,
    });
    const tokens = new SlackTokens({
      store: null,
      fixed: { installed: new InstalledWorkspace(client), token: 'xoxb-test-token', client },
      organizations: new Organizations(db),
      clientOptions: {},
    });
    earshot.messengers.register({
      sender: new SlackProactiveSender(tokens),
      directory: new SlackPeopleDirectory(tokens),
    });
    await ensureWorkspace(db, organization);
    await addSlackPerson(earshot, 'U0OPS', 'ops@acme.test', organization);
    await addSlackPerson(earshot, 'U0REP', 'rep@acme.test', organization);
    await earshot.curators.add(organization, { kind: 'slackGroup', id: 'S0SALESOPS' });
  });
  afterAll(async () => {
    await api.close();
    await earshot.close();
  });

  it('makes curators of the group members Slack reports, and only of them', async () => {
    expect(await consoleRoleOf(earshot, organization, 'ops@acme.test')).toBe('curator');
    expect(await consoleRoleOf(earshot, organization, 'rep@acme.test')).toBe('member');
    // Asked of Slack once, then remembered: every click checks the role again.
    await consoleRoleOf(earshot, organization, 'ops@acme.test');
    expect(api.callsTo('usergroups.users.list')).toHaveLength(1);
  });
});
