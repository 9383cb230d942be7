import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { profilingFlags } from './profiling.ts';
import { syntheticJsonl } from './synthetic-entries.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/earshot.js');
const run = promisify(execFile);

/** Imports `count` synthetic entries into a workspace of a PGlite data dir with the real `earshot import`. */
export async function importWithCli(options: {
  dataDir: string;
  workspace: string;
  count: number;
  tmp: string;
}) {
  const file = path.join(options.tmp, `serve-entries-${options.count}.jsonl`);
  const out = createWriteStream(file);
  for (const line of syntheticJsonl(options.count)) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await finished(out);
  const started = performance.now();
  await run(process.execPath, [BIN, 'import', file, '--workspace', options.workspace], {
    cwd: ROOT,
    env: { ...process.env, EARSHOT_DATA_DIR: options.dataDir, LOG_LEVEL: 'warn' },
    maxBuffer: 1 << 24,
  });
  return { seconds: (performance.now() - started) / 1000 };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/**
 * `earshot serve` in a process of its own (so the load generator never shares its event loop);
 * resolves the moment its port accepts connections.
 */
export async function startServe(options: {
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<{ child: ChildProcess; listeningAfterMs: number; stop(): Promise<void> }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...profilingFlags(), BIN, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const deadline = started + (options.timeoutMs ?? 120_000);
  while (!(await accepts(options.port))) {
    if (child.exitCode !== null) throw new Error(`earshot serve exited (${child.exitCode}): ${stderr}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`earshot serve did not listen in time: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    child,
    listeningAfterMs: performance.now() - started,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const exited = once(child, 'exit');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
