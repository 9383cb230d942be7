/**
 * Cold ask with and without planner statistics: the first question a new process answers (it builds
 * the workspace's search index from the database), then the per-question p50, at 100k and 300k
 * entries, on PGlite and the PostgreSQL server. Entries are written by the import core directly, which
 * leaves the database as Earshot did before it ran `ANALYZE` after large imports; then the tables are
 * analyzed and a new process asks again.
 *
 *   npm run bench:cold-ask [-- --sizes 100000,300000 --backends pglite,postgres --questions 30]
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { V8_FLAGS } from '../bin/v8-flags.js';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { analyzeTables } from '../src/db/planner-statistics.ts';
import { importEntries } from '../src/knowledge/import/import-entries.ts';
import { buildAskSession, writeSyntheticEntries } from './lib/ask-session-bundle.ts';
import { type BenchBackend, benchDatabase, reachableBackends } from './lib/bench-database.ts';
import { printReport, round } from './lib/report.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORKSPACE = 'bench';
const run = promisify(execFile);

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const sizes = (args.get('--sizes') ?? '100000,300000').split(',').map(Number);
const wanted = (args.get('--backends') ?? 'pglite,postgres').split(',') as BenchBackend[];
const questions = args.get('--questions') ?? '30';

await main();

async function main() {
  const backends = await reachableBackends(wanted);
  const tmp = await mkdtemp(path.join(tmpdir(), 'earshot-cold-ask-'));
  const session = await buildAskSession(ROOT);
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const size of sizes) {
      const file = path.join(tmp, `entries-${size}.jsonl`);
      await writeSyntheticEntries(file, size);
      for (const backend of backends) {
        const database = await benchDatabase(backend);
        try {
          const db = await openDatabase(database.config);
          await migrate(db);
          await importEntries({ db, workspaceId: WORKSPACE, files: [file] });
          await db.close();
          const env = {
            ...process.env,
            LOG_LEVEL: 'warn',
            ...(database.config.kind === 'postgres'
              ? { DATABASE_URL: database.config.url }
              : { EARSHOT_DATA_DIR: database.config.dataDir }),
          };
          const ask = async () => {
            const { stdout } = await run(process.execPath, [...V8_FLAGS, session, questions], {
              cwd: ROOT,
              env,
              maxBuffer: 1 << 24,
            });
            return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
          };
          const without = await ask();
          const analyzing = await openDatabase(database.config);
          const started = performance.now();
          await analyzeTables(analyzing);
          const analyzeSeconds = (performance.now() - started) / 1000;
          await analyzing.close();
          const withStats = await ask();
          rows.push({
            backend,
            entries: size,
            coldAskNoStatsS: round(without.firstAskMs / 1000),
            coldAskStatsS: round(withStats.firstAskMs / 1000),
            ratio: round(withStats.firstAskMs / without.firstAskMs, 2),
            askP50NoStatsMs: without.p50Ms,
            askP50StatsMs: withStats.p50Ms,
            analyzeS: round(analyzeSeconds, 2),
          });
          console.error(JSON.stringify(rows.at(-1)));
        } finally {
          await database.dispose();
        }
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  printReport('cold ask (first question of a new process) without and with planner statistics', rows, {
    benchmark: 'cold-ask',
    results: rows,
  });
}
