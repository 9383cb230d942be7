import type { Database } from '../../db/database.ts';
import { questionSubject } from '../../knowledge/answer/question-subject.ts';

/** Unanswered questions about one subject. */
export interface UnansweredSubject {
  subject: string;
  count: number;
  firstAsked: Date;
  lastAsked: Date;
  /** The latest question on the subject, as asked: what "Create entry" starts from. */
  latest: string;
}

/** Enough for every subject a curator will work through; older questions beyond it are left out. */
const MAX_QUESTIONS_READ = 5000;

/**
 * Questions nobody could answer in [from, to), grouped by their subject (the part chat's answer names:
 * "What are you hearing about SSO?" → "SSO"), most asked first. Questions asked in private conversations
 * are only counted: the console cannot check who is in them.
 */
export async function unansweredSubjects(
  db: Database,
  organization: string,
  period: { from: Date; to: Date },
): Promise<{ subjects: UnansweredSubject[]; askedInPrivate: number }> {
  const [rows, [privately]] = await Promise.all([
    db.query<{ text: string; created_at: Date | string }>(
      `SELECT text, created_at FROM questions
       WHERE workspace_id = $1 AND answered = false AND audience IS NULL AND created_at >= $2 AND created_at < $3
       ORDER BY created_at DESC, id DESC LIMIT ${MAX_QUESTIONS_READ}`,
      [organization, period.from, period.to],
    ),
    db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM questions
       WHERE workspace_id = $1 AND answered = false AND audience IS NOT NULL AND created_at >= $2 AND created_at < $3`,
      [organization, period.from, period.to],
    ),
  ]);
  const bySubject = new Map<string, UnansweredSubject>();
  // Newest first, so the first question seen of a subject is its latest.
  for (const row of rows) {
    const asked = new Date(row.created_at);
    const subject = questionSubject(row.text).replace(/[?.!\s]+$/, '');
    const key = subject.toLowerCase();
    const group = bySubject.get(key);
    if (group) {
      group.count += 1;
      group.firstAsked = asked;
    } else {
      bySubject.set(key, { subject, count: 1, firstAsked: asked, lastAsked: asked, latest: row.text });
    }
  }
  const subjects = [...bySubject.values()].sort(
    (a, b) => b.count - a.count || b.lastAsked.getTime() - a.lastAsked.getTime(),
  );
  return { subjects, askedInPrivate: privately?.count ?? 0 };
}
