import type { Capped, DigestContributor } from './digest.ts';
import { sqlLimit } from './digest.ts';
import { CREDITED_PERSON, type DigestScope, NEW_SHAREABLE_ENTRIES, scopeParams } from './digest-scope.ts';

/** Who shared most new published entries of any kind in the period (private ones never count). */
export async function topContributors(scope: DigestScope, cap: number): Promise<Capped<DigestContributor>> {
  const rows = await scope.db.query<DigestContributor & { total: number }>(
    `SELECT ${CREDITED_PERSON} AS person, count(*)::int AS entries, (count(*) OVER ())::int AS total
     FROM entries AS e
     WHERE ${NEW_SHAREABLE_ENTRIES} AND ${CREDITED_PERSON} IS NOT NULL
     GROUP BY 1
     ORDER BY entries DESC, person
     LIMIT $5`,
    [...scopeParams(scope), sqlLimit(cap)],
  );
  const items = rows.map(({ total: _total, ...row }) => row);
  return { items, more: (rows[0]?.total ?? 0) - items.length };
}
