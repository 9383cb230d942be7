/**
 * The in-process BM25 index alone at 10k and 100k synthetic entries: heap, build rate and search time.
 *   npm run bench:lexical-scale [-- --docs 10000,20000]
 */
import { LexicalIndex } from '../src/knowledge/search/lexical-index.ts';
import { measureIndexScale } from './lib/measure-index-scale.ts';
import { printReport, round } from './lib/report.ts';

const docsIndex = process.argv.indexOf('--docs');
const sizes =
  docsIndex > 0
    ? (process.argv[docsIndex + 1] ?? '').split(',').map(Number).filter(Boolean)
    : [10_000, 100_000];
const rows = sizes.map((docs) => {
  const result = measureIndexScale(() => new LexicalIndex(), docs);
  return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, round(value, 2)]));
});
printReport('LexicalIndex at scale (heap MB after GC, build docs/s, search ms)', rows, {
  benchmark: 'lexical-scale',
  results: rows,
});
