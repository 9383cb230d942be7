import type { Database } from '../../db/database.ts';
import { toEntry } from '../entries/entry-store.ts';
import type { Entry } from '../entry.ts';

const DAY_MS = 86_400_000;

/**
 * Captured entries waiting for a curator, oldest first, and how many there are in all. With
 * `visibleIn` (a conversation key, or several) the entries listed are those seen there: public ones
 * and those conversations' own private captures; the size still counts every entry waiting.
 */
export async function reviewQueue(
  db: Database,
  workspaceId: string,
  limit = 20,
  visibleIn?: string | readonly string[],
): Promise<{ entries: Entry[]; size: number }> {
  const where = { workspaceId, status: 'pending' as const };
  const keys = visibleIn === undefined ? null : typeof visibleIn === 'string' ? [visibleIn] : [...visibleIn];
  const listed = keys ? { ...where, OR: [{ audience: null }, { audience: { in: keys } }] } : where;
  const [rows, size] = await Promise.all([
    db.prisma.entry.findMany({ where: listed, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: limit }),
    db.prisma.entry.count({ where }),
  ]);
  return { entries: rows.map(toEntry), size };
}

/** Published entries whose review-by date has passed or comes within `withinDays`, soonest first. */
export async function dueForReview(
  db: Database,
  workspaceId: string,
  now: Date,
  withinDays = 14,
): Promise<Entry[]> {
  const rows = await db.prisma.entry.findMany({
    where: {
      workspaceId,
      status: 'published',
      reviewBy: { lte: new Date(now.getTime() + withinDays * DAY_MS) },
    },
    orderBy: [{ reviewBy: 'asc' }, { id: 'asc' }],
    take: 20,
  });
  return rows.map(toEntry);
}
