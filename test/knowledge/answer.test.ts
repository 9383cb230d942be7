import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

describe.each(DATABASE_KINDS)('answering on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
  });
  afterEach(() => earshot.close());

  it('counts distinct reps and accounts and says how recent the field chatter is', async () => {
    const said = [
      ['Maya', 'Harborview', 3],
      ['Maya', 'Harborview', 5],
      ['Dan', 'Kessler', 10],
      ['Priya', 'Fernway', 20],
      ['Tom', 'Harborview', 25],
    ] as const;
    for (const [author, account, age] of said) {
      await seedEntry(db, {
        author,
        account,
        createdAt: daysAgo(age),
        body: `${account} pushed back on Ledgerline pricing during the renewal call.`,
      });
    }
    await seedEntry(db, { body: 'Kessler wants on-site training for the warehouse team.', author: 'Zed' });

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about Ledgerline pricing?',
    });

    expect(answer.heard).toBe(true);
    expect(answer.field.summary).toMatchObject({ entries: 5, reps: 4, accounts: 3, windowDays: 30 });
    expect(answer.field.summary.headline).toBe('4 reps across 3 accounts in the last 30 days');
    expect(answer.sources.every((source) => source.kind === 'chatter')).toBe(true);
    expect(answer.sources.map((source) => source.author)).not.toContain('Zed');
  });

  it('keeps research and expert content apart from chatter, and every citation points at a listed source', async () => {
    await seedEntry(db, {
      kind: 'chatter',
      author: 'Maya',
      account: 'Harborview',
      body: 'Harborview asked for SOC 2 Type II before signing.',
    });
    await seedEntry(db, {
      kind: 'tip',
      author: 'Grace',
      body: 'Send the SOC 2 Type II bridge letter before the security review.',
    });
    await seedEntry(db, {
      kind: 'research',
      title: 'Security review survey',
      body: '62% of buyers ask for SOC 2 Type II in evaluation.',
      url: 'https://example.com/survey',
    });
    await seedEntry(db, {
      kind: 'expert',
      title: 'SOC 2 facts',
      body: 'Our SOC 2 Type II report covers all production systems.',
    });

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are buyers saying about SOC 2 Type II?',
    });

    const numbers = new Set(answer.sources.map((source) => source.n));
    const cited = [...answer.field.statements, ...answer.objective.statements].flatMap((s) => s.citations);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((n) => numbers.has(n))).toBe(true);
    const kindOf = (n: number) => answer.sources.find((source) => source.n === n)?.kind;
    expect(
      answer.field.statements
        .flatMap((s) => s.citations)
        .map(kindOf)
        .sort(),
    ).toEqual(['chatter', 'tip']);
    expect(
      answer.objective.statements
        .flatMap((s) => s.citations)
        .map(kindOf)
        .sort(),
    ).toEqual(['expert', 'research']);
    expect(answer.sources.map((source) => source.n)).toEqual([1, 2, 3, 4]);
    expect(answer.sources.find((source) => source.kind === 'research')?.url).toBe(
      'https://example.com/survey',
    );
  });

  it('says plainly when nothing was heard, invents nothing, and logs the question as unanswered', async () => {
    await seedEntry(db, { body: 'Harborview pushed back on pricing.' });

    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about carbon reporting?',
    });

    expect(answer.heard).toBe(false);
    expect(answer.subject).toBe('carbon reporting');
    expect(answer.sources).toEqual([]);
    expect(answer.field.statements).toEqual([]);
    const unanswered = await earshot.questions.list({ workspaceId: 'acme', answered: false });
    expect(unanswered.map((question) => question.text)).toEqual([
      'What are you hearing about carbon reporting?',
    ]);
  });

  it('does not count an entry that shares only one weak word with the question', async () => {
    await seedEntry(db, { body: 'The team asked about onboarding timelines for new hires.' });
    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about quantum encryption timelines?',
    });
    expect(answer.heard).toBe(false);
  });

  it('never answers one workspace from another workspace’s entries', async () => {
    await seedEntry(db, { workspaceId: 'acme', body: 'Acme heard that SAP migrations are stalling.' });
    const answer = await earshot.ask({
      workspaceId: 'globex',
      question: 'What are you hearing about SAP migrations?',
    });
    expect(answer.heard).toBe(false);
    const own = await earshot.ask({
      workspaceId: 'acme',
      question: 'What are you hearing about SAP migrations?',
    });
    expect(own.heard).toBe(true);
  });

  it('records feedback on a logged question, one vote per person', async () => {
    await seedEntry(db, { body: 'Buyers love the NetSuite connector.' });
    const answer = await earshot.ask({ workspaceId: 'acme', question: 'NetSuite connector?' });
    await earshot.questions.recordFeedback({
      workspaceId: 'acme',
      questionId: answer.questionId,
      userId: 'U1',
      helpful: false,
    });
    await earshot.questions.recordFeedback({
      workspaceId: 'acme',
      questionId: answer.questionId,
      userId: 'U1',
      helpful: true,
    });
    await earshot.questions.recordFeedback({
      workspaceId: 'acme',
      questionId: answer.questionId,
      userId: 'U2',
      helpful: true,
    });
    const [logged] = await earshot.questions.list({ workspaceId: 'acme' });
    expect(logged).toMatchObject({ answered: true, helpful: 2, notHelpful: 0 });
    await expect(
      earshot.questions.recordFeedback({
        workspaceId: 'globex',
        questionId: answer.questionId,
        userId: 'U3',
        helpful: true,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps each answer as it was given, for sharing later, within its workspace only', async () => {
    await seedEntry(db, {
      author: 'Maya',
      account: 'Harborview',
      body: 'Harborview wants Okta SSO.',
      url: 'https://example.com/a',
    });
    const answer = await earshot.ask({ workspaceId: 'acme', question: 'Okta SSO?' });
    expect(await earshot.questions.answerOf('acme', answer.questionId)).toEqual(answer);
    expect(await earshot.questions.answerOf('globex', answer.questionId)).toBeNull();
  });
});
