/**
 * Speed benchmark: import throughput, `ask` latency without a model, and peak RSS, at 10k and 100k
 * entries, on embedded PGlite and on the PostgreSQL server. Each import and each ask session runs in a
 * process of its own, through the real command line and composition root, so RSS is that of one
 * Earshot process serving questions.
 *
 *   npm run bench:speed [-- --sizes 10000,100000 --backends pglite,postgres --questions 300]
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { V8_FLAGS } from '../bin/v8-flags.js';
import { buildAskSession, writeSyntheticEntries } from './lib/ask-session-bundle.ts';
import { type BenchBackend, benchDatabase, reachableBackends } from './lib/bench-database.ts';
import { profilingFlags } from './lib/profiling.ts';
import { printReport, round } from './lib/report.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);
export const WORKSPACE = 'bench';
/** The flags bin/earshot.js sets, so a session measures what `earshot` runs. */
const TARGETS = {
  pglite10kP95Ms: 50,
  pglite100kP95Ms: 300,
  server100kP95Ms: 100,
  importPerSecond: 1000,
  rss100kMb: 400,
};

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');

await main();

/** Parent: prepares data, runs the children, reports. */
async function main() {
  const sizes = (args.get('--sizes') ?? '10000,100000').split(',').map(Number);
  const wanted = (args.get('--backends') ?? 'pglite,postgres').split(',') as BenchBackend[];
  const backends = await reachableBackends(wanted);
  const questions = args.get('--questions') ?? '300';
  const tmp = await mkdtemp(path.join(tmpdir(), 'earshot-speed-'));
  const session = await buildAskSession(ROOT);
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const size of sizes) {
      const file = path.join(tmp, `entries-${size}.jsonl`);
      await writeSyntheticEntries(file, size);
      for (const backend of backends) {
        const db = await benchDatabase(backend);
        const env = {
          ...process.env,
          LOG_LEVEL: 'warn',
          ...(db.config.kind === 'postgres'
            ? { DATABASE_URL: db.config.url }
            : { EARSHOT_DATA_DIR: db.config.dataDir }),
        };
        try {
          const started = performance.now();
          const imported = await run(
            process.execPath,
            ['bin/earshot.js', 'import', file, '--workspace', WORKSPACE],
            {
              cwd: ROOT,
              env,
            },
          );
          const commandSeconds = (performance.now() - started) / 1000;
          // The command reports the import alone, without process start and (on a new PGlite) initdb.
          const importSeconds = Number(imported.stdout.match(/\(([\d.]+) s\)/)?.[1] ?? commandSeconds);
          const flags = [...V8_FLAGS, ...profilingFlags()];
          const { stdout } = await run(process.execPath, [...flags, session, questions], {
            cwd: ROOT,
            env,
            maxBuffer: 1 << 24,
          });
          const served = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
          rows.push({
            backend,
            entries: size,
            importPerSec: Math.round(size / importSeconds),
            importCommandS: round(commandSeconds),
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
  const find = (backend: string, size: number) =>
    rows.find((row) => row.backend === backend && row.entries === size);
  printReport(
    'import (entries/s; whole command in s), ask without a model (ms), peak RSS of the asking process (MB)',
    rows,
    {
      benchmark: 'speed',
      results: rows,
      targets: TARGETS,
      ratios: {
        pglite10kP95: ratio(find('pglite', 10_000)?.askP95Ms, TARGETS.pglite10kP95Ms),
        pglite100kP95: ratio(find('pglite', 100_000)?.askP95Ms, TARGETS.pglite100kP95Ms),
        server100kP95: ratio(find('postgres', 100_000)?.askP95Ms, TARGETS.server100kP95Ms),
        pglite100kRss: ratio(find('pglite', 100_000)?.peakRssMb, TARGETS.rss100kMb),
      },
    },
  );
}

/** Measured value divided by its target: below 1 meets the target. */
function ratio(value: string | number | undefined, target: number) {
  return value === undefined ? null : round(Number(value) / target, 2);
}
