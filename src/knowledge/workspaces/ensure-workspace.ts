import type { SqlSession } from '../../db/database.ts';

/** Creates the workspace row on first use; a workspace is just a tenant key. */
export async function ensureWorkspace(
  session: Pick<SqlSession, 'query'>,
  workspaceId: string,
): Promise<void> {
  await session.query('INSERT INTO workspaces (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [workspaceId]);
}
