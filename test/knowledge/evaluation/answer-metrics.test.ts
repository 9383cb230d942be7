import { describe, expect, it } from 'vitest';
import {
  evaluateAnswers,
  scoreAnswer,
  summarizeResults,
} from '../../../src/knowledge/evaluation/answer-metrics.ts';

const heard = (...cited: Array<string | null>) => ({ heard: true, cited });
const nothing = { heard: false, cited: [] };

describe('scoring one answer', () => {
  it('finds the rank of the first relevant cited source', () => {
    const result = scoreAnswer({ question: 'q', relevant: ['b', 'c'] }, heard('a', 'c', 'b'));
    expect(result.firstRelevantRank).toBe(2);
    expect(result.answerable).toBe(true);
  });

  it('calls "nothing heard" on an answerable question a problem, and on an unanswerable one right', () => {
    expect(scoreAnswer({ question: 'q', relevant: ['a'] }, nothing).problems).toEqual(['nothing-heard']);
    expect(scoreAnswer({ question: 'q', relevant: [] }, nothing).problems).toEqual([]);
    expect(scoreAnswer({ question: 'q', relevant: [] }, heard('a')).problems).toEqual(['heard-unanswerable']);
  });

  it('misses when the relevant source is cited only after the top 3', () => {
    const result = scoreAnswer({ question: 'q', relevant: ['d'] }, heard('a', 'b', 'c', 'd'));
    expect(result.problems).toEqual(['not-in-top-3', 'irrelevant-above-relevant']);
  });

  it('flags an irrelevant source in the top 3 ranked above a relevant one, not one ranked below', () => {
    expect(scoreAnswer({ question: 'q', relevant: ['b'] }, heard('a', 'b')).problems).toEqual([
      'irrelevant-above-relevant',
    ]);
    expect(scoreAnswer({ question: 'q', relevant: ['a', 'c'] }, heard('a', 'x', 'c')).problems).toEqual([
      'irrelevant-above-relevant',
    ]);
    expect(scoreAnswer({ question: 'q', relevant: ['a', 'b'] }, heard('a', 'b', 'x', 'y')).problems).toEqual(
      [],
    );
  });

  it('counts how often the entries shown as closest held the answer when nothing was heard', () => {
    const results = [
      scoreAnswer({ question: 'shown', relevant: ['a'] }, { heard: false, cited: [], closest: ['x', 'a'] }),
      scoreAnswer({ question: 'not shown', relevant: ['b'] }, { heard: false, cited: [], closest: ['x'] }),
      scoreAnswer({ question: 'heard', relevant: ['c'] }, heard('c')),
    ];
    // Still a "nothing heard" miss: the closest entries are not an answer.
    expect(results[0]?.problems).toEqual(['nothing-heard']);
    expect(summarizeResults(results).closestHeldAnswer).toBe(1 / 2);
  });

  it('never counts a source without an externalId as relevant', () => {
    expect(scoreAnswer({ question: 'q', relevant: ['a'] }, heard(null, 'a')).firstRelevantRank).toBe(2);
  });
});

describe('summarising answers', () => {
  const labelled = [
    { question: 'first relevant at 1', relevant: ['a'], note: 'direct' },
    { question: 'first relevant at 2', relevant: ['b'], note: 'direct' },
    { question: 'relevant at 4', relevant: ['d'], note: 'typo' },
    { question: 'said nothing', relevant: ['e'], note: 'typo' },
    { question: 'nothing, rightly', relevant: [], note: 'unanswerable' },
    { question: 'heard, wrongly', relevant: [], note: 'unanswerable' },
  ];
  const answers = [heard('a', 'x'), heard('x', 'b'), heard('x', 'y', 'z', 'd'), nothing, nothing, heard('q')];

  it('computes success@3, MRR, the nothing-heard rates, irrelevant-above-relevant and cited precision', () => {
    const { total } = evaluateAnswers(labelled, answers);
    expect(total).toEqual({
      questions: 6,
      answerable: 4,
      unanswerable: 2,
      successAt3: 2 / 4,
      mrr: (1 + 1 / 2 + 1 / 4 + 0) / 4,
      falseNothingRate: 1 / 4,
      correctNothingRate: 1 / 2,
      closestHeldAnswer: 0,
      irrelevantAboveRelevant: 2,
      citedPrecision: (1 / 2 + 1 / 2 + 1 / 4) / 3,
    });
  });

  it('lists every question with a problem, in input order, and breaks the figures down by note', () => {
    const report = evaluateAnswers(labelled, answers);
    expect(report.misses.map((miss) => miss.question)).toEqual([
      'first relevant at 2',
      'relevant at 4',
      'said nothing',
      'heard, wrongly',
    ]);
    expect(report.byNote.map((row) => [row.note, row.questions, row.successAt3])).toEqual([
      ['direct', 2, 1],
      ['typo', 2, 0],
      ['unanswerable', 2, null],
    ]);
  });

  it('gives no rate rather than a made-up one when a group is empty', () => {
    expect(summarizeResults([])).toMatchObject({ successAt3: null, mrr: null, correctNothingRate: null });
  });

  it('refuses answers that do not line up with the questions', () => {
    expect(() => evaluateAnswers(labelled, answers.slice(1))).toThrow(/6 labelled questions but 5 answers/);
  });
});
