/**
 * Fits and reports the per-hit "heard" decision (src/knowledge/answer/relevance.ts) on the TUNE part
 * of the development sets: each set's knowledge base is imported into an in-memory database, every
 * tune question is searched as `ask` searches it, and every hit is labelled relevant or not.
 *
 *   npm run bench:heard [-- --sets DIR] [--fit] [--loso]
 *
 * Prints success@3, correct "nothing heard" and irrelevant-above-relevant for the previous rule
 * (coverage >= 0.4 plus supporting hits), for the model in relevance.ts and, with --fit, for a model
 * fitted here: on all tune questions, and fitted on one set while scored on the other (an honest
 * estimate of how it carries over). With --loso, each way of fitting is fitted without one set and
 * scored on it, pooled over the sets. Only `tune.jsonl` is ever read: holdout stays unseen.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createPglite, wrapPglite } from '../src/db/database.ts';
import { retrievalQuery } from '../src/knowledge/answer/question-subject.ts';
import {
  type FeatureName,
  judgeHits,
  RELEVANCE_MODEL,
  type RelevanceModel,
  relevantOf,
} from '../src/knowledge/answer/relevance.ts';
import { selectSources } from '../src/knowledge/answer/select-sources.ts';
import {
  type AnswerMetrics,
  scoreAnswer,
  summarizeResults,
} from '../src/knowledge/evaluation/answer-metrics.ts';
import type { SearchHit } from '../src/knowledge/search/knowledge-search.ts';
import { createLogger } from '../src/logger.ts';
import { createEarshot } from '../src/main.ts';
import { importAccounts } from '../src/nudges/accounts/import-accounts.ts';
import { type Example, fitLogistic } from './lib/fit-logistic.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEARCH_LIMIT = 20;
/** Hits a question contributes to the fit: the ones that could be cited, and some below. */
const FIT_HITS = 20;
/** Relative floors tried: a hit is cited only at this share of the likeliest hit's relevance. */
const FLOORS = [0, 0.25, 0.5, 0.6, 0.7, 0.8, 0.9];

interface Labelled {
  set: string;
  question: string;
  relevant: string[];
  note: string | null;
  query: string;
  hits: SearchHit[];
}

const argv = process.argv.slice(2);
const setsDir = path.resolve(flag('--sets') ?? path.join(ROOT, 'eval'));
const fit = argv.includes('--fit');

const questions = await loadQuestions(setsDir);
const features = Object.keys(RELEVANCE_MODEL.weights) as FeatureName[];

report('search alone: always heard, the top 3 hits cited (an upper bound for success@3)', questions, (q) =>
  q.hits.slice(0, 3).map((hit) => hit.entry.externalId),
);
report('previous rule (coverage >= 0.4, supporting hits)', questions, (q) => legacyCited(q.hits));
report('relevance.ts model', questions, (q) => cited(q, RELEVANCE_MODEL));

if (argv.includes('--explain')) explain(questions);
{
  const started = performance.now();
  for (const q of questions) judgeHits(q, q.hits);
  const ms = (performance.now() - started) / questions.length;
  console.log(`\njudging ${SEARCH_LIMIT} hits takes ${ms.toFixed(2)} ms a question`);
}

if (argv.includes('--loso')) leaveOneSetOut(questions);

if (fit) {
  const sets = [...new Set(questions.map((q) => q.set))];
  const all = fitModel(questions);
  printModel('fitted on every tune question', all);
  sweep(questions, all);
  for (const held of sets) {
    const model = fitModel(questions.filter((q) => q.set !== held));
    report(
      `fitted without ${held}, scored on ${held}`,
      questions.filter((q) => q.set === held),
      (q) => cited(q, model),
    );
  }
}

function flag(name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

async function loadQuestions(dir: string): Promise<Labelled[]> {
  const found: Labelled[] = [];
  for (const set of (await readdir(dir)).sort()) {
    const tune = path.join(dir, set, 'tune.jsonl');
    const knowledge = path.join(dir, set, 'knowledge.jsonl');
    if (!(await exists(tune)) || !(await exists(knowledge))) continue;
    const db = wrapPglite(await createPglite({}));
    const earshot = await createEarshot({
      config: loadConfig({ LOG_LEVEL: 'silent', EARSHOT_DATA_DIR: '/nonexistent' }),
      logger: createLogger('silent'),
      db,
    });
    try {
      await earshot.importFiles({ workspaceId: set, files: [knowledge] });
      const accounts = path.join(dir, set, 'accounts.csv');
      if (await exists(accounts)) {
        await importAccounts({ db, clock: earshot.clock, workspaceId: set, file: accounts });
      }
      const lines = (await readFile(tune, 'utf8')).split('\n').filter((line) => line.trim());
      for (const line of lines) {
        const { question, relevant, note } = JSON.parse(line) as {
          question: string;
          relevant: string[];
          note?: string;
        };
        const query = retrievalQuery(question);
        const hits = await earshot.search.search({ workspaceId: set, query, limit: SEARCH_LIMIT });
        found.push({ set, question, relevant, note: note ?? null, query, hits });
      }
    } finally {
      await earshot.close();
    }
  }
  if (found.length === 0) throw new Error(`no <set>/tune.jsonl with knowledge.jsonl under ${dir}`);
  return found;
}

async function exists(file: string) {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The cited externalIds, in the answer's order, as `ask` cites them with `model`. */
function cited(q: Labelled, model: RelevanceModel): Array<string | null> {
  return selectSources(judgeHits(q, q.hits, model).relevant).map(({ entry }) => entry.externalId);
}

/** Answers for every cut of one model's likelihoods, judging each question once. */
function cutter(training: Labelled[], model: RelevanceModel) {
  const judged = new Map(training.map((q) => [q, judgeHits(q, q.hits, model).judged]));
  return (cut: Pick<RelevanceModel, 'threshold' | 'relativeFloor'>) => (q: Labelled) =>
    selectSources(relevantOf(judged.get(q) ?? [], cut)).map(({ entry }) => entry.externalId);
}

/** The rule before this change (in search order, 5 field and 3 objective entries), to report against. */
function legacyCited(hits: SearchHit[]): Array<string | null> {
  const similar = (hit: SearchHit) => (hit.similarity ?? 0) >= 0.55;
  if (!hits.some((hit) => hit.coverage >= 0.4 || similar(hit))) return [];
  const best = Math.max(...hits.map((hit) => hit.lexicalScore));
  const kept = hits.filter(
    (hit) => similar(hit) || hit.coverage >= 0.4 || (hit.coverage >= 0.2 && hit.lexicalScore >= 0.35 * best),
  );
  const isField = (hit: SearchHit) => hit.entry.kind === 'chatter' || hit.entry.kind === 'tip';
  const chosen = new Set([
    ...kept.filter(isField).slice(0, 5),
    ...kept.filter((hit) => !isField(hit)).slice(0, 3),
  ]);
  return kept.filter((hit) => chosen.has(hit)).map((hit) => hit.entry.externalId);
}

/** Each fitting procedure fitted without one set and scored on it, pooled over the sets. */
function leaveOneSetOut(all: Labelled[]) {
  const sets = [...new Set(all.map((q) => q.set))];
  // The weights relevance.ts sets by hand from sweeps, taken over onto a fit.
  const handSet: FeatureName[] = [
    'factMissing',
    'factSubjectMissing',
    'ownRequest',
    'knownNameMissing',
    'predicateMissing',
  ];
  const hand = (model: RelevanceModel): RelevanceModel => ({
    ...model,
    weights: {
      ...model.weights,
      ...Object.fromEntries(handSet.map((name) => [name, RELEVANCE_MODEL.weights[name]])),
    },
  });
  const procedures: Array<[string, (training: Labelled[]) => RelevanceModel]> = [
    ['fit l2 0.001', (t) => fitModel(t)],
    ['fit l2 0.01', (t) => fitModel(t, 0.01)],
    ['fit l2 0.03', (t) => fitModel(t, 0.03)],
    ['fit l2 0.1', (t) => fitModel(t, 0.1)],
    [
      'fit + hand weights, cut refit',
      (t) => {
        const m = hand(fitModel(t));
        return { ...m, ...bestCut(t, m) };
      },
    ],
    ['relevance.ts weights, cut refit', (t) => ({ ...RELEVANCE_MODEL, ...bestCut(t, RELEVANCE_MODEL) })],
  ];
  for (const [name, procedure] of procedures) {
    const models = new Map(sets.map((held) => [held, procedure(all.filter((q) => q.set !== held))]));
    report(`leave one set out: ${name}`, all, (q) => cited(q, models.get(q.set) as RelevanceModel));
  }
}

function fitModel(training: Labelled[], l2 = 0.001): RelevanceModel {
  const examples: Example[] = [];
  for (const q of training) {
    const judged = judgeHits(q, q.hits).judged.slice(0, FIT_HITS);
    const relevant = new Set(q.relevant);
    for (const { hit, features: values } of judged) {
      examples.push({
        x: features.map((name) => values[name]),
        y: hit.entry.externalId !== null && relevant.has(hit.entry.externalId) ? 1 : 0,
        weight: 1 / Math.max(1, judged.length),
      });
    }
  }
  const { bias, weights } = fitLogistic(examples, { l2, iterations: 20000 });
  const model: RelevanceModel = {
    bias,
    weights: Object.fromEntries(features.map((name, i) => [name, weights[i] as number])) as Record<
      FeatureName,
      number
    >,
    threshold: 0.5,
    relativeFloor: 0,
  };
  return { ...model, ...bestCut(training, model) };
}

/**
 * The cut (threshold, relative floor) that gets the worse of success@3 and correct "nothing heard"
 * highest on `training` (the targets ask 0.9 of both), less a little per irrelevant-above-relevant.
 */
function bestCut(training: Labelled[], model: RelevanceModel) {
  const answers = cutter(training, model);
  let best = { threshold: 0.5, relativeFloor: 0, score: -Infinity };
  for (const relativeFloor of FLOORS) {
    for (let threshold = 0.05; threshold < 0.96; threshold += 0.01) {
      const cut = { threshold: Number(threshold.toFixed(2)), relativeFloor };
      const m = metrics(training, answers(cut));
      const score =
        Math.min(m.successAt3 ?? 1, m.correctNothingRate ?? 1) -
        (0.5 * m.irrelevantAboveRelevant) / training.length;
      if (score > best.score) best = { ...cut, score };
    }
  }
  return { threshold: best.threshold, relativeFloor: best.relativeFloor };
}

function sweep(all: Labelled[], model: RelevanceModel) {
  const answers = cutter(all, model);
  for (const relativeFloor of FLOORS) {
    console.log(`\nthreshold sweep, relative floor ${relativeFloor} (fitted on every tune question)`);
    for (let threshold = 0.1; threshold < 0.91; threshold += 0.1) {
      console.log(`  ${threshold.toFixed(1)}  ${line(metrics(all, answers({ threshold, relativeFloor })))}`);
    }
  }
}

interface Metrics extends AnswerMetrics {
  misses: string[];
}

/** `earshot eval`'s own metrics over the answers `answer` gives. */
function metrics(labelled: Labelled[], answer: (q: Labelled) => Array<string | null>): Metrics {
  const results = labelled.map((q) => {
    const cited = answer(q);
    const labels = { question: q.question, relevant: q.relevant, note: q.note ?? undefined };
    return { set: q.set, result: scoreAnswer(labels, { heard: cited.length > 0, cited }) };
  });
  const misses = results.flatMap(({ set, result }) =>
    result.problems.map(
      (problem) =>
        `${problem.padEnd(26)} [${set}] ${result.question}  -> ${result.cited.slice(0, 4).join(', ')}`,
    ),
  );
  return { ...summarizeResults(results.map(({ result }) => result)), misses };
}

function line(m: Metrics) {
  const pct = (value: number | null) => (value === null ? '  -  ' : value.toFixed(3));
  return `success@3 ${pct(m.successAt3)}  correct-nothing ${pct(m.correctNothingRate)}  false-nothing ${pct(m.falseNothingRate)}  irrelevant-above-relevant ${m.irrelevantAboveRelevant}  cited-precision ${pct(m.citedPrecision)}`;
}

function report(title: string, labelled: Labelled[], answer: (q: Labelled) => Array<string | null>) {
  console.log(`\n${title}`);
  for (const set of [...new Set(labelled.map((q) => q.set))]) {
    const m = metrics(
      labelled.filter((q) => q.set === set),
      answer,
    );
    console.log(`  ${set.padEnd(10)} (${m.answerable} answerable, ${m.unanswerable} not)  ${line(m)}`);
  }
  const total = metrics(labelled, answer);
  console.log(
    `  ${'all'.padEnd(10)} (${total.answerable} answerable, ${total.unanswerable} not)  ${line(total)}`,
  );
  if (argv.includes('--misses')) for (const miss of total.misses) console.log(`    ${miss}`);
}

function printModel(title: string, model: RelevanceModel) {
  const weights = features.map((name) => `    ${name}: ${model.weights[name].toFixed(2)},`).join('\n');
  console.log(
    `\n${title}:\n{\n  bias: ${model.bias.toFixed(2)},\n  weights: {\n${weights}\n  },\n  threshold: ${model.threshold},\n  relativeFloor: ${model.relativeFloor},\n}`,
  );
  report(`${title}, scored on the same questions`, questions, (q) => cited(q, model));
}

/** Each question's terms and weights, and its first hits with their features and labels. */
function explain(labelled: Labelled[]) {
  for (const q of labelled) {
    const { judged } = judgeHits(q, q.hits);
    const relevant = new Set(q.relevant);
    console.log(
      `\n[${q.set}] ${q.question}  (${q.note ?? '-'}; ${q.relevant.length ? q.relevant.join(' ') : 'UNANSWERABLE'})`,
    );
    for (const j of judged.slice(0, 5)) {
      const mark = relevant.has(j.hit.entry.externalId ?? '') ? 'R' : '.';
      const f = j.features;
      console.log(
        `  ${mark} p=${j.relevance.toFixed(2)} cov=${f.coverage.toFixed(2)} fcov=${f.fieldCoverage.toFixed(2)} title=${f.titleCoverage.toFixed(2)} meta=${f.metaCoverage.toFixed(2)} known-missing=${f.missingKnown.toFixed(2)} unknown=${f.missingUnknown.toFixed(2)} name-missing=${f.missingName} terms=${(f.terms * 3).toFixed(0)} rel=${f.relativeScore.toFixed(2)} ${j.hit.entry.externalId} ${j.hit.entry.title.slice(0, 60)}`,
      );
    }
  }
}
