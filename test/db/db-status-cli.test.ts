import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/migrate.ts';
import { runCli } from '../helpers/run-cli.ts';
import { createServerDatabase, DATABASE_KINDS, dropServerDatabase } from '../helpers/test-database.ts';

describe.each(DATABASE_KINDS)('earshot db status and --verbose on %s', (kind) => {
  let dir: string;
  let serverDb: URL | undefined;
  let env: Record<string, string>;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-status-'));
    env = {};
    if (kind === 'postgres') {
      serverDb = await createServerDatabase();
      // The machine's server trusts local connections; the password is there to be hidden.
      const withPassword = new URL(serverDb);
      withPassword.password = 'status-secret-pw';
      env.DATABASE_URL = withPassword.toString();
    }
  });
  afterEach(async () => {
    if (serverDb) await dropServerDatabase(serverDb);
    serverDb = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('says where the database is, who serves it, its migrations and the entries per workspace', async () => {
    const dataDir = path.join(dir, 'data');
    const file = path.join(dir, 'tips.jsonl');
    const lines = ['Lead with the ROI calculator.', 'Bring security early.', 'Ask for the budget owner.'];
    await writeFile(file, lines.map((body) => JSON.stringify({ kind: 'tip', body })).join('\n'));
    expect((await runCli(dataDir, ['import', file, '--workspace', 'T0STATUS'], env)).code).toBe(0);
    expect((await runCli(dataDir, ['import', file], env)).code).toBe(0);

    const { code, stdout, stderr } = await runCli(dataDir, ['db', 'status'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    if (kind === 'pglite') {
      expect(stdout).toContain(`Database: embedded PGlite in ${dataDir}`);
      expect(stdout).toContain('Server: no Earshot server is running on it; this command opened it itself');
    } else {
      const url = serverDb as URL;
      expect(stdout).toContain(`Database: PostgreSQL server root@${url.host}${url.pathname}`);
      expect(stdout).not.toContain('status-secret-pw');
    }
    const migrations = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) =>
      e.isDirectory(),
    );
    expect(stdout).toContain(`Migrations: ${migrations.length} applied, latest ${migrations.at(-1)?.name}`);
    expect(stdout).toContain('  local: 3 / 0 / 0 / 3');
    expect(stdout).toContain('  slack:T0STATUS: 3 / 0 / 0 / 3');

    // Any command says where the database is with --verbose, on stderr, leaving its output alone.
    const verbose = await runCli(dataDir, ['entries', 'list', '--json', '--verbose'], env);
    expect(verbose.code).toBe(0);
    expect(verbose.stdout.trim().split('\n')).toHaveLength(3);
    expect(verbose.stderr).toContain('earshot: .env files read: none\n');
    if (kind === 'pglite') {
      expect(verbose.stderr).toContain(`earshot: database: embedded PGlite in ${dataDir}\n`);
      expect(verbose.stderr).toContain('earshot: database owner: none running');
    } else {
      const url = serverDb as URL;
      expect(verbose.stderr).toContain(
        `earshot: database: PostgreSQL server root@${url.host}${url.pathname}\n`,
      );
      expect(verbose.stderr).not.toContain('status-secret-pw');
    }
  }, 120_000);
});
