import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const earshot = runCli;

describe('facets on the command line', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'earshot-facets-cli-')), 'data');
    const imported = await earshot(dataDir, [
      'import',
      'demo/seller-tips.jsonl',
      'demo/demos.jsonl',
      '--workspace',
      'T1',
    ]);
    expect(imported.stderr).toBe('');
  }, 120_000);

  const lines = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));

  it('lists entries by kind, role and industry, and edits an entry’s industry and roles', async () => {
    const demos = lines(
      (await earshot(dataDir, ['entries', 'list', '-w', 'T1', '--kind', 'demo', '--json'])).stdout,
    );
    expect(demos).toHaveLength(3);
    const forAdmins = lines(
      (await earshot(dataDir, ['entries', 'list', '-w', 'T1', '--role', 'it administrator', '--json']))
        .stdout,
    );
    expect(forAdmins.length).toBeGreaterThan(1);
    expect(forAdmins.every((entry: { roles: string[] }) => entry.roles.includes('IT admin'))).toBe(true);
    const healthcare = lines(
      (await earshot(dataDir, ['entries', 'list', '-w', 'T1', '--industry', 'healthcare', '--json'])).stdout,
    );
    expect(healthcare.map((entry: { externalId: string }) => entry.externalId)).toEqual(['demo-demo-003']);

    const id = String(demos[0].id);
    const edited = await earshot(dataDir, [
      'entries',
      'edit',
      id,
      '-w',
      'T1',
      '--industry',
      'Manufacturing',
      '--roles',
      'chief financial officer; CISO',
      '--json',
    ]);
    expect(JSON.parse(edited.stdout)).toMatchObject({ industry: 'Manufacturing', roles: ['CFO', 'CISO'] });

    const bad = await earshot(dataDir, [
      'entries',
      'edit',
      id,
      '-w',
      'T1',
      '--roles',
      'Chief Happiness Officer',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/roles.*must be one of the buyer roles such as CFO/);
    const unchanged = await earshot(dataDir, ['entries', 'show', id, '-w', 'T1']);
    expect(JSON.parse(unchanged.stdout)).toMatchObject({ roles: ['CFO', 'CISO'] });
  }, 180_000);

  it('applies the facets a question names, says so, and ignores them with --no-facets', async () => {
    const asked = await earshot(dataDir, [
      'ask',
      'what demo should I show an IT admin evaluating us?',
      '-w',
      'T1',
      '--json',
    ]);
    expect(asked.code).toBe(0);
    const answer = JSON.parse(asked.stdout);
    expect(answer.facets).toMatchObject({ role: 'IT admin', stage: 'evaluate', demo: true });
    expect(answer.answer).toContain('Filtered to: IT admin · evaluate stage · demos first');
    expect(answer.sources[0].title).toBe('IT admin demo: SSO, SCIM and the audit log');

    const plain = JSON.parse(
      (await earshot(dataDir, ['ask', 'SSO for an IT admin', '-w', 'T1', '--json', '--no-facets'])).stdout,
    );
    expect(plain.facets).toBeNull();

    const filtered = await earshot(dataDir, [
      'ask',
      'budget freeze',
      '-w',
      'T1',
      '--role',
      'CFO',
      '--stage',
      'decide',
    ]);
    expect(filtered.stdout).toContain('cash freeze');
    const badRole = await earshot(dataDir, ['ask', 'pricing', '-w', 'T1', '--role', 'wizard']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/role.*must be one of the buyer roles/);
  }, 180_000);
});
