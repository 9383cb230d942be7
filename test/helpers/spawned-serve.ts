import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { vi } from 'vitest';
import { freePort } from './serve-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface SpawnedServe {
  port: number;
  child: ChildProcess;
  /** What the process wrote to stderr so far (its logs). */
  stderr(): string;
  /** SIGKILL, as a crash; resolves once it has exited. */
  kill(): Promise<void>;
}

/**
 * `earshot serve` in a child process with only the given environment (plus PATH and HOME) on a free
 * port; resolves once `/healthz` answers. Callers must `kill()` it.
 */
export async function spawnServe(env: Record<string, string>, timeoutMs = 60_000): Promise<SpawnedServe> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/earshot.js'), 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      EARSHOT_ENV_FILE: 'none',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawned: SpawnedServe = {
    port,
    child,
    stderr: () => stderr,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  try {
    await vi.waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`earshot serve exited (${child.exitCode}): ${stderr}`);
        const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
        if (health?.status !== 200) throw new Error(`no /healthz yet; stderr so far: ${stderr}`);
      },
      { timeout: timeoutMs, interval: 250 },
    );
  } catch (error) {
    await spawned.kill();
    throw error;
  }
  return spawned;
}
