import type { Database } from '../db/database.ts';

/** What one digest covers: a workspace, the half-open period [from, to) and an optional topic filter. */
export interface DigestScope {
  db: Database;
  workspaceId: string;
  from: Date;
  to: Date;
  /** Lower-cased; null for all topics. */
  topics: string[] | null;
  /**
   * The conversation the digest is shown in, as a platform-qualified key (`slack:C0123`); null when it is
   * shown outside any conversation (`earshot digest show`). Questions asked privately there are listed.
   */
  shownIn: string | null;
}

/**
 * SQL conditions on `entries AS e` for new, published, shareable entries in the period matching the
 * topic filter, with parameters $1–$4 (workspace, from, to, topics). Private entries (a non-null
 * audience) never reach a digest, not even as a count.
 */
export const NEW_SHAREABLE_ENTRIES = `e.workspace_id = $1
  AND e.status = 'published'
  AND e.audience IS NULL
  AND e.created_at >= $2 AND e.created_at < $3
  AND ($4::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest(e.topics) AS ft(topic) WHERE lower(ft.topic) = ANY($4::text[])))`;

export function scopeParams(scope: DigestScope): unknown[] {
  return [scope.workspaceId, scope.from, scope.to, scope.topics];
}

/** Who gets credit for an entry: whoever said it, else whoever shared it. */
export const CREDITED_PERSON = 'coalesce(e.source_author, e.contributor)';
