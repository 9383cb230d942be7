import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../helpers/migrate-in-steps.ts';

const MIGRATION = '20261130060000_platform_qualified_ids';
const TENANT = '6A1B2C3D-0000-4000-8000-000000000001';

describe('the platform-qualified ids migration', () => {
  it('qualifies existing workspaces by shape or by the platform that used them, and private audiences with them', async () => {
    const { db, migrateRest } = await databaseBefore(MIGRATION);
    try {
      await db.transaction((session) =>
        session.exec(`
        INSERT INTO workspaces (id) VALUES ('T0SLACK'), ('${TENANT}'), ('tenant-1'), ('local');
        INSERT INTO entries (workspace_id, external_id, kind, title, body, audience) VALUES
          ('T0SLACK', 'slack:G0PRIVATE:1.1', 'tip', 'Slack secret', 'from a private channel', 'G0PRIVATE'),
          ('tenant-1', 'teams:19:chat@thread.v2:7', 'tip', 'Teams secret', 'from a group chat', '19:chat@thread.v2'),
          ('${TENANT}', NULL, 'research', 'Open', 'for everyone', NULL),
          ('local', 'imported-1', 'tip', 'Local', 'from a file', NULL);
        INSERT INTO processed_events (platform, workspace_id, event_id) VALUES ('teams', 'tenant-1', 'a1');
        INSERT INTO questions (workspace_id, text, platform, channel, answered) VALUES
          ('T0SLACK', 'Asked in a DM', 'slack', 'D0ALICE', false),
          ('T0SLACK', 'Asked in the open', 'slack', 'C0GENERAL', false),
          ('tenant-1', 'Asked in a group chat', 'teams', '19:chat@thread.v2;messageid=7', false);
        INSERT INTO accounts (workspace_id, name, name_key, owner_email, updated_at)
          VALUES ('T0SLACK', 'Acme', 'acme', 'owner@example.com', now());
      `),
      );
      expect(await migrateRest()).toContain(MIGRATION);

      const workspaces = await db.query<{ id: string }>('SELECT id FROM workspaces ORDER BY id');
      expect(workspaces.map((row) => row.id)).toEqual([
        'local',
        'slack:T0SLACK',
        `teams:${TENANT.toLowerCase()}`,
        'teams:tenant-1',
      ]);
      const entries = await db.query<{ title: string; workspace_id: string; audience: string | null }>(
        'SELECT title, workspace_id, audience FROM entries ORDER BY title',
      );
      expect(entries).toEqual([
        { title: 'Local', workspace_id: 'local', audience: null },
        { title: 'Open', workspace_id: `teams:${TENANT.toLowerCase()}`, audience: null },
        { title: 'Slack secret', workspace_id: 'slack:T0SLACK', audience: 'slack:G0PRIVATE' },
        { title: 'Teams secret', workspace_id: 'teams:tenant-1', audience: 'teams:19:chat@thread.v2' },
      ]);
      const questions = await db.query<{ text: string; workspace_id: string; audience: string | null }>(
        'SELECT text, workspace_id, audience FROM questions ORDER BY text',
      );
      expect(questions).toEqual([
        { text: 'Asked in a DM', workspace_id: 'slack:T0SLACK', audience: 'slack:D0ALICE' },
        {
          text: 'Asked in a group chat',
          workspace_id: 'teams:tenant-1',
          audience: 'teams:19:chat@thread.v2',
        },
        { text: 'Asked in the open', workspace_id: 'slack:T0SLACK', audience: null },
      ]);
      const [account] = await db.query<{ workspace_id: string }>('SELECT workspace_id FROM accounts');
      expect(account?.workspace_id).toBe('slack:T0SLACK');
    } finally {
      await db.close();
    }
  });
});
