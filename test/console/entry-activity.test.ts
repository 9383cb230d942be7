import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryCitations } from '../../src/console/entry-activity/entry-citations.ts';
import { entryFeedback } from '../../src/console/entry-activity/entry-feedback.ts';
import type { Database } from '../../src/db/database.ts';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const NOW = new Date('2026-11-30T09:00:00.000Z'); // a Monday
const CITED = 7;

describe.each(DATABASE_KINDS)('an entry’s citations and feedback (%s)', (kind) => {
  let db: Database;
  const ask = (organization: string, at: string, sourceIds: number[], more: { audience?: string } = {}) =>
    db.prisma.question.create({
      data: {
        workspaceId: organization,
        text: `Asked at ${at}`,
        answered: true,
        sourceIds,
        audience: more.audience ?? null,
        createdAt: new Date(at),
      },
    });

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    for (const organization of ['acme', 'globex']) await ensureWorkspace(db, organization);
    // Sunday night and Monday morning fall in different weeks (UTC).
    await ask('acme', '2026-11-29T23:59:59.000Z', [CITED]);
    await ask('acme', '2026-11-30T00:00:00.000Z', [3, CITED]);
    await ask('acme', '2026-11-30T08:00:00.000Z', [CITED], { audience: 'slack:G0X' });
    await ask('acme', '2026-09-01T10:00:00.000Z', [CITED]); // before the 12 weeks charted
    await ask('acme', '2026-11-30T08:30:00.000Z', [3]);
    await ask('globex', '2026-11-30T08:30:00.000Z', [CITED]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('counts answers citing it per week, Monday to Sunday UTC, in this organization only', async () => {
    const citations = await entryCitations(db, 'acme', CITED, { now: NOW, weeks: 12 });
    expect(citations.weeks).toHaveLength(12);
    expect(citations.weeks[0]?.week).toEqual(new Date('2026-09-14T00:00:00.000Z'));
    expect(citations.weeks.at(-1)).toEqual({ week: new Date('2026-11-30T00:00:00.000Z'), cited: 2 });
    expect(citations.weeks.at(-2)).toEqual({ week: new Date('2026-11-23T00:00:00.000Z'), cited: 1 });
    expect(citations.weeks.reduce((sum, week) => sum + week.cited, 0)).toBe(3);
    expect(citations.total).toBe(4);
    expect(citations.lastCited).toEqual(new Date('2026-11-30T08:00:00.000Z'));
    expect(await entryCitations(db, 'acme', 999, { now: NOW, weeks: 12 })).toMatchObject({
      total: 0,
      lastCited: null,
    });
  });

  it('sums votes per answer citing it, hiding the words of private questions', async () => {
    const questions = await db.prisma.question.findMany({
      where: { workspaceId: 'acme' },
      orderBy: { createdAt: 'asc' },
    });
    const byTime = (at: string) => questions.find((q) => q.createdAt.toISOString() === at)?.id ?? 0;
    const vote = (questionId: number, userId: string, helpful: boolean, at: string) =>
      db.prisma.questionFeedback.create({ data: { questionId, userId, helpful, createdAt: new Date(at) } });
    await vote(byTime('2026-11-30T00:00:00.000Z'), 'U1', true, '2026-11-30T01:00:00.000Z');
    await vote(byTime('2026-11-30T00:00:00.000Z'), 'U2', false, '2026-11-30T01:00:00.000Z');
    await vote(byTime('2026-11-30T08:00:00.000Z'), 'U1', false, '2026-11-30T08:10:00.000Z');
    // A vote on an answer that did not cite it.
    await vote(byTime('2026-11-30T08:30:00.000Z'), 'U1', true, '2026-11-30T08:40:00.000Z');

    const feedback = await entryFeedback(db, 'acme', CITED, 50);
    expect(feedback).toMatchObject({ helpful: 1, notHelpful: 2 });
    expect(
      feedback.answers.map(({ question, helpful, notHelpful }) => [question, helpful, notHelpful]),
    ).toEqual([
      [null, 0, 1],
      ['Asked at 2026-11-30T00:00:00.000Z', 1, 1],
    ]);
    expect(await entryFeedback(db, 'globex', CITED, 50)).toEqual({ helpful: 0, notHelpful: 0, answers: [] });
  });

  it('finds the questions citing an entry through an index, not by reading every question', async () => {
    await db.query(
      `INSERT INTO questions (workspace_id, text, answered, source_ids, created_at)
       SELECT 'acme', 'Q' || g, true, ARRAY[1000 + g % 5000, 7000 + g % 300], $1::timestamptz - (g % 365) * interval '1 day'
       FROM generate_series(1, 20000) AS g`,
      [NOW],
    );
    await db.query('ANALYZE questions');
    const plan = await db.query<Record<string, string>>(
      `EXPLAIN SELECT count(*) FROM questions WHERE workspace_id = 'acme' AND source_ids @> ARRAY[${CITED}::int]`,
    );
    expect(plan.map((row) => Object.values(row)[0]).join('\n')).toContain('questions_source_ids_idx');
  });
});
