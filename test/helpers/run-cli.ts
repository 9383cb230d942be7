import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/earshot.js');
const run = promisify(execFile);

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command line in a child process with its own embedded database. */
export function runCli(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
  /** Runs the command as another user (the test runs as root), e.g. to whom a directory is read-only. */
  user: { uid?: number; gid?: number } = {},
  /** Kills a command that runs longer (a server that should have exited), failing the test. */
  timeoutMs = 0,
): Promise<CliOutcome> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(OPENAI_|DATABASE_URL)/.test(key)),
  );
  return run(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    // No .env of the developer's: each test says what it configures.
    env: { ...clean, EARSHOT_DATA_DIR: dataDir, LOG_LEVEL: 'warn', EARSHOT_ENV_FILE: 'none', ...env },
    maxBuffer: 10 * 1024 * 1024,
    timeout: timeoutMs,
    ...user,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}
