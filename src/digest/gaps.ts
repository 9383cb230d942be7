import type { DigestGaps, GapList, UnansweredQuestion, UnhelpfulAnswer } from './digest.ts';
import { sqlLimit } from './digest.ts';
import type { DigestScope } from './digest-scope.ts';

/** SQL: the question `q` may be printed where the digest is shown ($n is the scope's `shownIn`). */
const shownHere = (param: string) => `(q.audience IS NULL OR coalesce(q.audience = ${param}::text, false))`;

/**
 * Content gaps for curators: questions in the period nobody could answer, answers voted not helpful
 * in it, and the review queue. Question text is shown as asked, unless it was asked in a private
 * conversation other than the one the digest is shown in: then it is only counted.
 */
export async function contentGaps(scope: DigestScope, cap: number): Promise<DigestGaps> {
  const [unanswered, notHelpful, reviewQueueSize] = await Promise.all([
    unansweredQuestions(scope, cap),
    unhelpfulAnswers(scope, cap),
    // Private captures are left out of the count too: a digest never hints at private content.
    scope.db.prisma.entry.count({
      where: { workspaceId: scope.workspaceId, status: 'pending', audience: null },
    }),
  ]);
  return { unanswered, notHelpful, reviewQueueSize };
}

async function unansweredQuestions(scope: DigestScope, cap: number): Promise<GapList<UnansweredQuestion>> {
  const rows = await scope.db.query<GapRow>(
    // The totals ride on a row that is always there (the LEFT JOIN), so counts arrive with no rows shown.
    `WITH asked AS (
       SELECT q.id, q.text, q.asked_by, q.created_at, ${shownHere('$4')} AS here
       FROM questions AS q
       WHERE q.workspace_id = $1 AND q.answered = false AND q.created_at >= $2 AND q.created_at < $3),
     totals AS (
       SELECT (count(*) FILTER (WHERE here))::int AS shown, (count(*) FILTER (WHERE NOT here))::int AS private
       FROM asked),
     listed AS (
       SELECT id, text, asked_by, created_at FROM asked WHERE here
       ORDER BY created_at DESC, id DESC LIMIT $5)
     SELECT listed.*, totals.shown, totals.private
     FROM totals LEFT JOIN listed ON true
     ORDER BY listed.created_at DESC, listed.id DESC`,
    [scope.workspaceId, scope.from, scope.to, scope.shownIn, sqlLimit(cap)],
  );
  return gapList(rows, (row) => ({ id: row.id, ...askedQuestion(row) }));
}

async function unhelpfulAnswers(scope: DigestScope, cap: number): Promise<GapList<UnhelpfulAnswer>> {
  const rows = await scope.db.query<GapRow & { votes: number }>(
    `WITH voted AS (
       SELECT q.id, q.text, q.asked_by, q.created_at, count(*)::int AS votes, ${shownHere('$4')} AS here
       FROM question_feedback AS f JOIN questions AS q ON q.id = f.question_id
       WHERE q.workspace_id = $1 AND f.helpful = false AND f.created_at >= $2 AND f.created_at < $3
       GROUP BY q.id),
     totals AS (
       SELECT (count(*) FILTER (WHERE here))::int AS shown, (count(*) FILTER (WHERE NOT here))::int AS private
       FROM voted),
     listed AS (
       SELECT id, text, asked_by, created_at, votes FROM voted WHERE here
       ORDER BY votes DESC, created_at DESC, id DESC LIMIT $5)
     SELECT listed.*, totals.shown, totals.private
     FROM totals LEFT JOIN listed ON true
     ORDER BY listed.votes DESC, listed.created_at DESC, listed.id DESC`,
    [scope.workspaceId, scope.from, scope.to, scope.shownIn, sqlLimit(cap)],
  );
  return gapList(rows, (row) => ({ id: row.id, ...askedQuestion(row), votes: row.votes }));
}

interface GapRow {
  id: number | null;
  text: string;
  asked_by: string | null;
  created_at: Date | string;
  shown: number;
  private: number;
}

/** The listed rows as items, with the counts that ride on every row (also on the one with no item). */
function gapList<Row extends GapRow, Item>(
  rows: Row[],
  toItem: (row: Row & { id: number }) => Item,
): GapList<Item> {
  const items = rows.flatMap((row) => (row.id === null ? [] : [toItem(row as Row & { id: number })]));
  const totals = rows[0] ?? { shown: 0, private: 0 };
  return { items, more: totals.shown - items.length, askedInPrivate: totals.private };
}

function askedQuestion(row: GapRow) {
  return { text: row.text, askedAt: new Date(row.created_at), askedBy: row.asked_by };
}
