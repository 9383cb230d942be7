import type { Database } from '../../db/database.ts';

/** Questions asked in one week (Monday to Sunday, UTC) and how many of them were answered. */
export interface QuestionWeek {
  /** The Monday the week starts on, 00:00 UTC. */
  week: Date;
  asked: number;
  answered: number;
}

const WEEK_MS = 7 * 86_400_000;

/** Every week that overlaps [from, to), oldest first, including weeks with no questions. */
export async function questionWeeks(
  db: Database,
  organization: string,
  period: { from: Date; to: Date },
): Promise<QuestionWeek[]> {
  const rows = await db.query<{ week: string; asked: number; answered: number }>(
    `SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, count(*)::int AS asked,
       (count(*) FILTER (WHERE answered))::int AS answered
     FROM questions WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3
     GROUP BY 1`,
    [organization, period.from, period.to],
  );
  const byWeek = new Map(rows.map((row) => [row.week, row]));
  const weeks: QuestionWeek[] = [];
  for (let week = mondayOf(period.from); week < period.to; week = new Date(week.getTime() + WEEK_MS)) {
    const row = byWeek.get(weekKey(week));
    weeks.push({ week, asked: row?.asked ?? 0, answered: row?.answered ?? 0 });
  }
  return weeks;
}

export function mondayOf(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
}

const weekKey = (week: Date) => week.toISOString().slice(0, 10);
