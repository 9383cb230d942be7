import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const DEMO = path.resolve(import.meta.dirname, '../../demo');

describe.each(DATABASE_KINDS)('importing entries on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let dir: string;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-import-'));
  });
  afterEach(() => earshot.close());

  const file = async (name: string, text: string) => {
    const full = path.join(dir, name);
    await writeFile(full, text);
    return full;
  };
  const count = () => db.prisma.entry.count({ where: { workspaceId: 'acme' } });

  it('imports JSON Lines, CSV and Markdown into one workspace, published by default', async () => {
    const result = await earshot.importFiles({
      workspaceId: 'acme',
      files: [
        path.join(DEMO, 'field-chatter.jsonl'),
        path.join(DEMO, 'research.csv'),
        path.join(DEMO, 'expert/01-soc2-type-ii.md'),
      ],
    });
    expect(result.inserted).toBe(await count());
    const research = await earshot.entries.list({ workspaceId: 'acme', kind: 'research' });
    expect(research.length).toBeGreaterThan(0);
    expect(research.every((entry) => entry.status === 'published' && entry.topics.length > 0)).toBe(true);
    const [expert] = await earshot.entries.list({ workspaceId: 'acme', kind: 'expert' });
    expect(expert?.sourceUrl).toMatch(/^https:\/\//);
    expect(await db.prisma.entry.count({ where: { workspaceId: 'other' } })).toBe(0);
  });

  it('updates an entry when the same externalId is imported again, never duplicating it', async () => {
    const first = await file(
      'a.jsonl',
      `${JSON.stringify({ externalId: 'x-1', kind: 'tip', body: 'Lead with the ROI calculator.', topics: ['roi'], createdAt: '2026-10-01' })}\n`,
    );
    await earshot.importFiles({ workspaceId: 'acme', files: [first] });
    const [entry] = await earshot.entries.list({ workspaceId: 'acme' });
    await earshot.entries.setStatus('acme', entry?.id ?? 0, 'archived');

    const second = await file(
      'b.csv',
      'externalId,kind,body,topics\nx-1,tip,"Lead with the ROI calculator, then the case study.",roi;case-study\n',
    );
    const result = await earshot.importFiles({ workspaceId: 'acme', files: [second] });

    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    const [updated] = await earshot.entries.list({ workspaceId: 'acme' });
    expect(await count()).toBe(1);
    expect(updated).toMatchObject({
      id: entry?.id,
      body: 'Lead with the ROI calculator, then the case study.',
      topics: ['roi', 'case-study'],
      // A curator's decision and the original date survive a re-import that does not set them.
      status: 'archived',
      createdAt: new Date('2026-10-01T00:00:00Z'),
    });
  });

  it('rejects a bad file whole, naming file, line and field, and stores nothing from any file', async () => {
    const good = await file('good.jsonl', `${JSON.stringify({ kind: 'tip', body: 'fine' })}\n`);
    const bad = await file(
      'bad.jsonl',
      `${JSON.stringify({ kind: 'tip', body: 'ok' })}\n${JSON.stringify({ kind: 'tip', body: 'x', stage: 'negotiate' })}\n`,
    );
    await expect(earshot.importFiles({ workspaceId: 'acme', files: [good, bad] })).rejects.toThrow(
      /bad\.jsonl line 2: field "stage": must be one of explore, evaluate, decide, implement \(got "negotiate"\)/,
    );
    expect(await count()).toBe(0);
  });

  it('rejects the same externalId in two files, naming both places', async () => {
    const a = await file('a.jsonl', `${JSON.stringify({ externalId: 'dup', kind: 'tip', body: 'one' })}\n`);
    const b = await file('b.jsonl', `\n${JSON.stringify({ externalId: 'dup', kind: 'tip', body: 'two' })}\n`);
    await expect(earshot.importFiles({ workspaceId: 'acme', files: [a, b] })).rejects.toThrow(
      /b\.jsonl line 2: field "externalId": "dup" was already used at .*a\.jsonl line 1/,
    );
    expect(await count()).toBe(0);
  });

  it('gives an entry without a title one from its first sentence', async () => {
    const only = await file(
      't.jsonl',
      `${JSON.stringify({ kind: 'chatter', body: 'Kessler wants SAP. They said it twice.' })}\n`,
    );
    await earshot.importFiles({ workspaceId: 'acme', files: [only] });
    const [entry] = await earshot.entries.list({ workspaceId: 'acme' });
    expect(entry?.title).toBe('Kessler wants SAP.');
  });
});
