import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface BeirDocument {
  id: string;
  title: string;
  text: string;
}

export interface BeirQuery {
  id: string;
  text: string;
  split: string | undefined;
}

/** query id → document id → graded relevance */
export type Qrels = Map<string, Map<string, number>>;

export interface BeirDataset {
  corpus: BeirDocument[];
  queries: BeirQuery[];
  qrels: Qrels;
}

/** Loads a BEIR dataset directory; `queries` keeps only the split's queries that have judgments. */
export async function loadBeir(directory: string, split: string): Promise<BeirDataset> {
  const [corpusText, queriesText, qrelsText] = await Promise.all([
    readFile(join(directory, 'corpus.jsonl'), 'utf8'),
    readFile(join(directory, 'queries.jsonl'), 'utf8'),
    readFile(join(directory, 'qrels', `${split}.tsv`), 'utf8'),
  ]);
  const qrels = parseQrels(qrelsText);
  const corpus = jsonLines(corpusText).map((row) => ({
    id: String(row._id),
    title: typeof row.title === 'string' ? row.title : '',
    text: typeof row.text === 'string' ? row.text : '',
  }));
  const queries = jsonLines(queriesText)
    .map((row) => ({ id: String(row._id), text: String(row.text), split: splitOf(row.metadata) }))
    .filter((query) => (query.split === undefined || query.split === split) && qrels.has(query.id));
  return { corpus, queries, qrels };
}

/** Parses `query-id corpus-id score` lines (tab-separated, header first). */
export function parseQrels(text: string): Qrels {
  const qrels: Qrels = new Map();
  for (const line of text.split('\n').slice(1)) {
    const [queryId, documentId, score] = line.trim().split('\t');
    if (queryId === undefined || documentId === undefined || score === undefined) continue;
    const judged = qrels.get(queryId) ?? new Map<string, number>();
    judged.set(documentId, Number(score));
    qrels.set(queryId, judged);
  }
  return qrels;
}

/** nDCG@k as trec_eval computes it for BEIR: linear gains, log2 discount, ideal ranking from the qrels. */
export function ndcgAt(ranked: readonly string[], judged: ReadonlyMap<string, number>, k: number): number {
  const dcg = ranked
    .slice(0, k)
    .reduce((sum, id, rank) => sum + gain(judged.get(id)) / Math.log2(rank + 2), 0);
  const ideal = [...judged.values()]
    .filter((relevance) => relevance > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, relevance, rank) => sum + relevance / Math.log2(rank + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Share of the relevant documents found in the first k. */
export function recallAt(ranked: readonly string[], judged: ReadonlyMap<string, number>, k: number): number {
  const relevant = [...judged.values()].filter((relevance) => relevance > 0).length;
  if (relevant === 0) return 0;
  return ranked.slice(0, k).filter((id) => gain(judged.get(id)) > 0).length / relevant;
}

export interface RetrievalScores {
  queries: number;
  ndcgAt10: number;
  recallAt100: number;
}

/**
 * Mean nDCG@10 and recall@100 over every judged query (a query with no results scores 0). Like BEIR's
 * default, a document whose id equals the query id is dropped from that query's results.
 */
export function evaluateRun(run: ReadonlyMap<string, readonly string[]>, qrels: Qrels): RetrievalScores {
  let ndcg = 0;
  let recall = 0;
  for (const [queryId, judged] of qrels) {
    const ranked = (run.get(queryId) ?? []).filter((id) => id !== queryId);
    ndcg += ndcgAt(ranked, judged, 10);
    recall += recallAt(ranked, judged, 100);
  }
  const queries = qrels.size;
  return { queries, ndcgAt10: queries ? ndcg / queries : 0, recallAt100: queries ? recall / queries : 0 };
}

function gain(relevance: number | undefined): number {
  return relevance !== undefined && relevance > 0 ? relevance : 0;
}

function splitOf(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null || !('split' in metadata)) return undefined;
  return typeof metadata.split === 'string' ? metadata.split : undefined;
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
