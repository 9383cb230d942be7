/**
 * Retrieval quality on SciFact (BEIR), through the real command line: the corpus is imported with
 * `earshot import` into an embedded database and the split's queries run with `earshot search --queries`.
 * Lexical search only (no embedding model). Tune on the train split; report on test.
 *
 *   npm run bench:search [-- --split test|train]
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { evaluateRun, loadBeir } from './lib/beir.ts';
import { printReport, round } from './lib/report.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCIFACT = path.resolve(ROOT, '../shared/data/scifact');
const BM25_BEIR = 0.665;
const run = promisify(execFile);

const splitIndex = process.argv.indexOf('--split');
const split = splitIndex > 0 ? (process.argv[splitIndex + 1] ?? 'test') : 'test';
const dataset = await loadBeir(SCIFACT, split);
const tmp = await mkdtemp(path.join(tmpdir(), 'earshot-scifact-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  EARSHOT_DATA_DIR: path.join(tmp, 'data'),
  LOG_LEVEL: 'warn',
};
delete env.DATABASE_URL;
delete env.OPENAI_API_KEY;

try {
  const corpusFile = path.join(tmp, 'corpus.jsonl');
  const lines = dataset.corpus.map((doc) =>
    JSON.stringify({
      externalId: doc.id,
      kind: 'research',
      title: doc.title || undefined,
      body: doc.text || doc.title,
    }),
  );
  await writeFile(corpusFile, `${lines.join('\n')}\n`);
  const queriesFile = path.join(tmp, 'queries.jsonl');
  await writeFile(
    queriesFile,
    `${dataset.queries.map((q) => JSON.stringify({ id: q.id, text: q.text })).join('\n')}\n`,
  );

  const importStarted = performance.now();
  await run(process.execPath, ['bin/earshot.js', 'import', corpusFile, '-w', 'scifact'], { cwd: ROOT, env });
  const importSeconds = (performance.now() - importStarted) / 1000;

  const searchStarted = performance.now();
  const { stdout } = await run(
    process.execPath,
    ['bin/earshot.js', 'search', '-w', 'scifact', '--queries', queriesFile, '--json', '--limit', '100'],
    { cwd: ROOT, env, maxBuffer: 1 << 26 },
  );
  const searchSeconds = (performance.now() - searchStarted) / 1000;

  const runByQuery = new Map<string, string[]>();
  for (const line of stdout.trim().split('\n')) {
    const { id, results } = JSON.parse(line) as { id: string; results: Array<{ externalId: string }> };
    runByQuery.set(
      String(id),
      results.map((result) => result.externalId),
    );
  }
  const scores = evaluateRun(runByQuery, dataset.qrels);
  const row = {
    split,
    documents: dataset.corpus.length,
    queries: scores.queries,
    ndcgAt10: round(scores.ndcgAt10, 3),
    recallAt100: round(scores.recallAt100, 3),
    vsBm25Beir: round(scores.ndcgAt10 / BM25_BEIR, 3),
    importSeconds: round(importSeconds),
    searchSecondsAll: round(searchSeconds),
  };
  printReport('SciFact retrieval through `earshot search --queries` (lexical only)', [row], {
    benchmark: 'search-quality',
    ...row,
    target: { ndcgAt10: BM25_BEIR },
    meetsTarget: scores.ndcgAt10 >= BM25_BEIR,
  });
} finally {
  await rm(tmp, { recursive: true, force: true });
}
