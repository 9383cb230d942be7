import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { TEAMS_DEFAULTS, teamsMessage } from '../helpers/teams/teams-activities.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams/teams-harness.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const WORKSPACE = TEAMS_DEFAULTS.workspaceId;
const CURATOR = TEAMS_DEFAULTS.user;
const REP = { id: '29:rep-2', name: 'Rory Rep', aadObjectId: '00000000-0000-0000-0000-000000000002' };
type Person = { id: string; name: string; aadObjectId: string };

describe.each(DATABASE_KINDS)('the personal home in Teams on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let server: EarshotServer;
  let teams: TeamsHarness;

  beforeEach(async () => {
    teams = await startTeamsHarness();
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db, { ...teams.env, EARSHOT_CURATORS: CURATOR.aadObjectId });
    server = await startServer(earshot, { port: 0 });
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
    await teams.close();
  });

  const home = async (from: Person, text = 'home') => {
    const before = teams.connector.activities.length;
    await teams.postActivity(
      teams.urlOf(server),
      teamsMessage({ text, from, serviceUrl: teams.connector.serviceUrl }),
    );
    const card = await teams.connector.waitForActivity(
      (call) =>
        teams.connector.activities.indexOf(call) >= before && Array.isArray(call.activity.attachments),
    );
    return JSON.stringify(card.activity);
  };

  it('shows a rep what they shared and how often answers cited it, private captures only counted', async () => {
    const tip = await seedEntry(db, {
      workspaceId: WORKSPACE,
      kind: 'tip',
      title: 'Lead with the audit trail for CFOs',
      contributor: REP.aadObjectId,
    });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      title: 'Harborview churn risk from a private chat',
      contributor: REP.aadObjectId,
      audience: 'teams:a:private-chat',
    });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      title: 'A tip from someone else',
      contributor: 'someone-else',
    });
    await db.query(
      `INSERT INTO questions (workspace_id, text, answered, source_ids) VALUES ($1, 'q1', true, $2), ($1, 'q2', true, $2)`,
      [WORKSPACE, [tip.id]],
    );

    const card = await home(REP);
    expect(card).toContain('Lead with the audit trail for CFOs');
    expect(card).toContain('cited 2 times');
    expect(card).toContain('1 more shared in private conversations');
    expect(card).not.toContain('Harborview churn risk');
    expect(card).not.toContain('someone else');
    expect(card).not.toContain('Review queue');
  });

  it('shows a curator the review queue and what is due for review', async () => {
    await seedEntry(db, { workspaceId: WORKSPACE, title: 'Pending one', status: 'pending' });
    await seedEntry(db, {
      workspaceId: WORKSPACE,
      title: 'Stale pricing page',
      reviewBy: new Date(Date.now() - 86_400_000),
    });
    const card = await home(CURATOR);
    expect(card).toContain('Your contributions');
    expect(card).toContain('Review queue');
    expect(card).toContain('(1 pending, oldest first)');
    expect(card).toContain('Pending one');
    expect(card).toContain('Due for review');
    expect(card).toContain('Stale pricing page');
    expect(card).toContain('overdue since');
  });

  it('answers "help" with what Earshot does and the words to send for each feature', async () => {
    const card = await home(REP, 'help');
    expect(card).toContain('Ask what the field is hearing');
    expect(card).toContain('Reference customers');
    expect(card).toContain('\\"references healthcare\\"');
    expect(card).toContain('Send \\"home\\"');
    expect(card).not.toContain('/earshot');
  });
});
