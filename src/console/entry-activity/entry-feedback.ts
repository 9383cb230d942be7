import type { Database } from '../../db/database.ts';

/** Votes on one answer that cited the entry. */
export interface AnswerVotes {
  questionId: number;
  /** As asked; null when it was asked in a private conversation (then only its votes are shown). */
  question: string | null;
  askedAt: Date;
  helpful: number;
  notHelpful: number;
}

export interface EntryFeedback {
  helpful: number;
  notHelpful: number;
  /** The answers voted on, most recently voted first, at most `limit`. */
  answers: AnswerVotes[];
}

/**
 * Helpful and not-helpful votes on the answers that cited one entry, in all and per answer. A question
 * asked in a private conversation keeps its words there: the console shows its votes, not its text.
 */
export async function entryFeedback(
  db: Database,
  organization: string,
  entryId: number,
  limit: number,
): Promise<EntryFeedback> {
  const cited = `FROM questions AS q JOIN question_feedback AS f ON f.question_id = q.id
     WHERE q.workspace_id = $1 AND q.source_ids @> ARRAY[$2::int]`;
  const [[totals], rows] = await Promise.all([
    db.query<{ helpful: number; not_helpful: number }>(
      `SELECT (count(*) FILTER (WHERE f.helpful))::int AS helpful,
         (count(*) FILTER (WHERE NOT f.helpful))::int AS not_helpful ${cited}`,
      [organization, entryId],
    ),
    db.query<{
      id: number;
      text: string | null;
      created_at: Date | string;
      helpful: number;
      not_helpful: number;
    }>(
      `SELECT q.id, CASE WHEN q.audience IS NULL THEN q.text END AS text, q.created_at,
         (count(*) FILTER (WHERE f.helpful))::int AS helpful,
         (count(*) FILTER (WHERE NOT f.helpful))::int AS not_helpful
       ${cited}
       GROUP BY q.id
       ORDER BY max(f.created_at) DESC, q.id DESC
       LIMIT $3`,
      [organization, entryId, limit],
    ),
  ]);
  return {
    helpful: totals?.helpful ?? 0,
    notHelpful: totals?.not_helpful ?? 0,
    answers: rows.map((row) => ({
      questionId: row.id,
      question: row.text,
      askedAt: new Date(row.created_at),
      helpful: row.helpful,
      notHelpful: row.not_helpful,
    })),
  };
}
