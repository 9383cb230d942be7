import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

it('lists the accounts of an organization named as they were imported into it', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'earshot-accounts-cli-'));
  const dataDir = path.join(dir, 'data');
  const accounts = path.join(dir, 'accounts.csv');
  await writeFile(
    accounts,
    'name,domain,industry,owner email\nGlobex,globex.example,Healthcare,rep@acme.test\n',
  );
  expect((await runCli(dataDir, ['org', 'create', 'Acme Corp'])).code).toBe(0);
  const imported = await runCli(dataDir, ['accounts', 'import', accounts, '-w', 'Acme Corp']);
  expect(imported.stdout).toBe('Imported 1 accounts into "acme-corp": 1 new, 0 updated.\n');
  const listed = await runCli(dataDir, ['accounts', 'list', '-w', 'Acme Corp']);
  expect(listed.stdout).toContain('Globex (globex.example) Healthcare — owner rep@acme.test');
}, 120_000);
