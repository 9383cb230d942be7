import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { buildDigest } from '../../src/digest/build-digest.ts';
import { Organizations } from '../../src/knowledge/organizations/organizations.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const SLACK = 'slack:T0ACME';
const TEAMS = 'teams:6a1b2c3d-0000-4000-8000-000000000001';

describe.each(DATABASE_KINDS)('linking installations to organizations (%s)', (kind) => {
  let db: Database;
  let organizations: Organizations;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    organizations = new Organizations(db);
  });
  afterEach(async () => {
    await db.close();
  });

  const count = async (table: string, workspaceId: string) =>
    (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`, [
        workspaceId,
      ])
    )[0]?.n;

  it('gives a new installation an organization of its own, the same one every time', async () => {
    expect(await organizations.ofInstallation(SLACK)).toBe(SLACK);
    expect(await organizations.ofInstallation(SLACK)).toBe(SLACK);
    expect(await organizations.list()).toEqual([
      {
        id: SLACK,
        name: null,
        installations: [{ id: SLACK, platform: 'slack', name: null, enterpriseId: null }],
      },
    ]);
  });

  it('resolves an installation to the organization it was linked to, and --workspace by id, name or installation', async () => {
    await organizations.create('Acme Corp');
    await organizations.link('acme-corp', SLACK);
    await organizations.link('Acme Corp', TEAMS);
    const fresh = new Organizations(db); // another process: no cache
    expect(await fresh.ofInstallation(SLACK)).toBe('acme-corp');
    expect(await fresh.ofInstallation(TEAMS)).toBe('acme-corp');
    for (const input of ['acme-corp', 'acme corp', SLACK, TEAMS]) {
      expect(await fresh.forCommand(input)).toBe('acme-corp');
    }
    expect(await fresh.forCommand('scratch')).toBe('scratch');
    await expect(fresh.require('nobody')).rejects.toThrow(
      /No organization or installation "nobody".*earshot org list/,
    );
    await expect(organizations.create('ACME corp')).rejects.toThrow(/already exists/);
  });

  it('merges an organization that holds knowledge into the one it is linked to, losing nothing', async () => {
    // Two knowledge bases grown apart: Slack's and Teams', each with an entry of the same externalId.
    await organizations.ofInstallation(SLACK);
    await organizations.ofInstallation(TEAMS);
    await seedEntry(db, {
      workspaceId: SLACK,
      externalId: 'pricing-faq',
      body: 'Slack copy of the pricing FAQ.',
    });
    await seedEntry(db, {
      workspaceId: TEAMS,
      externalId: 'pricing-faq',
      body: 'Teams copy of the pricing FAQ.',
    });
    await seedEntry(db, { workspaceId: TEAMS, body: 'Teams-only chatter about Okta.' });
    for (const [workspace, owner] of [
      [SLACK, 'sam@acme.test'],
      [TEAMS, 'tara@acme.test'],
    ] as const) {
      await db.query(
        `INSERT INTO accounts (workspace_id, name, name_key, industry, owner_email, updated_at)
         VALUES ($1, 'Globex', 'globex', $2, $3, now())`,
        [workspace, workspace === TEAMS ? 'Manufacturing' : null, owner],
      );
      await db.query(
        `INSERT INTO trigger_events (workspace_id, type, title, occurred_at, account_id, dedupe_key, source)
         VALUES ($1, 'funding', 'Globex raises', now(), (SELECT id FROM accounts WHERE workspace_id = $1), 'globex-raise', 'webhook')`,
        [workspace],
      );
      await db.query(
        `INSERT INTO nudges (workspace_id, trigger_id, account_id, owner_email, due_at)
         SELECT $1, t.id, t.account_id, $2, now() FROM trigger_events t WHERE t.workspace_id = $1`,
        [workspace, owner],
      );
      await db.query(
        `INSERT INTO "references" (workspace_id, account, account_key, industry, max_requests_per_90_days, cooldown_days, updated_at)
         VALUES ($1, 'Initech', 'initech', 'Software', 3, 14, now())`,
        [workspace],
      );
      await db.query(
        `INSERT INTO reference_requests (workspace_id, reference_id, platform, requested_by)
         SELECT $1, id, $2, 'rep' FROM "references" WHERE workspace_id = $1`,
        [workspace, workspace.split(':')[0]],
      );
      await db.query(
        `INSERT INTO synonyms (workspace_id, term, synonym, pair_key) VALUES ($1, 'arr', 'annual recurring revenue', 'annual recurring revenue|arr')`,
        [workspace],
      );
      await db.query(
        `INSERT INTO questions (workspace_id, text, platform, answered) VALUES ($1, 'Any word on Okta?', $2, false)`,
        [workspace, workspace.split(':')[0]],
      );
    }

    const result = await organizations.link(SLACK, TEAMS);

    expect(result.merged).toMatchObject({ from: TEAMS, entries: 2, questions: 1, installations: 1 });
    expect(result.merged?.conflicts.join('\n')).toMatch(
      /entry "pricing-faq" existed in both.*pricing-faq@teams:/,
    );
    expect(result.merged?.conflicts.join('\n')).toMatch(
      /account "Globex" was owned by sam@acme.test and by tara@acme.test/,
    );
    const bodies = await db.query<{ external_id: string | null; body: string }>(
      'SELECT external_id, body FROM entries WHERE workspace_id = $1 ORDER BY id',
      [SLACK],
    );
    expect(bodies.map((row) => row.body)).toEqual([
      'Slack copy of the pricing FAQ.',
      'Teams copy of the pricing FAQ.',
      'Teams-only chatter about Okta.',
    ]);
    expect(await count('questions', SLACK)).toBe(2);
    expect(await count('synonyms', SLACK)).toBe(1);
    // One Globex, with the industry only Teams knew, both triggers' alerts on the one event.
    const accounts = await db.query<{ id: number; industry: string | null; owner_email: string }>(
      'SELECT id, industry, owner_email FROM accounts WHERE workspace_id = $1',
      [SLACK],
    );
    expect(accounts).toEqual([
      expect.objectContaining({ industry: 'Manufacturing', owner_email: 'sam@acme.test' }),
    ]);
    const triggers = await db.query<{ id: number; account_id: number }>(
      'SELECT id, account_id FROM trigger_events WHERE workspace_id = $1',
      [SLACK],
    );
    expect(triggers).toEqual([expect.objectContaining({ account_id: accounts[0]?.id })]);
    const nudges = await db.query<{ trigger_id: number; owner_email: string }>(
      'SELECT trigger_id, owner_email FROM nudges WHERE workspace_id = $1 ORDER BY owner_email',
      [SLACK],
    );
    expect(nudges).toEqual([
      { trigger_id: triggers[0]?.id, owner_email: 'sam@acme.test' },
      { trigger_id: triggers[0]?.id, owner_email: 'tara@acme.test' },
    ]);
    // One Initech reference carrying the requests of both: its usage limit counts them all.
    expect(await count('"references"', SLACK)).toBe(1);
    expect(await count('reference_requests', SLACK)).toBe(2);
    // Nothing is left under the merged organization, which is gone.
    for (const table of [
      'entries',
      'questions',
      'accounts',
      'trigger_events',
      'nudges',
      '"references"',
      'synonyms',
    ]) {
      expect(await count(table, TEAMS)).toBe(0);
    }
    expect((await organizations.list()).map((organization) => organization.id)).toEqual([SLACK]);
    expect(await new Organizations(db).ofInstallation(TEAMS)).toBe(SLACK);
  });

  it("credits contributors from both platforms in the organization's digest", async () => {
    await organizations.create('Acme');
    await organizations.link('acme', SLACK);
    await organizations.link('acme', TEAMS);
    await seedEntry(db, { workspaceId: 'acme', kind: 'tip', author: 'Maya Okafor', contributor: 'U_MAYA' });
    await seedEntry(db, {
      workspaceId: 'acme',
      kind: 'tip',
      author: 'Dana Seller',
      contributor: '00000000-0000-0000-0000-000000000001',
    });
    const now = Date.now();
    const digest = await buildDigest(
      { db },
      {
        workspaceId: 'acme',
        from: new Date(now - 7 * 86_400_000),
        to: new Date(now + 60_000),
        forCurators: false,
      },
    );
    expect(digest.contributors.items.map((contributor) => contributor.person).sort()).toEqual([
      'Dana Seller',
      'Maya Okafor',
    ]);
  });

  it('unlinks an installation into an empty organization of its own, keeping the knowledge where it was', async () => {
    await organizations.create('Acme');
    await organizations.link('acme', SLACK);
    await seedEntry(db, { workspaceId: 'acme', body: 'Acme knowledge.' });
    expect(await organizations.unlink(SLACK)).toEqual({ from: 'acme', organization: SLACK });
    expect(await organizations.ofInstallation(SLACK)).toBe(SLACK);
    expect(await count('entries', 'acme')).toBe(1);
    expect(await count('entries', SLACK)).toBe(0);
    await expect(organizations.unlink(TEAMS)).rejects.toThrow(/No installation/);
  });
});
