/**
 * Answer quality on the labelled development sets under eval/, through the real command line: each
 * set's knowledge base (and accounts) is imported into a fresh embedded database and its questions are
 * scored with `earshot eval --json`. No chat model and no embeddings. Tune on `tune`; report `holdout`.
 *
 *   npm run bench:answers [-- --part tune|holdout|all] [--set NAME] [--misses] [--lowercase] [--typos SEED]
 *
 * `--lowercase` asks every question in lower case, as many reps type in chat: the same labels, so the
 * figures show what capitals were worth. `--typos SEED` asks every question with one slip of the hand in
 * one of its words (bench/lib/typos.ts; the same seed, the same slips): what a mistyped question costs.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  type AnswerMetrics,
  type QuestionResult,
  summarizeResults,
} from '../src/knowledge/evaluation/answer-metrics.ts';
import { printReport, round } from './lib/report.ts';
import { withTypo } from './lib/typos.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const EVAL_DIR = path.join(ROOT, 'eval');
const PARTS = ['tune', 'holdout'] as const;
const TARGETS = { successAt3: 0.9, correctNothingRate: 0.9, irrelevantAboveRelevant: 0 };
const run = promisify(execFile);

type Part = (typeof PARTS)[number];

const args = parseArgs(process.argv.slice(2));
const parts: readonly Part[] = args.part === 'all' ? PARTS : [args.part];
const sets = await chosenSets();
const tmp = await mkdtemp(path.join(tmpdir(), 'earshot-answers-'));

try {
  const rows: Array<Record<string, string | number>> = [];
  const resultsByPart = new Map<Part, QuestionResult[]>(parts.map((part) => [part, []]));
  const perSet: Record<string, Record<string, AnswerMetrics>> = {};
  for (const set of sets) {
    const cli = await importSet(set);
    perSet[set] = {};
    for (const part of parts) {
      const file = await questionsFile(path.join(EVAL_DIR, set, `${part}.jsonl`), `${set}-${part}`);
      const report = await cli.evaluate(file);
      resultsByPart.get(part)?.push(...report.results);
      const metrics = summarizeResults(report.results);
      (perSet[set] as Record<string, AnswerMetrics>)[part] = rounded(metrics);
      rows.push(row(set, part, metrics));
      if (args.misses) process.stdout.write(await cli.evaluateText(file));
    }
  }
  await benchDemo(rows);
  const totals: Record<string, AnswerMetrics> = {};
  for (const part of parts) {
    const metrics = summarizeResults(resultsByPart.get(part) ?? []);
    totals[part] = rounded(metrics);
    rows.push(row('total', part, metrics));
  }
  if (parts.length > 1) {
    const metrics = summarizeResults([...resultsByPart.values()].flat());
    totals.all = rounded(metrics);
    rows.push(row('total', 'all', metrics));
  }
  const headline = totals[parts.length > 1 ? 'all' : (parts[0] as Part)] as AnswerMetrics;
  printReport('Answer quality on eval/ through `earshot eval` (lexical only, no model)', rows, {
    benchmark: 'answer-quality',
    part: args.part,
    sets: perSet,
    total: totals,
    targets: TARGETS,
    ratios: {
      successAt3: ratioTo(headline.successAt3, TARGETS.successAt3),
      correctNothingRate: ratioTo(headline.correctNothingRate, TARGETS.correctNothingRate),
    },
    meetsTargets:
      (headline.successAt3 ?? 0) >= TARGETS.successAt3 &&
      (headline.correctNothingRate ?? 0) >= TARGETS.correctNothingRate &&
      headline.irrelevantAboveRelevant <= TARGETS.irrelevantAboveRelevant,
  });
} finally {
  await rm(tmp, { recursive: true, force: true });
}

/** Imports one set into its own data dir; the returned runner scores question files against it. */
async function importSet(set: string) {
  const env = cliEnv(path.join(tmp, set));
  const earshot = (cliArgs: string[]) =>
    run(process.execPath, ['bin/earshot.js', ...cliArgs], { cwd: ROOT, env, maxBuffer: 1 << 26 });
  const dir = path.join(EVAL_DIR, set);
  await earshot(['import', path.join(dir, 'knowledge.jsonl'), '-w', set]);
  if (await exists(path.join(dir, 'accounts.csv'))) {
    await earshot(['accounts', 'import', path.join(dir, 'accounts.csv'), '-w', set]);
  }
  return {
    evaluate: async (file: string) => {
      const { stdout } = await earshot(['eval', file, '-w', set, '--json']);
      return JSON.parse(stdout) as { results: QuestionResult[] };
    },
    evaluateText: async (file: string) => (await earshot(['eval', file, '-w', set])).stdout,
  };
}

/** The demo, scored on its report-only questions (eval/demo/report.jsonl: never tuned on). */
async function benchDemo(rows: Array<Record<string, string | number>>) {
  if (args.set && args.set !== 'demo') return;
  const reportFile = await questionsFile(path.join(EVAL_DIR, 'demo', 'report.jsonl'), 'demo-report');
  const env = cliEnv(path.join(tmp, 'demo'));
  await run(process.execPath, ['bin/earshot.js', 'demo', '-w', 'demo'], { cwd: ROOT, env });
  const { stdout } = await run(
    process.execPath,
    ['bin/earshot.js', 'eval', reportFile, '-w', 'demo', '--json'],
    { cwd: ROOT, env, maxBuffer: 1 << 26 },
  );
  rows.push(
    row('demo', 'report', summarizeResults((JSON.parse(stdout) as { results: QuestionResult[] }).results)),
  );
  if (args.misses) {
    const text = await run(process.execPath, ['bin/earshot.js', 'eval', reportFile, '-w', 'demo'], {
      cwd: ROOT,
      env,
      maxBuffer: 1 << 26,
    });
    process.stdout.write(text.stdout);
  }
}

/** The labelled questions as given, or with `--lowercase` a copy with every question in lower case. */
async function questionsFile(file: string, name: string): Promise<string> {
  if (!args.lowercase && args.typos === undefined) return file;
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  const asked = lines.map((line, i) => {
    const labelled = JSON.parse(line) as { question: string };
    let question = args.lowercase ? labelled.question.toLowerCase() : labelled.question;
    if (args.typos !== undefined) question = withTypo(question, `${args.typos}:${name}:${i}`);
    return JSON.stringify({ ...labelled, question });
  });
  const copy = path.join(tmp, `${name}.asked.jsonl`);
  await writeFile(copy, `${asked.join('\n')}\n`);
  return copy;
}

function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EARSHOT_DATA_DIR: dataDir,
    EARSHOT_ENV_FILE: 'none',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.OPENAI_API_KEY;
  return env;
}

function row(set: string, part: string, metrics: AnswerMetrics): Record<string, string | number> {
  const show = (value: number | null) => (value === null ? '—' : round(value, 3));
  return {
    set,
    part,
    questions: metrics.questions,
    answerable: metrics.answerable,
    unanswerable: metrics.unanswerable,
    successAt3: show(metrics.successAt3),
    mrr: show(metrics.mrr),
    falseNothing: show(metrics.falseNothingRate),
    correctNothing: show(metrics.correctNothingRate),
    closestHeld: show(metrics.closestHeldAnswer),
    irrelevantAboveRelevant: metrics.irrelevantAboveRelevant,
    citedPrecision: show(metrics.citedPrecision),
  };
}

/** Three decimals are plenty for a JSON line people read and compare. */
function rounded(metrics: AnswerMetrics): AnswerMetrics {
  const three = (value: number | null) => (value === null ? null : round(value, 3));
  return {
    ...metrics,
    successAt3: three(metrics.successAt3),
    mrr: three(metrics.mrr),
    falseNothingRate: three(metrics.falseNothingRate),
    correctNothingRate: three(metrics.correctNothingRate),
    closestHeldAnswer: three(metrics.closestHeldAnswer),
    citedPrecision: three(metrics.citedPrecision),
  };
}

function ratioTo(value: number | null, target: number): number | null {
  return value === null ? null : round(value / target, 3);
}

async function chosenSets(): Promise<string[]> {
  const names = await setNames();
  if (!args.set) return names;
  if (args.set === 'demo') return [];
  if (!names.includes(args.set)) {
    console.error(`no set "${args.set}" under eval/; sets: ${[...names, 'demo'].join(', ')}`);
    process.exit(2);
  }
  return [args.set];
}

async function setNames(): Promise<string[]> {
  const entries = await readdir(EVAL_DIR, { withFileTypes: true });
  const names = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await exists(path.join(EVAL_DIR, entry.name, 'knowledge.jsonl')))) {
      names.push(entry.name);
    }
  }
  return names.sort();
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function parseArgs(argv: string[]): {
  part: Part | 'all';
  set?: string;
  misses: boolean;
  lowercase: boolean;
  typos?: string;
} {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const part = value('--part') ?? 'tune';
  if (part !== 'tune' && part !== 'holdout' && part !== 'all') {
    console.error(`--part must be tune, holdout or all (got "${part}")`);
    process.exit(2);
  }
  return {
    part,
    set: value('--set'),
    misses: argv.includes('--misses'),
    lowercase: argv.includes('--lowercase'),
    typos: value('--typos'),
  };
}
