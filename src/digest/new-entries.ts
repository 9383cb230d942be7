import type { EntryKind } from '../knowledge/entry.ts';
import { safeHttpUrl } from '../render/safe-http-url.ts';
import type { Capped, CitedTip, DigestEntry } from './digest.ts';
import { sqlLimit } from './digest.ts';
import { loadCitedEntries } from './digest-examples.ts';
import { type DigestScope, NEW_SHAREABLE_ENTRIES, scopeParams } from './digest-scope.ts';

/** New published entries of these kinds in the period, newest first, credited to their authors. */
export async function newEntries(
  scope: DigestScope,
  kinds: EntryKind[],
  cap: number,
): Promise<Capped<DigestEntry>> {
  const rows = await scope.db.query<{ id: number; total: number }>(
    `SELECT e.id, (count(*) OVER ())::int AS total
     FROM entries AS e
     WHERE ${NEW_SHAREABLE_ENTRIES} AND e.kind::text = ANY($5::text[])
     ORDER BY e.created_at DESC, e.id DESC
     LIMIT $6`,
    [...scopeParams(scope), kinds, sqlLimit(cap)],
  );
  const cited = await loadCitedEntries(
    scope,
    rows.map((row) => row.id),
  );
  const items = rows.flatMap((row) => {
    const entry = cited.get(row.id);
    return entry ? [entry] : [];
  });
  return { items, more: (rows[0]?.total ?? 0) - items.length };
}

/** Tips published before the period that answers cited in it, most cited first. */
export async function citedOlderTips(scope: DigestScope, cap: number): Promise<Capped<CitedTip>> {
  const rows = await scope.db.query<{
    id: number;
    title: string;
    author: string | null;
    url: string | null;
    citations: number;
    total: number;
  }>(
    // Citations are counted per cited id first, then the tips are looked up by id: joining questions
    // to entries directly let the planner, without statistics (PGlite has no autovacuum), loop over
    // every published tip for every question (16-34 s at 100k entries; bench/RESULTS.md).
    `WITH cited AS MATERIALIZED (
       SELECT c.id, count(DISTINCT q.id)::int AS citations
       FROM questions AS q CROSS JOIN LATERAL unnest(q.source_ids) AS c(id)
       WHERE q.workspace_id = $1 AND q.created_at >= $2 AND q.created_at < $3
       GROUP BY c.id)
     SELECT e.id, e.title, coalesce(e.source_author, e.contributor) AS author, e.source_url AS url,
            cited.citations, (count(*) OVER ())::int AS total
     FROM cited JOIN entries AS e ON e.id = cited.id
     WHERE e.workspace_id = $1 AND e.kind = 'tip' AND e.status = 'published' AND e.audience IS NULL
       AND e.created_at < $2
       AND ($4::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest(e.topics) AS ft(topic) WHERE lower(ft.topic) = ANY($4::text[])))
     ORDER BY cited.citations DESC, e.id
     LIMIT $5`,
    [...scopeParams(scope), sqlLimit(cap)],
  );
  const items = rows.map(({ total: _total, url, ...row }) => ({
    ...row,
    url: safeHttpUrl(url)?.toString() ?? null,
  }));
  return { items, more: (rows[0]?.total ?? 0) - items.length };
}
