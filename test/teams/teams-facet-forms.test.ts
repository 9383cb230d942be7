import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import type { FakeBotConnector } from '../helpers/teams/fake-bot-connector.ts';
import {
  adaptiveCardInvoke,
  messageExtensionAction,
  TEAMS_DEFAULTS,
} from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;
const CURATOR = TEAMS_DEFAULTS.user;
const TEXT = 'Demo script for CFOs: payback first, then duplicate invoices caught.';

describe.each(DATABASE_KINDS)('industry, roles and the demo kind in Teams forms (%s)', (kind) => {
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
    earshot = await testEarshot(db, { ...teams.env, EARSHOT_CURATORS: CURATOR.aadObjectId });
    server = await startServer(earshot, { port: 0 });
    url = teams.urlOf(server);
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });

  const entries = () =>
    db.prisma.entry.findMany({ where: { workspaceId: WORKSPACE }, orderBy: { id: 'asc' } });

  it('saves a demo with its industry and buyer roles through "Save to Earshot", refusing a bad role', async () => {
    const base = {
      commandId: 'saveToEarshot',
      messagePayload: {
        id: '1732000088888',
        body: { contentType: 'html', content: `<p>${TEXT}</p>` },
        from: { user: { id: CURATOR.aadObjectId, displayName: CURATOR.name, userIdentityType: 'aadUser' } },
      },
      conversation: { conversationType: 'channel' as const, id: TEAMS_DEFAULTS.channelId },
      serviceUrl: connector.serviceUrl,
    };
    const fetched = (await teams.postActivity(url, messageExtensionAction({ ...base, phase: 'fetch' }))).body;
    const inputs = (fetched as { task: { value: { card: { content: { body: Array<{ id?: string }> } } } } })
      .task.value.card.content.body;
    const form = JSON.stringify(fetched);
    expect(form).toContain('"title":"Demo (script, recording, click path)","value":"demo"');
    expect(inputs.find((input) => input.id === 'roles')).toMatchObject({
      label: 'Buyer roles',
      isMultiSelect: true,
    });
    expect(form).toContain('"id":"industry"');

    const invalid = await teams.postActivity(
      url,
      messageExtensionAction({ ...base, data: { kind: 'demo', title: 'CFO script', roles: 'CFO,Wizard' } }),
    );
    expect(JSON.stringify(invalid.body)).toContain('Buyer roles must be one of the buyer roles');
    expect(await entries()).toEqual([]);

    const saved = await teams.postActivity(
      url,
      messageExtensionAction({
        ...base,
        data: { kind: 'demo', title: 'CFO script', industry: 'Financial Services', roles: 'CFO,VP Finance' },
      }),
    );
    expect(JSON.stringify(saved.body)).toContain('Saved to Earshot');
    expect(await entries()).toMatchObject([
      { kind: 'demo', industry: 'Financial Services', roles: ['CFO', 'VP Finance'], status: 'pending' },
    ]);
  });

  it('lets a curator change industry and roles from the review card’s Edit', async () => {
    const entry = await seedEntry(db, {
      workspaceId: WORKSPACE,
      status: 'pending',
      industry: 'Retail',
      roles: ['CFO'],
    });
    const act = (data: Record<string, unknown>) =>
      teams.postActivity(
        url,
        adaptiveCardInvoke({
          verb: 'earshot_curate_edit',
          data,
          from: CURATOR,
          serviceUrl: connector.serviceUrl,
        }),
      );
    const edited = await act({
      e: entry.id,
      title: 'Kept',
      body: entry.body,
      industry: 'Healthcare',
      roles: 'CISO,IT admin',
    });
    const card = JSON.stringify(edited.body);
    expect(card).toContain('"id":"industry","label":"Industry"');
    expect(await earshot.entries.get(WORKSPACE, entry.id)).toMatchObject({
      title: 'Kept',
      industry: 'Healthcare',
      roles: ['CISO', 'IT admin'],
    });

    const cleared = await act({ e: entry.id, title: 'Kept', body: entry.body, industry: '', roles: '' });
    expect(cleared.status).toBe(200);
    expect(await earshot.entries.get(WORKSPACE, entry.id)).toMatchObject({ industry: null, roles: [] });

    const bad = await act({ e: entry.id, title: 'Kept', body: entry.body, industry: 'a\nb' });
    expect(JSON.stringify(bad.body)).toContain('Industry must be a short industry name');
  });
});
