import type { Database } from '../../db/database.ts';
import { mondayOf } from '../insight/question-weeks.ts';

/** How many answers cited the entry in one week (Monday to Sunday, UTC). */
export interface CitationWeek {
  /** The Monday the week starts on, 00:00 UTC. */
  week: Date;
  cited: number;
}

export interface EntryCitations {
  /** The last `weeks` weeks, oldest first, the current one last, including weeks nobody cited it. */
  weeks: CitationWeek[];
  /** Answers that ever cited it. */
  total: number;
  lastCited: Date | null;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * How often answers cited one entry: per week lately, in all and when last. Answers asked in private
 * conversations are counted too (only counted: no question text is read). Each query reads the
 * questions citing this entry through the GIN index on `source_ids`, whatever the organization's size.
 */
export async function entryCitations(
  db: Database,
  organization: string,
  entryId: number,
  options: { now: Date; weeks: number },
): Promise<EntryCitations> {
  const from = new Date(mondayOf(options.now).getTime() - (options.weeks - 1) * WEEK_MS);
  const [byWeek, [overall]] = await Promise.all([
    db.query<{ week: string; cited: number }>(
      `SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, count(*)::int AS cited
       FROM questions
       WHERE workspace_id = $1 AND source_ids @> ARRAY[$2::int] AND created_at >= $3 AND created_at <= $4
       GROUP BY 1`,
      [organization, entryId, from, options.now],
    ),
    db.query<{ total: number; last_cited: Date | string | null }>(
      `SELECT count(*)::int AS total, max(created_at) AS last_cited
       FROM questions WHERE workspace_id = $1 AND source_ids @> ARRAY[$2::int]`,
      [organization, entryId],
    ),
  ]);
  const cited = new Map(byWeek.map((row) => [row.week, row.cited]));
  const weeks: CitationWeek[] = [];
  for (let index = 0; index < options.weeks; index += 1) {
    const week = new Date(from.getTime() + index * WEEK_MS);
    weeks.push({ week, cited: cited.get(week.toISOString().slice(0, 10)) ?? 0 });
  }
  const last = overall?.last_cited;
  return { weeks, total: overall?.total ?? 0, lastCited: last ? new Date(last) : null };
}
