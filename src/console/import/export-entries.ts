import type { Database } from '../../db/database.ts';
import { entryWhere, toEntry } from '../../knowledge/entries/entry-store.ts';
import type { Entry } from '../../knowledge/entry.ts';
import { storeFilter } from '../entry-filters.ts';
import type { EntryFilters } from '../pages/knowledge-page.ts';

/** The externalId an entry without one gets at its first export, so importing the file updates it. */
const EXPORTED_ID_PREFIX = 'console-';

/**
 * The published, public entries a knowledge filter shows, newest first, as `earshot import` and the
 * console's import read them back (JSON Lines, CSV or Markdown: see export-formats.ts). Entries without
 * an externalId are given one (`console-<id>`) first: without it, importing the file would add copies
 * instead of updating them.
 */
export async function exportEntries(
  db: Database,
  organization: string,
  filters: EntryFilters,
  now: Date,
): Promise<Entry[]> {
  const where = entryWhere({
    workspaceId: organization,
    status: 'published',
    audience: null,
    ...storeFilter(filters, now),
  });
  const unnamed = await db.prisma.entry.findMany({
    where: { ...where, externalId: null },
    select: { id: true },
  });
  if (unnamed.length > 0) {
    await db.query(
      `UPDATE entries SET external_id = $2 || id WHERE id = ANY($1::int[]) AND external_id IS NULL`,
      [unnamed.map((row) => row.id), EXPORTED_ID_PREFIX],
    );
  }
  const rows = await db.prisma.entry.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return rows.map(toEntry);
}

/** An entry in the import format, leaving out what is not set. */
export function importRecord(entry: Entry): Record<string, unknown> {
  const source = withoutEmpty({
    url: entry.sourceUrl,
    channel: entry.sourceChannel,
    author: entry.sourceAuthor,
    account: entry.sourceAccount,
  });
  return withoutEmpty({
    externalId: entry.externalId,
    kind: entry.kind,
    title: entry.title,
    body: entry.body,
    source: Object.keys(source).length > 0 ? source : null,
    contributor: entry.contributor,
    topics: entry.topics.length > 0 ? entry.topics : null,
    stage: entry.stage,
    industry: entry.industry,
    roles: entry.roles.length > 0 ? entry.roles : null,
    createdAt: entry.createdAt.toISOString(),
    reviewBy: entry.reviewBy?.toISOString() ?? null,
    status: entry.status,
  });
}

function withoutEmpty(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  );
}
