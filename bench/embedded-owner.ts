/**
 * The embedded database's one owner under a command-line import: `earshot serve` runs on a PGlite data
 * dir and `earshot import` of N entries goes through it. Measures
 *   - the import command's time through the server, and on the same data dir with no server running;
 *   - how long the server's own database work waits meanwhile: a POST /hooks/triggers (which writes
 *     through the server's PGlite) every 100 ms, before and during the import (p50/p95/max).
 *
 *   npm run bench:owner [-- --sizes 5000,50000]
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { runCli } from '../test/helpers/run-cli.ts';
import { startServeProcess } from '../test/helpers/serve-process.ts';
import { percentile, printReport, round } from './lib/report.ts';
import { syntheticJsonl } from './lib/synthetic-entries.ts';

const TOKEN = 'bench-owner-webhook-token-0123456789';
const sizesArg = process.argv.indexOf('--sizes');
const SIZES = (sizesArg > 0 ? (process.argv[sizesArg + 1] ?? '') : '5000,50000').split(',').map(Number);

async function writeJsonl(file: string, count: number) {
  const out = createWriteStream(file);
  for (const line of syntheticJsonl(count)) {
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
}

/** POSTs one trigger event every 100 ms until `until` settles; returns each request's milliseconds. */
async function probeWrites(origin: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const times: number[] = [];
  for (let i = 0; !done; i++) {
    const started = performance.now();
    const response = await fetch(`${origin}/hooks/triggers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        workspace: 'local',
        events: [
          {
            type: 'news',
            account: { name: `Probe ${i}` },
            title: `probe ${i}`,
            occurredAt: new Date().toISOString(),
          },
        ],
      }),
    });
    await response.text();
    if (response.status >= 300) throw new Error(`webhook answered ${response.status}`);
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return times;
}

const stats = (times: number[]) => ({
  n: times.length,
  p50: round(percentile(times, 0.5)),
  p95: round(percentile(times, 0.95)),
  max: round(Math.max(...times)),
});

const rows: Array<Record<string, string | number>> = [];
for (const size of SIZES) {
  const dir = await mkdtemp(path.join(tmpdir(), 'earshot-bench-owner-'));
  try {
    const file = path.join(dir, 'entries.jsonl');
    await writeJsonl(file, size);
    const dataDir = path.join(dir, 'data');
    const server = await startServeProcess(
      { EARSHOT_WEBHOOK_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
      { dataDir, startTimeoutMs: 180_000 },
    );
    try {
      const idle = await probeWrites(server.origin, new Promise((r) => setTimeout(r, 3_000)));
      const started = performance.now();
      const importing = runCli(dataDir, ['import', file]);
      const during = await probeWrites(server.origin, importing);
      const outcome = await importing;
      if (outcome.code !== 0) throw new Error(`import failed: ${outcome.stderr}`);
      const throughServer = (performance.now() - started) / 1000;
      await server.stop();
      // The same import again (all updates) with no server: the command opens the data dir itself.
      const aloneStarted = performance.now();
      const alone = await runCli(dataDir, ['import', file]);
      if (alone.code !== 0) throw new Error(`import failed: ${alone.stderr}`);
      const withoutServer = (performance.now() - aloneStarted) / 1000;
      const idleStats = stats(idle);
      const duringStats = stats(during);
      rows.push({
        entries: size,
        'import via serve s': round(throughServer),
        'import alone s': round(withoutServer),
        'server write idle p50/p95 ms': `${idleStats.p50}/${idleStats.p95}`,
        'during import p50/p95/max ms': `${duringStats.p50}/${duringStats.p95}/${duringStats.max}`,
        'probes during': duringStats.n,
      });
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

printReport('embedded database: CLI import through `earshot serve`', rows, { owner: rows });
