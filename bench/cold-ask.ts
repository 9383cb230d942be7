/**
 * Cold ask without and with a saved search index: the first question a new process answers, then the
 * per-question p50, on PGlite and the PostgreSQL server. Entries are imported with the import core and
 * the tables analyzed (as `earshot import` does); the first process finds no saved index, builds it
 * from the database and saves it; a second process loads it; a third loads it after 500 more entries
 * were imported, and catches up on them.
 *
 *   npm run bench:cold-ask [-- --sizes 10000,100000 --backends pglite,postgres --questions 30]
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
import { syntheticJsonl } from './lib/synthetic-entries.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORKSPACE = 'bench';
const run = promisify(execFile);
// First `earshot ask` before saved indexes (issue 17), seconds, by backend and entries.
const BEFORE: Record<string, number> = {
  'pglite 10000': 2.5,
  'postgres 10000': 1.7,
  'pglite 100000': 11.5,
  'postgres 100000': 9.5,
};

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const sizes = (args.get('--sizes') ?? '10000,100000').split(',').map(Number);
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
          await analyzeTables(db);
          await db.close();
          const env = {
            ...process.env,
            LOG_LEVEL: 'warn',
            ...(database.config.kind === 'postgres'
              ? { DATABASE_URL: database.config.url }
              : { EARSHOT_DATA_DIR: database.config.dataDir }),
          };
          const ask = async () => {
            const started = performance.now();
            const { stdout } = await run(process.execPath, [...V8_FLAGS, session, questions], {
              cwd: ROOT,
              env,
              maxBuffer: 1 << 24,
            });
            const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
            return { ...result, processMs: performance.now() - started };
          };
          const built = await ask();
          const loaded = await ask();
          const more = path.join(tmp, 'more.jsonl');
          await writeFile(more, [...syntheticJsonl(size + 500)].slice(size).join(''));
          const adding = await openDatabase(database.config);
          await importEntries({ db: adding, workspaceId: WORKSPACE, files: [more] });
          await adding.close();
          const caughtUp = await ask();
          const before = BEFORE[`${backend} ${size}`];
          rows.push({
            backend,
            entries: size,
            firstAskNoSnapshotS: round(built.firstAskMs / 1000, 2),
            firstAskSnapshotS: round(loaded.firstAskMs / 1000, 2),
            firstAskSnapshotPlus500S: round(caughtUp.firstAskMs / 1000, 2),
            processNoSnapshotS: round(built.processMs / 1000, 2),
            processSnapshotS: round(loaded.processMs / 1000, 2),
            ratioToIssue: before ? round(loaded.firstAskMs / 1000 / before, 3) : '—',
            askP50Ms: loaded.p50Ms,
            peakRssNoSnapshotMb: built.peakRssMb,
            peakRssSnapshotMb: loaded.peakRssMb,
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
  printReport('cold ask (first question of a new process) without and with a saved search index', rows, {
    benchmark: 'cold-ask',
    results: rows,
  });
}
