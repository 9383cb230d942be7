import type { Database } from '../../src/db/database.ts';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';

/**
 * Stores `count` published chatter entries in one statement, for tests that need a workspace big
 * enough for its size to matter (index build time, planner statistics). Bodies mix common sales words
 * with words of their own, so the index grows as it would with real text.
 */
export async function seedManyEntries(db: Database, workspaceId: string, count: number): Promise<void> {
  await ensureWorkspace(db, workspaceId);
  await db.query(
    `INSERT INTO entries (workspace_id, external_id, kind, title, body, status, topics, source_author)
     SELECT $1, 'bulk-' || i, 'chatter', 'Field note ' || i,
            'Buyer at account ' || (i % 997) || ' asked about pricing, SSO and onboarding; ' ||
            array_to_string(ARRAY(SELECT md5((i * 8 + j)::text) FROM generate_series(1, 6) AS j), ' ') ||
            ' renewal risk ' || (i % 13),
            'published', ARRAY['Pricing'], 'Rep ' || (i % 50)
     FROM generate_series(1, $2::int) AS i`,
    [workspaceId, count],
  );
}
