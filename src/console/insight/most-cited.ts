import type { Database } from '../../db/database.ts';
import type { EntryKind } from '../../knowledge/entry.ts';

export interface CitedEntry {
  id: number;
  title: string;
  kind: EntryKind;
  citations: number;
}

/** The published, public entries answers cited most in [from, to), most cited first. */
export async function mostCitedEntries(
  db: Database,
  organization: string,
  period: { from: Date; to: Date },
  limit: number,
): Promise<CitedEntry[]> {
  // Counted per cited id first, most cited first, so the join to entries stops after `limit` shown ones
  // instead of looking up every entry cited in the period.
  return db.query<CitedEntry>(
    `WITH counts AS (
       SELECT cited.id, count(*)::int AS citations
       FROM questions AS q CROSS JOIN LATERAL unnest(q.source_ids) AS cited(id)
       WHERE q.workspace_id = $1 AND q.created_at >= $2 AND q.created_at < $3
       GROUP BY cited.id
       ORDER BY citations DESC, cited.id)
     SELECT e.id, e.title, e.kind, counts.citations
     FROM counts JOIN LATERAL (
       SELECT id, title, kind FROM entries
       WHERE entries.id = counts.id AND workspace_id = $1 AND status = 'published' AND audience IS NULL
     ) AS e ON true
     ORDER BY counts.citations DESC, counts.id
     LIMIT $4`,
    [organization, period.from, period.to, limit],
  );
}
