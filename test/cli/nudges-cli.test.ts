import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

describe('accounts, triggers and references on the command line', () => {
  let dir: string;
  let dataDir: string;
  const earshot = (...args: string[]) => runCli(dataDir, [...args, '--workspace', 'T1']);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-nudges-cli-'));
    dataDir = path.join(dir, 'data');
  });

  it('imports accounts, then triggers, listing the ones no account matched', async () => {
    const accounts = await earshot('accounts', 'import', 'demo/accounts.csv');
    expect(accounts.stderr).toBe('');
    expect(accounts.stdout).toBe('Imported 5 accounts into "T1": 5 new, 0 updated.\n');

    const recent = new Date(Date.now() - 86_400_000).toISOString();
    const file = path.join(dir, 'triggers.csv');
    await writeFile(
      file,
      `type,account name,account domain,title,url,occurred at
funding,,calderlogistics.example,Calder raised a Series C,https://news.example.com/calder,${recent}
news,Northgate Shipping,,Northgate opens a hub in Rotterdam,,${recent}
`,
    );
    const triggers = await earshot('triggers', 'import', file);
    expect(triggers.code).toBe(0);
    expect(triggers.stdout).toMatch(
      /^Stored 2 trigger events in "T1" \(0 already known\): 1 matched an account, 1 unmatched; 1 alerts queued/,
    );
    expect(triggers.stdout).toContain('unmatched: Northgate opens a hub in Rotterdam (Northgate Shipping)');

    const unmatched = await earshot('triggers', 'list', '--unmatched');
    expect(unmatched.stdout).toMatch(
      /news {7}UNMATCHED Northgate Shipping — Northgate opens a hub in Rotterdam/,
    );
    const all = await earshot('triggers', 'list');
    expect(all.stdout).toMatch(
      /funding {4}Calder Logistics — Calder raised a Series C {2}\(grace\.ahn@tillwright\.example: pending\)/,
    );
  }, 120_000);

  it('refuses a bad trigger file with the line and field, storing nothing', async () => {
    const before = await earshot('triggers', 'list');
    const file = path.join(dir, 'bad.jsonl');
    await writeFile(
      file,
      '{"type": "ipo", "account": {"name": "Acme"}, "title": "Acme IPO", "occurredAt": "2026-11-20"}\n',
    );
    const result = await earshot('triggers', 'import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /bad\.jsonl.*line 1.*type.*must be one of funding, exec_hire, job_change, expansion, news/s,
    );
    expect((await earshot('triggers', 'list')).stdout).toBe(before.stdout);
  }, 60_000);

  it('imports references and lists availability and usage, available first, as text or JSON', async () => {
    const imported = await earshot('references', 'import', 'demo/references.csv');
    expect(imported.stdout).toBe('Imported 4 references into "T1": 4 new, 0 updated.\n');
    const listed = await earshot('references', 'list', 'healthcare');
    expect(listed.stdout.split('\n').filter(Boolean)).toEqual([
      'AVAILABLE   Harlow Regional Health (Healthcare) used 0/3 in 90 days',
      'unavailable Ridgeway Surgical Partners (Healthcare) used 0/2 in 90 days — paused: open P1 ticket on the NetSuite sync',
    ]);
    const json = await earshot('references', 'list', '--json');
    const rows = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(4);
    expect(rows.at(-1)).toMatchObject({
      account: 'Ridgeway Surgical Partners',
      available: false,
      usedIn90Days: 0,
    });
    const none = await earshot('references', 'list', 'aerospace');
    expect(none.stdout).toBe('No references match "aerospace".\n');
  }, 60_000);
});
