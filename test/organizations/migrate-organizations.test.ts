import { describe, expect, it } from 'vitest';
import { Organizations } from '../../src/knowledge/organizations/organizations.ts';
import { databaseBefore } from '../helpers/migrate-in-steps.ts';

const MIGRATION = '20261202090000_organizations';

describe('the organizations migration', () => {
  it('makes every existing workspace an organization with its one installation linked, moving no data', async () => {
    const { db, migrateRest } = await databaseBefore(MIGRATION);
    try {
      await db.transaction((session) =>
        session.exec(`
        INSERT INTO workspaces (id) VALUES ('slack:T0SLACK'), ('slack:E0GRID'), ('teams:tenant-1'), ('local');
        INSERT INTO entries (workspace_id, kind, title, body) VALUES
          ('slack:T0SLACK', 'tip', 'Slack tip', 'from Slack'),
          ('teams:tenant-1', 'tip', 'Teams tip', 'from Teams'),
          ('local', 'tip', 'Local tip', 'from a file');
      `),
      );
      expect(await migrateRest()).toContain(MIGRATION);

      const installations = await db.query(
        'SELECT id, platform, workspace_id, enterprise_id FROM installations ORDER BY id',
      );
      expect(installations).toEqual([
        { id: 'slack:E0GRID', platform: 'slack', workspace_id: 'slack:E0GRID', enterprise_id: 'E0GRID' },
        { id: 'slack:T0SLACK', platform: 'slack', workspace_id: 'slack:T0SLACK', enterprise_id: null },
        { id: 'teams:tenant-1', platform: 'teams', workspace_id: 'teams:tenant-1', enterprise_id: null },
      ]);
      const organizations = new Organizations(db);
      expect(await organizations.ofInstallation('teams:tenant-1')).toBe('teams:tenant-1');
      expect((await organizations.show('teams:tenant-1')).entries).toBe(1);
      expect(await organizations.forCommand('local')).toBe('local');
    } finally {
      await db.close();
    }
  });
});
