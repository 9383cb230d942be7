import { readFile } from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../src/console/import/import-limits.ts';
import { launchChromium, seriousViolations } from '../helpers/browser.ts';
import {
  addSlackPerson,
  type ConsoleServer,
  signInWith,
  startConsoleServer,
} from '../helpers/console-server.ts';
import { seedEntry } from '../helpers/seed.ts';

const CURATOR = 'cara@acme.test';
const MEMBER = 'mo@acme.test';

describe('the console: import with a validation preview, and export that imports back unchanged', () => {
  let browser: Browser;
  let server: ConsoleServer;
  let page: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startConsoleServer()]);
    await server.earshot.curators.add('acme', { kind: 'email', id: CURATOR });
    await addSlackPerson(server.earshot, 'U0MEMBER', MEMBER);
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signInWith(page, await server.signInUrl(CURATOR));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const entryCount = () => server.db.prisma.entry.count({ where: { workspaceId: 'acme' } });
  const upload = async (name: string, text: string | Buffer) => {
    await page.goto(`${server.origin}/console/import`);
    await page.getByLabel('Import file').setInputFiles({
      name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.isBuffer(text) ? text : Buffer.from(text),
    });
    await page.getByRole('button', { name: 'Check file' }).click();
  };
  const problemRows = () =>
    page
      .getByRole('table', { name: /Problems in/ })
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));

  it('lists every problem of a bad file by line and field, and stores nothing', async () => {
    const before = await entryCount();
    await upload(
      'field-notes.jsonl',
      [
        JSON.stringify({ kind: 'tip', body: 'Lead with the security review.' }),
        JSON.stringify({ kind: 'rumour', body: 'Globex is unhappy.' }),
        JSON.stringify({ kind: 'chatter', stage: 'later' }),
        '{"kind": "tip", "body": ',
      ].join('\n'),
    );
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'field-notes.jsonl has 4 problems. Nothing was stored',
    );
    const rows = await problemRows();
    expect(rows.map(([line, field]) => [line, field])).toEqual([
      ['2', 'kind'],
      ['3', 'body'],
      ['3', 'stage'],
      ['4', ''],
    ]);
    expect(rows[0]?.[2]).toContain('must be one of chatter, tip');
    expect(rows[1]?.[2]).toBe('is required');
    expect(rows[3]?.[2]).toContain('not valid JSON');
    expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // A CSV's problems name the column as written in the header.
    await upload(
      'wins.csv',
      'Kind,Title,Body,Stage\ntip,Pricing,Offer annual billing,decide\nchatter,,,soon\n',
    );
    expect((await problemRows()).map(([line, field]) => [line, field])).toEqual([
      ['3', 'Body'],
      ['3', 'Stage'],
    ]);
    expect(await entryCount()).toBe(before);
  });

  it('previews a good file, stores it only on confirmation, and logs the import', async () => {
    const before = await entryCount();
    await upload(
      'battlecard.md',
      '---\nkind: tip\ntopics: pricing; competition\nexternalId: battlecard-1\n---\n# Beating Initech on price\n\nShow the three-year cost.\n',
    );
    await expect(page.locator('main').textContent()).resolves.toContain(
      '1 entry without problems: 1 new, 0 update',
    );
    const preview = await page
      .getByRole('table', { name: 'Ready to import battlecard.md' })
      .locator('tbody td')
      .allTextContents();
    expect(preview).toEqual(['Beating Initech on price', 'Tip', 'pricing, competition', 'battlecard-1']);
    expect(await entryCount()).toBe(before);

    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const uploadId = await page.locator('input[name="upload"]').inputValue();
    await page.getByRole('button', { name: 'Import 1 entry' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Imported battlecard.md: 1 added, 0 updated.',
    );
    const stored = await server.db.prisma.entry.findFirst({ where: { externalId: 'battlecard-1' } });
    expect(stored).toMatchObject({ title: 'Beating Initech on price', topics: ['pricing', 'competition'] });
    // The confirmation is spent: posting it again imports nothing more.
    const again = await page.request.post(`${server.origin}/console/import/confirm`, {
      form: { _csrf: token, upload: uploadId },
    });
    expect(again.status()).toBe(410);
    await expect(again.text()).resolves.toContain('upload the file again');
    expect(await entryCount()).toBe(before + 1);

    await page.getByRole('link', { name: 'Audit log' }).click();
    const first = await page.locator('main tbody tr').first().locator('td').allTextContents();
    expect(first.slice(1)).toEqual([CURATOR, 'Imported', 'battlecard.md: 1 added, 0 updated']);
  });

  it('refuses a file over the size limit with a page that says so, storing nothing', async () => {
    const before = await entryCount();
    const line = `${JSON.stringify({ kind: 'chatter', body: 'x'.repeat(1000) })}\n`;
    await upload(
      'huge.jsonl',
      Buffer.from(line.repeat(Math.ceil((MAX_UPLOAD_BYTES + 100_000) / line.length))),
    );
    await expect(page.locator('h1').textContent()).resolves.toBe('File too large');
    await expect(page.locator('main').textContent()).resolves.toContain('files of up to 5 MB');
    expect(await entryCount()).toBe(before);
  });

  it('exports what the filter shows as JSONL that imports back to the same entries, field by field', async () => {
    await seedEntry(server.db, {
      kind: 'tip',
      title: 'Quote the SOC 2 report',
      body: 'Security teams at hospitals ask for it first.',
      topics: ['security', 'compliance'],
      stage: 'decide',
      industry: 'Healthcare',
      roles: ['CISO'],
      url: 'https://wiki.acme.test/soc2',
      author: 'Priya',
      account: 'Mercy Health',
      channel: '#deals',
      contributor: 'U0PRIYA',
      reviewBy: new Date('2027-03-01T00:00:00.000Z'),
      createdAt: new Date('2026-10-02T09:30:15.123Z'),
    });
    await seedEntry(server.db, { kind: 'chatter', title: 'Globex wants SSO', externalId: 'slack:C1:123.4' });
    await seedEntry(server.db, { kind: 'tip', title: 'Open with the ROI calculator', externalId: 'tips-7' });
    await seedEntry(server.db, { kind: 'tip', title: 'Waiting tip', status: 'pending' });
    await seedEntry(server.db, { kind: 'tip', title: 'Private tip', audience: 'slack:G0SECRET' });

    await page.goto(`${server.origin}/console`);
    await page.getByLabel('Kind').selectOption('tip');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSONL' }).click(),
    ]);
    const text = await readFile((await download.path()) as string, 'utf8');
    const exported = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { title: string });
    // Published, public tips only: what the knowledge page's filter shows.
    const shown = await server.db.prisma.entry.findMany({
      where: { workspaceId: 'acme', kind: 'tip', status: 'published', audience: null },
    });
    expect(exported.map((entry) => entry.title).sort()).toEqual(shown.map((entry) => entry.title).sort());
    expect(exported.map((entry) => entry.title)).toContain('Quote the SOC 2 report');
    expect(exported.map((entry) => entry.title)).toContain('Open with the ROI calculator');

    const snapshot = async () =>
      (await server.db.prisma.entry.findMany({ where: { workspaceId: 'acme' }, orderBy: { id: 'asc' } })).map(
        // When and in which order rows were last written is bookkeeping (the search index follows it), not content.
        ({ updatedAt: _updatedAt, changeSeq: _changeSeq, ...entry }) => entry,
      );
    const before = await snapshot();
    await upload(download.suggestedFilename(), text);
    const n = exported.length;
    await expect(page.locator('main').textContent()).resolves.toContain(
      `${n} entries without problems: 0 new, ${n} update`,
    );
    await page.getByRole('button', { name: `Import ${n} entries` }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(`: 0 added, ${n} updated.`);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['Export CSV', '.csv'],
    ['Export Markdown (zip)', '.zip'],
  ])('exports with %s a file that imports back changing nothing', async (button, extension) => {
    await seedEntry(server.db, {
      kind: 'tip',
      title: 'yes: "quote" the ROI, then #1 - always',
      body: 'First line, with a comma.\n\n---\n- a list item\n"Quoted", and a ; semicolon\n  indented line',
      topics: ['pricing', 'roi calculator'],
      stage: 'evaluate',
      industry: 'Manufacturing',
      roles: ['CFO', 'Controller'],
      url: 'https://wiki.acme.test/roi?x=1&y=2',
      author: 'Dana, the SE',
      account: 'Initech: EMEA',
      channel: '#deals',
      contributor: 'U0DANA',
      reviewBy: new Date('2027-01-15T00:00:00.000Z'),
      createdAt: new Date('2026-09-01T12:00:00.500Z'),
    });
    await seedEntry(server.db, {
      kind: 'research',
      title: 'null',
      body: 'true',
      externalId: extension === '.csv' ? '0042' : '0043',
    });
    // Text a spreadsheet would run as a formula, and text that already starts with the guard's apostrophe.
    await seedEntry(server.db, {
      kind: 'chatter',
      title: '=HYPERLINK("https://evil.test","click")',
      body: '-20% off was asked for\n@here heads up',
      author: "'=not a formula",
      externalId: extension === '.csv' ? 'formula-csv' : 'formula-md',
    });
    const snapshot = async () =>
      (await server.db.prisma.entry.findMany({ where: { workspaceId: 'acme' }, orderBy: { id: 'asc' } })).map(
        ({ updatedAt: _updatedAt, changeSeq: _changeSeq, ...entry }) => entry,
      );

    await page.goto(`${server.origin}/console`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    expect(download.suggestedFilename().endsWith(extension)).toBe(true);
    const file = await readFile((await download.path()) as string);
    if (extension === '.csv') {
      // Opened in a spreadsheet, the cell is text, not a formula.
      expect(file.toString()).toContain(`"'=HYPERLINK(""https://evil.test""`);
      expect(file.toString()).toContain(`"'-20% off`);
    }
    const before = await snapshot();
    const n = await server.db.prisma.entry.count({
      where: { workspaceId: 'acme', status: 'published', audience: null },
    });

    await upload(download.suggestedFilename(), file);
    await expect(page.locator('main').textContent()).resolves.toContain(
      `${n} entries without problems: 0 new, ${n} update`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Import ${n} entries` }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(`: 0 added, ${n} updated.`);
    expect(await snapshot()).toEqual(before);
  });

  it('names the file inside a zip that has a problem, and stores nothing', async () => {
    const before = await entryCount();
    const zip = zipSync({
      'good.md': strToU8('---\nkind: tip\ntitle: Fine\n---\nA fine tip.\n'),
      'notes/bad.md': strToU8('---\nkind: rumour\n---\nGlobex is unhappy.\n'),
    });
    await upload('knowledge.zip', Buffer.from(zip));
    const rows = await problemRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[2]).toContain('notes/bad.md: ');
    expect(rows[0]?.[1]).toBe('kind');
    expect(await entryCount()).toBe(before);
  });

  it('lets no member import or export, even by posting the forms directly', async () => {
    const member = await (await browser.newContext()).newPage();
    await signInWith(member, await server.signInUrl(MEMBER));
    expect(await member.getByRole('link', { name: 'Import' }).count()).toBe(0);
    expect(await member.getByRole('button', { name: 'Export JSONL' }).count()).toBe(0);
    const token = await member.locator('input[name="_csrf"]').first().inputValue();
    const exported = await member.request.post(`${server.origin}/console/export`, { form: { _csrf: token } });
    expect(exported.status()).toBe(403);
    const before = await entryCount();
    const imported = await member.request.post(`${server.origin}/console/import`, {
      multipart: {
        _csrf: token,
        file: { name: 'a.jsonl', mimeType: 'text/plain', buffer: Buffer.from('{"kind":"tip","body":"x"}\n') },
      },
    });
    expect(imported.status()).toBe(403);
    expect(await entryCount()).toBe(before);
    await member.close();
  });
});
