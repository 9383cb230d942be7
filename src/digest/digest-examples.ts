import { excerpt } from '../knowledge/answer/excerpt.ts';
import { safeHttpUrl } from '../render/safe-http-url.ts';
import type { DigestEntry } from './digest.ts';
import type { DigestScope } from './digest-scope.ts';

/** Loads entries to cite, by id, with an excerpt of each body chosen for `focusOf(id)`. */
export async function loadCitedEntries(
  scope: DigestScope,
  ids: number[],
  focusOf: (id: number, title: string) => string = (_id, title) => title,
): Promise<Map<number, DigestEntry>> {
  if (ids.length === 0) return new Map();
  const rows = await scope.db.prisma.entry.findMany({
    // Ids come from queries that already excluded private entries; checking again costs nothing.
    where: { id: { in: [...new Set(ids)] }, workspaceId: scope.workspaceId, audience: null },
    select: {
      id: true,
      kind: true,
      title: true,
      body: true,
      sourceUrl: true,
      sourceAuthor: true,
      sourceAccount: true,
      contributor: true,
      topics: true,
      createdAt: true,
    },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        kind: row.kind,
        title: row.title,
        excerpt: excerpt(row.body, focusOf(row.id, row.title)),
        url: safeHttpUrl(row.sourceUrl)?.toString() ?? null,
        author: row.sourceAuthor ?? row.contributor,
        account: row.sourceAccount,
        topics: row.topics,
        createdAt: row.createdAt,
      },
    ]),
  );
}
