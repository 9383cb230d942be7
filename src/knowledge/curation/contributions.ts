import type { Database } from '../../db/database.ts';
import { toEntry } from '../entries/entry-store.ts';
import type { Entry } from '../entry.ts';

/** What one person shared (captured or authored), newest first, with how often answers cited each. */
export async function contributionsOf(
  db: Database,
  workspaceId: string,
  userId: string,
  limit = 20,
): Promise<Array<{ entry: Entry; citations: number }>> {
  const rows = await db.prisma.entry.findMany({
    where: { workspaceId, contributor: userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  if (rows.length === 0) return [];
  const counts = await db.query<{ id: number; citations: string }>(
    `SELECT cited.id, count(*)::text AS citations
     FROM questions, unnest(source_ids) AS cited(id)
     WHERE workspace_id = $1 AND cited.id = ANY($2::int[])
     GROUP BY cited.id`,
    [workspaceId, rows.map((row) => row.id)],
  );
  const byId = new Map(counts.map((row) => [row.id, Number(row.citations)]));
  return rows.map((row) => ({ entry: toEntry(row), citations: byId.get(row.id) ?? 0 }));
}
