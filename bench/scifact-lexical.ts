import { parseArgs } from 'node:util';
import { DEFAULT_BM25_PARAMS } from '../src/knowledge/search/lexical-index.ts';
import { loadBeir } from './lib/beir.ts';
import { runLexical } from './lib/run-lexical.ts';

// SciFact nDCG@10 of the in-process BM25 index. Tune on --split train, report on --split test.
const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'test' },
    k1: { type: 'string', default: String(DEFAULT_BM25_PARAMS.k1) },
    b: { type: 'string', default: String(DEFAULT_BM25_PARAMS.b) },
    'title-weight': { type: 'string', default: String(DEFAULT_BM25_PARAMS.titleWeight) },
    data: { type: 'string', default: '../shared/data/scifact' },
  },
});
const split = values.split;
if (split !== 'train' && split !== 'test') throw new Error(`--split must be train or test, got "${split}"`);
const params = { k1: Number(values.k1), b: Number(values.b), titleWeight: Number(values['title-weight']) };
if (Object.values(params).some((value) => !Number.isFinite(value)))
  throw new Error('--k1, --b and --title-weight must be numbers');

const dataset = await loadBeir(values.data, split);
const result = runLexical(dataset, params);
const rows: [string, string][] = [
  ['split', split],
  ['params', `k1=${params.k1} b=${params.b} titleWeight=${params.titleWeight}`],
  ['documents', String(dataset.corpus.length)],
  ['queries', String(result.queries)],
  ['nDCG@10', result.ndcgAt10.toFixed(4)],
  ['recall@100', result.recallAt100.toFixed(4)],
  ['build ms', result.buildMs.toFixed(0)],
  ['query p50 ms', result.queryP50Ms.toFixed(3)],
  ['query p95 ms', result.queryP95Ms.toFixed(3)],
];
for (const [name, value] of rows) console.log(`${name.padEnd(14)} ${value}`);
console.log(JSON.stringify({ split, ...params, documents: dataset.corpus.length, ...result }));
