import type { SqlSession } from '../../db/database.ts';

/**
 * Part of merging organization `from` into `into`: every curator of either curates the merged one, and
 * each platform keeps `into`'s curators' channel, else takes `from`'s. Returns what a person should know.
 */
export async function mergeCurators(session: SqlSession, from: string, into: string): Promise<string[]> {
  const notes: string[] = [];
  const counts = await session.query<{ workspace_id: string; n: number }>(
    'SELECT workspace_id, count(*)::int AS n FROM curators WHERE workspace_id IN ($1, $2) GROUP BY workspace_id',
    [from, into],
  );
  const own = (organization: string) => counts.find((row) => row.workspace_id === organization)?.n ?? 0;
  if (own(from) > 0 && own(into) === 0) {
    notes.push(
      `"${into}" had no curators of its own (EARSHOT_CURATORS applied) and now has the ${own(from)} of "${from}"; add others with \`earshot curators add\``,
    );
  }
  await session.query(
    `INSERT INTO curators (workspace_id, kind, identity, added_by, created_at)
     SELECT $2, kind, identity, added_by, created_at FROM curators WHERE workspace_id = $1
     ON CONFLICT DO NOTHING`,
    [from, into],
  );
  await session.query('DELETE FROM curators WHERE workspace_id = $1', [from]);

  const differing = await session.query<{ platform: string; kept: string; dropped: string }>(
    `SELECT a.platform, a.conversation_id AS kept, b.conversation_id AS dropped
     FROM curator_channels b JOIN curator_channels a ON a.workspace_id = $2 AND a.platform = b.platform
     WHERE b.workspace_id = $1 AND a.conversation_id <> b.conversation_id ORDER BY a.platform`,
    [from, into],
  );
  for (const channel of differing) {
    notes.push(
      `curators' ${channel.platform} channel was ${channel.kept} in "${into}" and ${channel.dropped} in "${from}": ${channel.kept} kept`,
    );
  }
  await session.query(
    `INSERT INTO curator_channels (workspace_id, platform, conversation_id, updated_at)
     SELECT $2, platform, conversation_id, updated_at FROM curator_channels WHERE workspace_id = $1
     ON CONFLICT DO NOTHING`,
    [from, into],
  );
  await session.query('DELETE FROM curator_channels WHERE workspace_id = $1', [from]);
  return notes;
}
