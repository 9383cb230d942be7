/**
 * Speed benchmark: import throughput, `ask` latency without a model, and peak RSS, at 10k and 100k
 * entries, on embedded PGlite and on the PostgreSQL server. Each import and each ask session runs in a
 * process of its own, through the real command line and composition root, so RSS is that of one
 * Earshot process serving questions.
 *
 *   npm run bench:speed [-- --sizes 10000,100000 --backends pglite,postgres --questions 300]
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { createLogger } from '../src/logger.ts';
import { createEarshot } from '../src/main.ts';
import { type BenchBackend, benchDatabase, serverReachable } from './lib/bench-database.ts';
import { peakRssMb, percentile, printReport, round } from './lib/report.ts';
import { syntheticJsonl, syntheticQuestions } from './lib/synthetic-entries.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);
const WORKSPACE = 'bench';
const TARGETS = { pglite10kP95Ms: 50, pglite100kP95Ms: 300, server100kP95Ms: 100, importPerSecond: 1000, rss100kMb: 400 };

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');

if (args.has('--serve')) await serve(Number(args.get('--questions') ?? 300));
else await main();

/** Parent: prepares data, runs the children, reports. */
async function main() {
  const sizes = (args.get('--sizes') ?? '10000,100000').split(',').map(Number);
  const wanted = (args.get('--backends') ?? 'pglite,postgres').split(',') as BenchBackend[];
  const backends = wanted.includes('postgres') && !(await serverReachable()) ? wanted.filter((b) => b !== 'postgres') : wanted;
  if (backends.length < wanted.length) console.error('PostgreSQL server not reachable: skipping it (set BENCH_DATABASE_URL).');
  const questions = args.get('--questions') ?? '300';
  const tmp = await mkdtemp(path.join(tmpdir(), 'earshot-speed-'));
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const size of sizes) {
      const file = path.join(tmp, `entries-${size}.jsonl`);
      const out = createWriteStream(file);
      for (const line of syntheticJsonl(size)) if (!out.write(line)) await once(out, 'drain');
      out.end();
      await finished(out);
      for (const backend of backends) {
        const db = await benchDatabase(backend);
        const env = {
          ...process.env,
          LOG_LEVEL: 'warn',
          ...(db.config.kind === 'postgres' ? { DATABASE_URL: db.config.url } : { EARSHOT_DATA_DIR: db.config.dataDir }),
        };
        try {
          const started = performance.now();
          await run(process.execPath, ['bin/earshot.js', 'import', file, '--workspace', WORKSPACE], { cwd: ROOT, env });
          const importSeconds = (performance.now() - started) / 1000;
          const { stdout } = await run(
            process.execPath,
            ['--import', 'tsx', 'bench/speed.ts', '--serve', '1', '--questions', questions],
            { cwd: ROOT, env, maxBuffer: 1 << 24 },
          );
          const served = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
          rows.push({
            backend,
            entries: size,
            importPerSec: Math.round(size / importSeconds),
            firstAskMs: served.firstAskMs,
            askP50Ms: served.p50Ms,
            askP95Ms: served.p95Ms,
            heardShare: served.heardShare,
            peakRssMb: served.peakRssMb,
          });
        } finally {
          await db.dispose();
        }
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const find = (backend: string, size: number) => rows.find((row) => row.backend === backend && row.entries === size);
  printReport('ask latency without a model (ms), import throughput (entries/s, whole command), peak RSS (MB)', rows, {
    benchmark: 'speed',
    results: rows,
    targets: TARGETS,
    ratios: {
      pglite10kP95: ratio(find('pglite', 10_000)?.askP95Ms, TARGETS.pglite10kP95Ms),
      pglite100kP95: ratio(find('pglite', 100_000)?.askP95Ms, TARGETS.pglite100kP95Ms),
      server100kP95: ratio(find('postgres', 100_000)?.askP95Ms, TARGETS.server100kP95Ms),
      pglite100kRss: ratio(find('pglite', 100_000)?.peakRssMb, TARGETS.rss100kMb),
    },
  });
}

/** Measured value divided by its target: below 1 meets the target. */
function ratio(value: string | number | undefined, target: number) {
  return value === undefined ? null : round(Number(value) / target, 2);
}

/** Child: one Earshot process answering questions, as a chat adapter would call it. */
async function serve(count: number) {
  const config = loadConfig(process.env);
  const earshot = await createEarshot({ config, logger: createLogger('warn'), db: await openDatabase(config.database) });
  const questions = syntheticQuestions(count + 1);
  const first = performance.now();
  await earshot.ask({ workspaceId: WORKSPACE, question: questions[0] ?? '' });
  const firstAskMs = performance.now() - first;
  const durations: number[] = [];
  let heard = 0;
  for (const question of questions.slice(1)) {
    const started = performance.now();
    const answer = await earshot.ask({ workspaceId: WORKSPACE, question });
    durations.push(performance.now() - started);
    if (answer.heard) heard += 1;
  }
  await earshot.close();
  console.log(
    JSON.stringify({
      firstAskMs: round(firstAskMs, 0),
      p50Ms: round(percentile(durations, 0.5)),
      p95Ms: round(percentile(durations, 0.95)),
      heardShare: round(heard / durations.length, 2),
      peakRssMb: peakRssMb(),
    }),
  );
}
