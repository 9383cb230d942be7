import type { Capped, DigestGaps, UnansweredQuestion, UnhelpfulAnswer } from './digest.ts';
import { sqlLimit } from './digest.ts';
import type { DigestScope } from './digest-scope.ts';

/**
 * Content gaps for curators: questions in the period nobody could answer, answers voted not helpful
 * in it, and the review queue. Question text is shown as asked (only curators' digests carry gaps).
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

async function unansweredQuestions(scope: DigestScope, cap: number): Promise<Capped<UnansweredQuestion>> {
  const where = {
    workspaceId: scope.workspaceId,
    answered: false,
    createdAt: { gte: scope.from, lt: scope.to },
  };
  const [rows, total] = await Promise.all([
    scope.db.prisma.question.findMany({
      where,
      select: { id: true, text: true, askedBy: true, createdAt: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: Number.isFinite(cap) ? cap : undefined,
    }),
    scope.db.prisma.question.count({ where }),
  ]);
  const items = rows.map((row) => ({
    id: row.id,
    text: row.text,
    askedAt: row.createdAt,
    askedBy: row.askedBy,
  }));
  return { items, more: total - items.length };
}

async function unhelpfulAnswers(scope: DigestScope, cap: number): Promise<Capped<UnhelpfulAnswer>> {
  const rows = await scope.db.query<{
    id: number;
    text: string;
    asked_by: string | null;
    created_at: Date | string;
    votes: number;
    total: number;
  }>(
    `SELECT q.id, q.text, q.asked_by, q.created_at, count(*)::int AS votes, (count(*) OVER ())::int AS total
     FROM question_feedback AS f JOIN questions AS q ON q.id = f.question_id
     WHERE q.workspace_id = $1 AND f.helpful = false AND f.created_at >= $2 AND f.created_at < $3
     GROUP BY q.id
     ORDER BY votes DESC, q.created_at DESC, q.id DESC
     LIMIT $4`,
    [scope.workspaceId, scope.from, scope.to, sqlLimit(cap)],
  );
  const items = rows.map((row) => ({
    id: row.id,
    text: row.text,
    askedAt: new Date(row.created_at),
    askedBy: row.asked_by,
    votes: row.votes,
  }));
  return { items, more: (rows[0]?.total ?? 0) - items.length };
}
