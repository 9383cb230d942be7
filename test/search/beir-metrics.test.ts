import { describe, expect, it } from 'vitest';
import { evaluateRun, ndcgAt, parseQrels, recallAt } from '../../bench/lib/beir.ts';

const judged = new Map([
  ['a', 2],
  ['b', 1],
  ['z', 0],
]);

describe('BEIR metrics', () => {
  it('gives nDCG 1 to the ideal order and less when the better document comes second', () => {
    expect(ndcgAt(['a', 'b', 'x'], judged, 10)).toBeCloseTo(1);
    const swapped = ndcgAt(['b', 'a'], judged, 10);
    expect(swapped).toBeLessThan(1);
    // Linear gains with a log2 discount, as trec_eval computes nDCG for BEIR.
    expect(swapped).toBeCloseTo((1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3)));
  });

  it('ignores documents ranked below the cutoff and judged irrelevant ones', () => {
    const late = [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'a'];
    expect(ndcgAt(late, judged, 10)).toBe(0);
    expect(recallAt(['z', 'b'], judged, 100)).toBe(0.5);
  });

  it('averages over every judged query, counting unanswered ones as zero', () => {
    const qrels = parseQrels('query-id\tcorpus-id\tscore\nq1\ta\t1\nq2\tb\t1\n');
    const scores = evaluateRun(new Map([['q1', ['a']]]), qrels);
    expect(scores).toEqual({ queries: 2, ndcgAt10: 0.5, recallAt100: 0.5 });
  });
});
