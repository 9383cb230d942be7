import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';
import { launchChromium, seriousViolations } from '../helpers/browser.ts';
import { type ConsoleServer, signInWith, startConsoleServer } from '../helpers/console-server.ts';
import { DAY_MS } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';

const CURATOR = 'cara@acme.test';
const REP = 'rick@acme.test';
const NOW = new Date('2026-11-26T12:00:00.000Z'); // a Thursday; its week starts Monday 2026-11-23

describe('the console: an entry’s page', () => {
  let browser: Browser;
  let server: ConsoleServer;
  let page: Page;
  let entryId: number;

  const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
  const ask = (text: string, days: number, more: { sourceIds: number[]; audience?: string; org?: string }) =>
    server.db.prisma.question.create({
      data: {
        workspaceId: more.org ?? 'acme',
        text,
        answered: true,
        audience: more.audience ?? null,
        sourceIds: more.sourceIds,
        createdAt: daysAgo(days),
      },
    });
  const vote = (questionId: number, userId: string, helpful: boolean, days: number) =>
    server.db.prisma.questionFeedback.create({
      data: { questionId, userId, helpful, createdAt: daysAgo(days) },
    });
  const tableRows = (target: Page, name: string | RegExp, cells = 'th, td') =>
    target
      .getByRole('table', { name })
      .locator('tbody tr')
      .evaluateAll(
        (rows, selector) =>
          rows.map((row) =>
            [...row.querySelectorAll(selector)].map((cell) => (cell.textContent ?? '').trim()),
          ),
        cells,
      );
  const facts = (target: Page, heading: string) =>
    target
      .locator(`h2:text-is("${heading}") + dl`)
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll('dt')].map((dt) => [
            dt.textContent,
            dt.nextElementSibling?.textContent ?? '',
          ]),
        ),
      );

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startConsoleServer()]);
    server.clock.set(NOW);
    await server.earshot.curators.add('acme', { kind: 'email', id: CURATOR });
    await server.earshot.people.save({
      platform: 'slack',
      workspaceId: 'acme',
      userId: 'U0REP',
      email: REP,
      timeZone: null,
    });
    const entry = await seedEntry(server.db, {
      kind: 'chatter',
      title: 'Globex CISO insists on Okta SSO',
      body: 'Their CISO said SSO through Okta is a must.\nNo SAML, no deal.',
      externalId: 'slack:C0DEALS:1764000000.000100',
      url: 'https://acme.slack.com/archives/C0DEALS/p1764000000000100',
      channel: 'deals-globex',
      author: 'Priya Patel',
      contributor: 'U0PRIYA',
      account: 'Globex',
      topics: ['sso', 'security'],
      stage: 'decide',
      industry: 'Manufacturing',
      roles: ['CISO'],
      reviewBy: daysAgo(2),
      createdAt: daysAgo(40),
    });
    entryId = entry.id;
    const other = await seedEntry(server.db, { title: 'Pricing story' });

    // This week: 3 answers cited it; the week of 2026-11-09: 2; 120 days ago (before the chart): 1.
    const sso = await ask('How do buyers feel about SSO?', 0, { sourceIds: [other.id, entryId] });
    await ask('What does Globex need for SSO?', 1, { sourceIds: [entryId] });
    await ask('Any Okta objections?', 2, { sourceIds: [entryId, other.id] });
    await ask('SSO at Globex?', 14, { sourceIds: [entryId] });
    const secret = await ask('Is Globex about to churn?', 15, {
      sourceIds: [entryId],
      audience: 'slack:G0DEAL',
    });
    await ask('Old SSO question', 120, { sourceIds: [entryId] });
    // Neither counts: another entry's citation, and another organization's question naming the same id.
    await ask('Pricing?', 1, { sourceIds: [other.id] });
    await ensureWorkspace(server.db, 'globex');
    await ask('Globex elsewhere', 1, { sourceIds: [entryId], org: 'globex' });

    await vote(sso.id, 'U1', true, 0);
    await vote(sso.id, 'U2', true, 0);
    await vote(sso.id, 'U3', false, 0);
    await vote(secret.id, 'U1', false, 5);

    page = await (await browser.newContext()).newPage();
    await signInWith(page, await server.signInUrl(CURATOR));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is opened from the knowledge list and shows the entry, its details and where it came from', async () => {
    await page.goto(`${server.origin}/console`);
    await page.getByRole('link', { name: 'Globex CISO insists on Okta SSO' }).click();
    expect(new URL(page.url()).pathname).toBe(`/console/entries/${entryId}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Globex CISO insists on Okta SSO',
    );
    await expect(page.locator('.entry-text').textContent()).resolves.toBe(
      'Their CISO said SSO through Okta is a must.\nNo SAML, no deal.',
    );
    expect(await facts(page, 'Details')).toMatchObject({
      Kind: 'Field chatter',
      Added: '2026-10-17 12:00 UTC',
      Topics: 'sso, security',
      'Buying stage': 'decide',
      Industry: 'Manufacturing',
      'Buyer roles': 'CISO',
      Account: 'Globex',
      Author: 'Priya Patel',
      'Credited to': 'U0PRIYA',
      'Review by': '2026-11-24 due for review',
    });
    expect(await facts(page, 'Sources')).toEqual({
      Origin: 'Captured from a Slack message',
      Conversation: 'deals-globex',
      Link: 'https://acme.slack.com/archives/C0DEALS/p1764000000000100',
      'Message id': 'slack:C0DEALS:1764000000.000100',
    });
    await expect(
      page
        .getByRole('link', { name: 'https://acme.slack.com/archives/C0DEALS/p1764000000000100' })
        .getAttribute('href'),
    ).resolves.toBe('https://acme.slack.com/archives/C0DEALS/p1764000000000100');
    // Curators may change it from here.
    expect(await page.getByRole('link', { name: /^Edit/ }).getAttribute('href')).toBe(
      `/console/entries/${entryId}/edit`,
    );
    expect(await page.getByRole('link', { name: 'Merge into a duplicate' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('charts how many answers cited it each week, with the total and the last time', async () => {
    await page.goto(`${server.origin}/console/entries/${entryId}`);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Cited in 6 answers in all, last on 2026-11-26. 5 in the last 12 weeks.');
    const chart = page.getByRole('img', { name: /Answers citing this entry per week/ });
    expect(await chart.count()).toBe(1);
    const weeks = await tableRows(page, /Answers citing this entry per week/);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toEqual(['2026-09-07', '0']);
    expect(weeks.filter(([, count]) => count !== '0')).toEqual([
      ['2026-11-09', '2'],
      ['2026-11-23', '3'],
    ]);
    // The tallest bar is this week's; empty weeks draw none.
    const heights = await chart
      .locator('rect[fill="#0b4f8a"]')
      .evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('height'))));
    expect(heights.at(-1)).toBe(Math.max(...heights));
    expect(heights.filter((height) => height > 0)).toHaveLength(2);
  });

  it('lists the votes on answers that cited it, with the questions (private ones without their words)', async () => {
    await page.goto(`${server.origin}/console/entries/${entryId}`);
    expect(await page.locator('main').textContent()).toContain(
      '2 helpful, 2 not helpful, on answers citing this entry.',
    );
    expect(await tableRows(page, /Votes on answers citing this entry/, 'td')).toEqual([
      ['How do buyers feel about SSO?', '2026-11-26', '2', '1'],
      ['Asked in a private conversation', '2026-11-11', '0', '1'],
    ]);
    expect(await page.locator('main').textContent()).not.toContain('churn');
  });

  it('shows members the same page without Edit or Merge, and keeps edit for curators', async () => {
    const member = await (await browser.newContext()).newPage();
    await signInWith(member, await server.signInUrl(REP));
    const shown = await member.goto(`${server.origin}/console/entries/${entryId}`);
    expect(shown?.status()).toBe(200);
    await expect(member.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Globex CISO insists on Okta SSO',
    );
    expect(await member.getByRole('heading', { name: 'Feedback' }).count()).toBe(1);
    expect(await member.getByRole('link', { name: /^Edit/ }).count()).toBe(0);
    expect(await member.getByRole('link', { name: /Merge/ }).count()).toBe(0);
    expect((await member.goto(`${server.origin}/console/entries/${entryId}/edit`))?.status()).toBe(403);
    // What waits for review is the curators' to read.
    const waiting = await seedEntry(server.db, { title: 'Unreviewed rumour', status: 'pending' });
    expect((await member.goto(`${server.origin}/console/entries/${waiting.id}`))?.status()).toBe(404);
    expect(await member.locator('main').textContent()).not.toContain('Unreviewed rumour');
    expect((await page.goto(`${server.origin}/console/entries/${waiting.id}`))?.status()).toBe(200);
    expect(await seriousViolations(member)).toEqual([]);
  });

  it('answers 404 for another organization’s entry and for ids that name nothing', async () => {
    const elsewhere = await seedEntry(server.db, { workspaceId: 'globex', title: 'Globex internal plan' });
    for (const id of [String(elsewhere.id), '999999', 'abc']) {
      const response = await page.goto(`${server.origin}/console/entries/${id}`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('main').textContent()).not.toContain('Globex internal plan');
    }
  });
});
