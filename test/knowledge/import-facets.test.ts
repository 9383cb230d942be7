import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

describe.each(DATABASE_KINDS)('importing industry, roles and demos on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let dir: string;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-facets-'));
  });
  afterEach(() => earshot.close());

  const file = async (name: string, text: string) => {
    const full = path.join(dir, name);
    await writeFile(full, text);
    return full;
  };
  const count = () => db.prisma.entry.count({ where: { workspaceId: 'acme' } });
  const byId = async () =>
    Object.fromEntries(
      (await earshot.entries.list({ workspaceId: 'acme' })).map((entry) => [entry.externalId, entry]),
    );

  it('reads industry and roles from JSON Lines, CSV and Markdown, roles in their canonical names', async () => {
    const jsonl = await file(
      'demos.jsonl',
      `${JSON.stringify({
        externalId: 'j1',
        kind: 'demo',
        title: 'Approval workflow click path',
        body: 'Open Approvals, then show the three-way match.',
        industry: 'Healthcare',
        roles: ['chief financial officer', 'AP manager', 'CFO'],
        stage: 'evaluate',
      })}\n`,
    );
    const csv = await file(
      'tips.csv',
      'externalId,kind,body,industry,roles\nc1,tip,"Lead with audit trails.",Manufacturing,CISO; it admin\nc2,tip,"No facets here.",,\n',
    );
    const markdown = await file(
      'script.md',
      '---\nexternalId: m1\nkind: demo\nindustry: financial services\nroles: VP Sales; Finance leader\n---\n# Ten-minute demo script\nStart with the dashboard.\n',
    );
    await earshot.importFiles({ workspaceId: 'acme', files: [jsonl, csv, markdown] });
    const entries = await byId();
    expect(entries.j1).toMatchObject({ kind: 'demo', industry: 'Healthcare', roles: ['CFO', 'AP manager'] });
    expect(entries.c1).toMatchObject({ industry: 'Manufacturing', roles: ['CISO', 'IT admin'] });
    expect(entries.c2).toMatchObject({ industry: null, roles: [] });
    expect(entries.m1).toMatchObject({
      kind: 'demo',
      title: 'Ten-minute demo script',
      industry: 'financial services',
      roles: ['VP Sales', 'CFO'],
    });
  });

  it('rejects an unknown role, naming the field and the accepted roles, and stores nothing', async () => {
    const good = await file(
      'good.jsonl',
      `${JSON.stringify({ kind: 'tip', body: 'fine', roles: ['CFO'] })}\n`,
    );
    const bad = await file('bad.csv', 'kind,body,roles\ntip,ok,CFO\ntip,x,CFO;Chief Happiness Officer\n');
    const failure = earshot.importFiles({ workspaceId: 'acme', files: [good, bad] });
    await expect(failure).rejects.toThrow(
      /bad\.csv line 3: field "roles": item 2 must be one of the buyer roles such as CFO, .*IT admin/,
    );
    expect(await count()).toBe(0);
  });

  it('rejects an industry that is not one short line, and a kind that does not exist, and stores nothing', async () => {
    const bad = await file(
      'bad.jsonl',
      `${JSON.stringify({ kind: 'tip', body: 'x', industry: 'health; retail' })}\n${JSON.stringify({ kind: 'video', body: 'y' })}\n`,
    );
    const failure = earshot.importFiles({ workspaceId: 'acme', files: [bad] });
    await expect(failure).rejects.toThrow(
      /line 1: field "industry": must be a short industry name such as "healthcare"/,
    );
    await expect(failure).rejects.toThrow(
      /line 2: field "kind": must be one of chatter, tip, research, expert, demo/,
    );
    expect(await count()).toBe(0);
  });
});
