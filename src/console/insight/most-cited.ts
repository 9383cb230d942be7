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
  return db.query<CitedEntry>(
    `SELECT e.id, e.title, e.kind, count(*)::int AS citations
     FROM questions AS q CROSS JOIN LATERAL unnest(q.source_ids) AS cited(id)
     JOIN entries AS e ON e.id = cited.id
     WHERE q.workspace_id = $1 AND q.created_at >= $2 AND q.created_at < $3
       AND e.workspace_id = $1 AND e.status = 'published' AND e.audience IS NULL
     GROUP BY e.id, e.title, e.kind
     ORDER BY citations DESC, e.id
     LIMIT $4`,
    [organization, period.from, period.to, limit],
  );
}
