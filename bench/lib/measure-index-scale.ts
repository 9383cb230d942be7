import type { IndexedDoc, IndexedDocMeta } from '../../src/knowledge/search/lexical-index.ts';
import { percentile } from './report.ts';
import { SyntheticChatter } from './synthetic-chatter.ts';

/** The part of a search index the scale benchmark drives, so other implementations can be compared. */
export interface ScalableIndex {
  upsert(doc: IndexedDoc): void;
  search(query: string, options: { limit: number; filter?: (doc: IndexedDocMeta) => boolean }): unknown[];
  /** Typo tolerance, when the index has it: vocabulary terms within `maxEdits` of a word. */
  similarTerms?(term: string, maxEdits: number, limit: number): unknown[];
  /** Gives back the growth room of the build, when the index can (Earshot's does after one). */
  trim?(): void;
}

export interface ScaleResult {
  docs: number;
  buildMs: number;
  docsPerSecond: number;
  /** JS heap growth caused by the index after a full GC, in MB; needs `node --expose-gc`. */
  heapMb: number;
  /** Typed arrays (posting pool, term table…) outside the JS heap, which `heapUsed` does not count. */
  typedArraysMb: number;
  /** Typed arrays after `trim`, as a built workspace index keeps them (the raw figure when no trim). */
  trimmedTypedArraysMb: number;
  /** Both: the index's whole memory. */
  indexMb: number;
  rssMb: number;
  searchP50Ms: number;
  searchP95Ms: number;
  filteredP95Ms: number;
  /** Vocabulary terms at the end of the build. */
  terms: number;
  /** Looking up corrections for one misspelt word (after the first lookup built the vocabulary index). */
  typoP50Ms: number;
  typoP95Ms: number;
}

const MB = 1024 * 1024;
const PAGE = 1000;
const ACCOUNTS = 3000;
const INDUSTRIES = [
  'Healthcare',
  'Financial Services',
  'Logistics',
  'Manufacturing',
  'Retail',
  'Public Sector',
];

/** Chatter is heard from an account, most accounts have an industry; drawn from the id, not the generator's stream. */
function withAccount(doc: IndexedDoc): IndexedDoc {
  if (doc.kind !== 'chatter') return doc;
  const account = Math.imul(doc.id, 2_654_435_761) >>> 0;
  return {
    ...doc,
    account: `Account ${account % ACCOUNTS}`,
    industries: account % 7 === 0 ? [] : [(INDUSTRIES[account % INDUSTRIES.length] as string).toLowerCase()],
  };
}

/**
 * Builds an index of `docs` synthetic chatter entries and times 300 searches; `after` gets the built
 * index (to time saving and loading it) before the searches run.
 */
export function measureIndexScale<I extends ScalableIndex>(
  createIndex: () => I,
  docs: number,
  seed = 7,
  after?: (index: I) => void,
): ScaleResult {
  const chatter = new SyntheticChatter(seed);
  const queries = Array.from({ length: 300 }, () => chatter.query());
  const heapBefore = settledHeap();
  const buffersBefore = process.memoryUsage().arrayBuffers;
  const index = createIndex();
  let buildMs = 0;
  // Documents arrive in pages, as rows from the database would; only indexing is timed.
  for (let first = 1; first <= docs; first += PAGE) {
    const page = Array.from({ length: Math.min(PAGE, docs - first + 1) }, (_, offset) =>
      withAccount(chatter.doc(first + offset)),
    );
    const started = performance.now();
    for (const doc of page) index.upsert(doc);
    buildMs += performance.now() - started;
  }
  const heapMb = (settledHeap() - heapBefore) / MB;
  const typedArraysMb = (process.memoryUsage().arrayBuffers - buffersBefore) / MB;
  index.trim?.();
  settledHeap();
  const trimmedTypedArraysMb = (process.memoryUsage().arrayBuffers - buffersBefore) / MB;

  after?.(index);
  const time = (filter?: (doc: IndexedDocMeta) => boolean) =>
    queries.map((query) => {
      const before = performance.now();
      index.search(query, filter ? { limit: 10, filter } : { limit: 10 });
      return performance.now() - before;
    });
  time(); // warm up the JIT before timing
  const plain = time();
  const filtered = time((doc) => doc.kind === 'tip' && doc.stage === 'evaluate');
  const typos = timeTypos(index, queries);
  return {
    docs,
    buildMs,
    docsPerSecond: docs / (buildMs / 1000),
    heapMb,
    typedArraysMb,
    trimmedTypedArraysMb,
    indexMb: heapMb + typedArraysMb,
    rssMb: process.memoryUsage().rss / MB,
    searchP50Ms: percentile(plain, 0.5),
    searchP95Ms: percentile(plain, 0.95),
    filteredP95Ms: percentile(filtered, 0.95),
    ...typos,
  };
}

/** Misspells each query's last word (two neighbouring letters swapped) and times the correction lookup. */
function timeTypos(
  index: ScalableIndex,
  queries: string[],
): Pick<ScaleResult, 'terms' | 'typoP50Ms' | 'typoP95Ms'> {
  const terms = (index as { postings?: { termCount: number } }).postings?.termCount ?? 0;
  if (!index.similarTerms) return { terms, typoP50Ms: 0, typoP95Ms: 0 };
  const words = queries
    .map((query) => query.split(' ').at(-1) ?? '')
    .filter((word) => /^[a-z]{5,}$/.test(word))
    .map((word) => `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`);
  index.similarTerms('warmup', 1, 3);
  const durations = words.map((word) => {
    const before = performance.now();
    index.similarTerms?.(word, word.length <= 7 ? 1 : 2, 3);
    return performance.now() - before;
  });
  return { terms, typoP50Ms: percentile(durations, 0.5), typoP95Ms: percentile(durations, 0.95) };
}

function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (e.g. node --expose-gc --import tsx ...)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
