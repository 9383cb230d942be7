/**
 * The longest single steps of building a lexical index, the way `serve` builds it (slices of ~10 ms with
 * an event-loop turn between them): a step over ~100 ms would hold up Slack's acks during warm-up.
 *   npm run bench:index-stalls [-- --entries 100000]
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { loadLanguageDetector } from '../src/knowledge/search/language.ts';
import { LexicalIndex } from '../src/knowledge/search/lexical-index.ts';
import { TimeSlicer } from '../src/knowledge/search/time-slicer.ts';
import { syntheticEntries } from './lib/synthetic-entries.ts';

const at = process.argv.indexOf('--entries');
const count = at > 0 ? Number(process.argv[at + 1]) : 100_000;
const gcPauses: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push(entry.duration);
}).observe({ entryTypes: ['gc'] });

loadLanguageDetector(); // as `serve` does before it listens
const index = new LexicalIndex();
const slicer = new TimeSlicer();
const steps: Array<{ entry: number; ms: number }> = [];
let id = 0;
const started = performance.now();
for (const entry of syntheticEntries(count)) {
  id += 1;
  const before = performance.now();
  index.upsert({
    id,
    title: entry.title ?? '',
    body: entry.body,
    kind: entry.kind,
    stage: entry.stage ?? null,
    topics: entry.topics ?? [],
    createdAt: new Date(entry.createdAt ?? Date.now()),
    audience: null,
    account: entry.source?.account ?? null,
  });
  steps.push({ entry: id, ms: performance.now() - before });
  await slicer.maybeYield();
}
const buildMs = performance.now() - started;
await slicer.yield();
const longest = steps.sort((a, b) => b.ms - a.ms).slice(0, 5);
const report = {
  benchmark: 'index-stalls',
  entries: count,
  buildMs: Math.round(buildMs),
  longestStepsMs: longest.map((step) => ({ entry: step.entry, ms: Math.round(step.ms * 10) / 10 })),
  longestGcPauseMs: Math.round(Math.max(0, ...gcPauses) * 10) / 10,
  targetStepMs: 100,
};
console.log(JSON.stringify(report));
