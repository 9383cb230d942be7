/**
 * The in-process BM25 index alone at 10k and 100k synthetic entries: memory (JS heap and typed arrays),
 * build rate, search time, and the size and save / load time of its snapshot.
 *   npm run bench:lexical-scale [-- --docs 10000,20000]
 */
import {
  currentFingerprint,
  decodeSnapshot,
  encodeSnapshot,
} from '../src/knowledge/search/index-snapshot.ts';
import { LexicalIndex } from '../src/knowledge/search/lexical-index.ts';
import { measureIndexScale } from './lib/measure-index-scale.ts';
import { printReport, round } from './lib/report.ts';

const docsIndex = process.argv.indexOf('--docs');
const sizes =
  docsIndex > 0
    ? (process.argv[docsIndex + 1] ?? '').split(',').map(Number).filter(Boolean)
    : [10_000, 100_000];
currentFingerprint(); // once per process, outside the timings
const rows = sizes.map((docs) => {
  const snapshot = { snapshotMb: 0, saveMs: 0, loadMs: 0 };
  const result = measureIndexScale(
    () => new LexicalIndex(),
    docs,
    7,
    (index) => {
      const state = {
        workspaceId: 'bench',
        index,
        lastSeq: 1n,
        workspaceCreated: '0',
        accounts: { version: '', accounts: [] },
        entryIndustries: [],
        entryRoles: [],
      };
      let started = performance.now();
      const packed = encodeSnapshot(state);
      snapshot.saveMs = performance.now() - started;
      snapshot.snapshotMb = packed.length / 2 ** 20;
      const bytes = Buffer.concat(packed.chunks, packed.length);
      started = performance.now();
      const loaded = decodeSnapshot(bytes, 'bench');
      snapshot.loadMs = performance.now() - started;
      if (!('snapshot' in loaded)) throw new Error(`snapshot not loaded: ${loaded.unusable}`);
    },
  );
  return Object.fromEntries(
    Object.entries({ ...result, ...snapshot }).map(([key, value]) => [key, round(value, 2)]),
  );
});
printReport(
  'LexicalIndex at scale (memory MB after GC: JS heap + typed arrays; build docs/s; search ms; snapshot)',
  rows,
  {
    benchmark: 'lexical-scale',
    results: rows,
  },
);
