import { type Bm25Params, LexicalIndex } from '../../src/knowledge/search/lexical-index.ts';
import { type BeirDataset, evaluateRun, type RetrievalScores } from './beir.ts';
import { percentile } from './report.ts';

export interface LexicalRunResult extends RetrievalScores {
  buildMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
}

/** Indexes the corpus (title + text), answers every query with the top 100 and scores the run. */
export function runLexical(dataset: BeirDataset, params: Partial<Bm25Params> = {}): LexicalRunResult {
  const started = performance.now();
  const index = new LexicalIndex(params);
  const createdAt = new Date(0);
  dataset.corpus.forEach((doc, position) => {
    index.upsert({
      id: position,
      title: doc.title,
      body: doc.text,
      kind: 'research',
      stage: null,
      topics: [],
      createdAt,
      audience: null,
    });
  });
  const buildMs = performance.now() - started;

  const run = new Map<string, string[]>();
  const durations: number[] = [];
  for (const query of dataset.queries) {
    const before = performance.now();
    const hits = index.search(query.text, { limit: 100 });
    durations.push(performance.now() - before);
    run.set(
      query.id,
      hits.map((hit) => (dataset.corpus[hit.id] as { id: string }).id),
    );
  }
  return {
    ...evaluateRun(run, dataset.qrels),
    buildMs,
    queryP50Ms: percentile(durations, 0.5),
    queryP95Ms: percentile(durations, 0.95),
  };
}
