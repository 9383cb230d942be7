import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/earshot.js');

export interface ServeProcess {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  child: ChildProcess;
  /** The embedded database's directory. */
  dataDir: string;
  /** Everything the process wrote to stderr (its logs) so far. */
  stderr(): string;
  /** True while the process has not exited. */
  alive(): boolean;
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM (SIGKILL after 10 s); removes the data dir unless the caller gave it. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash; resolves once it has exited (the data dir is kept, as a crash leaves it). */
  kill(): Promise<void>;
}

/** A free loopback port: `PORT=0` would work, but the process never says which port it got. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The environment of a child Earshot: this one's, minus anything that would configure it by accident. */
export function cleanEnv(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(OPENAI_|DATABASE_URL|SLACK_|MICROSOFT_|EARSHOT_|NODE_ENV)/.test(key),
    ),
  );
}

/**
 * Runs the real `earshot serve` in a child process on a free port with an embedded database (in a
 * temporary directory unless `dataDir` is given, which is then kept), and waits until `/healthz` answers.
 */
export async function startServeProcess(
  env: Record<string, string>,
  options: { startTimeoutMs?: number; dataDir?: string } = {},
): Promise<ServeProcess> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'earshot-serve-')));
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: { ...cleanEnv(), EARSHOT_DATA_DIR: dataDir, PORT: String(port), EARSHOT_ENV_FILE: 'none', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = `http://127.0.0.1:${port}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (alive()) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  const kill = async () => {
    if (alive()) child.kill('SIGKILL');
    await exited;
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (!alive()) {
      await stop();
      throw new Error(`earshot serve exited at start:\n${stderr}`);
    }
    const healthy = await fetch(`${origin}/healthz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) return { origin, port, child, dataDir, stderr: () => stderr, alive, exited, stop, kill };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`earshot serve did not answer /healthz in time:\n${stderr}`);
}
