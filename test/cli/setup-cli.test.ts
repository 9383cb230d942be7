import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SLOW = 180_000;
const tempDir = () => mkdtemp(path.join(tmpdir(), 'earshot-setup-'));

describe('setting Earshot up from the command line', () => {
  it('prints its version', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await runCli(await tempDir(), ['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it(
    'reads settings from a .env file, with the shell’s own variables winning',
    async () => {
      const dir = await tempDir();
      const fromFile = path.join(dir, 'from-env-file');
      const envFile = path.join(dir, '.env');
      await writeFile(envFile, `# Earshot settings\nEARSHOT_DATA_DIR=${fromFile}\nLOG_LEVEL=nonsense\n`);
      const entries = path.join(dir, 'tips.jsonl');
      await writeFile(entries, `${JSON.stringify({ kind: 'tip', body: 'Lead with the ROI calculator.' })}\n`);

      const imported = await runCli(path.join(dir, 'unused'), ['import', entries], {
        EARSHOT_ENV_FILE: envFile,
        EARSHOT_DATA_DIR: '',
        LOG_LEVEL: 'warn',
      });
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      // EARSHOT_DATA_DIR came from the file (the blank shell value counts as unset); LOG_LEVEL from the shell.
      const listed = await runCli(fromFile, ['entries', 'list']);
      expect(listed.stdout).toContain('Lead with the ROI calculator.');
    },
    SLOW,
  );

  it(
    'names the file, line and field of a NUL byte in an import file, and stores nothing',
    async () => {
      const dir = await tempDir();
      const file = path.join(dir, 'tips.jsonl');
      await writeFile(
        file,
        `${JSON.stringify({ kind: 'tip', body: 'Fine.' })}\n${JSON.stringify({ kind: 'tip', body: 'Bad\u0000byte' })}\n`,
      );
      const csv = path.join(dir, 'accounts.csv');
      await writeFile(csv, 'name,domain,ownerEmail\nAcme\u0000,acme.com,ana@example.com\n');
      const imported = await runCli(dir, ['import', file]);
      expect(imported.code).toBe(1);
      expect(imported.stderr).toContain(`${file} line 2: field "body": must not contain a NUL byte`);
      const accounts = await runCli(dir, ['accounts', 'import', csv]);
      expect(accounts.code).toBe(1);
      expect(accounts.stderr).toContain(`${csv} line 2: field "name": must not contain a NUL byte`);
      expect((await runCli(dir, ['entries', 'list'])).stdout).toBe('No entries.\n');
    },
    SLOW,
  );

  it(
    'stops quietly when the reader of its output goes away (| head)',
    async () => {
      const dir = await tempDir();
      const file = path.join(dir, 'tips.jsonl');
      const lines = Array.from({ length: 3000 }, (_, i) =>
        JSON.stringify({ kind: 'tip', title: `Tip ${i}`, body: `Tip number ${i} about pricing calls.` }),
      );
      await writeFile(file, `${lines.join('\n')}\n`);
      expect((await runCli(dir, ['import', file])).code).toBe(0);

      const child = spawn(process.execPath, [path.join(ROOT, 'bin/earshot.js'), 'entries', 'list'], {
        cwd: ROOT,
        env: { ...process.env, EARSHOT_DATA_DIR: dir, EARSHOT_ENV_FILE: 'none', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      // Read the first chunk, then close the pipe, as `head -1` does.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.once('exit', (exit) => resolve(exit)));
      expect(stderr).not.toContain('EPIPE');
      expect(code).toBe(0);
    },
    SLOW,
  );
});
