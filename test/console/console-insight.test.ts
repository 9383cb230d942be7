import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousViolations } from '../helpers/browser.ts';
import { type ConsoleServer, signInWith, startConsoleServer } from '../helpers/console-server.ts';
import { DAY_MS } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';

const CURATOR = 'cara@acme.test';
const NOW = new Date('2026-11-26T12:00:00.000Z'); // a Thursday

describe('the console insight page: gaps, feedback, activity, leaderboard, most cited', () => {
  let browser: Browser;
  let server: ConsoleServer;
  let page: Page;
  let cited: { most: number; once: number };

  const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
  const ask = (
    text: string,
    days: number,
    more: { answered?: boolean; audience?: string; sourceIds?: number[] } = {},
  ) =>
    server.db.prisma.question.create({
      data: {
        workspaceId: 'acme',
        text,
        answered: more.answered ?? false,
        audience: more.audience ?? null,
        sourceIds: more.sourceIds ?? [],
        createdAt: daysAgo(days),
      },
    });
  const rowsOf = (name: string | RegExp) =>
    page
      .getByRole('table', { name })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
      );

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startConsoleServer()]);
    server.clock.set(NOW);
    await server.earshot.curators.add('acme', { kind: 'email', id: CURATOR });

    const soc2 = await seedEntry(server.db, {
      title: 'SOC 2 report',
      author: 'Priya',
      createdAt: daysAgo(3),
    });
    const okta = await seedEntry(server.db, { title: 'Okta setup', author: 'Priya', createdAt: daysAgo(4) });
    await seedEntry(server.db, { title: 'Pricing story', author: 'Priya', createdAt: daysAgo(6) });
    await seedEntry(server.db, { title: 'Pilot plan', contributor: 'U0SAM', createdAt: daysAgo(2) });
    await seedEntry(server.db, { title: 'Old news', author: 'Sam', createdAt: daysAgo(60) });
    const pending = await seedEntry(server.db, {
      title: 'Still pending',
      author: 'Sam',
      status: 'pending',
      createdAt: daysAgo(1),
    });
    const secret = await seedEntry(server.db, { title: 'Private capture', audience: 'slack:G0PRIVATE' });
    cited = { most: soc2.id, once: okta.id };

    await ask('What are you hearing about SSO?', 20);
    await ask('What are you hearing about sso?', 10);
    await ask('What are you hearing about SSO?', 1);
    await ask('What are you hearing about data residency?', 5);
    await ask('What are you hearing about data residency?', 3);
    await ask('What are you hearing about the Globex renewal?', 2);
    await ask('What are you hearing about layoffs at Umbrella?', 2, { audience: 'slack:G0PRIVATE' });
    await ask('What are you hearing about mainframes?', 45);
    const voted = await ask('What are you hearing about security reviews?', 4, {
      answered: true,
      sourceIds: [soc2.id],
    });
    const votedOnce = await ask('What are you hearing about audits?', 9, {
      answered: true,
      sourceIds: [soc2.id],
    });
    await ask('What are you hearing about compliance?', 12, {
      answered: true,
      sourceIds: [soc2.id, okta.id],
    });
    await ask('What are you hearing about Okta?', 13, { answered: true, sourceIds: [] });
    // Cited most, but neither published nor public: never listed.
    for (const days of [6, 7, 8, 9]) {
      await ask('What are you hearing about the pilot?', days, {
        answered: true,
        sourceIds: [pending.id, secret.id],
      });
    }
    for (const [questionId, userId] of [
      [voted.id, 'U1'],
      [voted.id, 'U2'],
      [votedOnce.id, 'U3'],
    ] as const) {
      await server.db.prisma.questionFeedback.create({
        data: { questionId, userId, helpful: false, createdAt: daysAgo(1) },
      });
    }

    page = await (await browser.newContext()).newPage();
    await signInWith(page, await server.signInUrl(CURATOR));
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Insight' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('groups unanswered questions by subject, most asked first, with first and last asked', async () => {
    expect((await rowsOf('Unanswered questions by subject')).map((row) => row.slice(0, 5))).toEqual([
      ['SSO', '3', '2026-11-06', '2026-11-25', 'What are you hearing about SSO?'],
      ['data residency', '2', '2026-11-21', '2026-11-23', 'What are you hearing about data residency?'],
      ['Globex renewal', '1', '2026-11-24', '2026-11-24', 'What are you hearing about the Globex renewal?'],
    ]);
    await expect(page.locator('main').textContent()).resolves.toContain(
      '…and 1 asked in private conversations (counted, not shown).',
    );
    await expect(page.locator('main').textContent()).resolves.not.toContain('Umbrella');
  });

  it('lists answers voted not helpful, the most votes first', async () => {
    expect(await rowsOf('Answers voted not helpful')).toEqual([
      ['What are you hearing about security reviews?', '2', '2026-11-22'],
      ['What are you hearing about audits?', '1', '2026-11-17'],
    ]);
  });

  it('charts questions per week with the answered rate, in words as well as bars', async () => {
    await expect(page.locator('main').textContent()).resolves.toContain(
      '15 questions in the period, 53% answered.',
    );
    const weeks = await rowsOf('Questions per week and answered rate');
    // 30 days back from Thursday 26 November: the weeks starting Monday 26 October to Monday 23 November.
    expect(weeks.map((row) => row[0])).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(weeks.map((row) => [row[1], row[2]])).toEqual([
      ['0', 'no questions'],
      ['1', '0% (0 of 1)'],
      ['2', '100% (2 of 2)'],
      ['8', '75% (6 of 8)'],
      ['4', '0% (0 of 4)'],
    ]);
    expect(await page.locator('table.chart svg').count()).toBeGreaterThan(0);
  });

  it('ranks contributors for the chosen period and lists the most-cited entries', async () => {
    expect(await rowsOf('Top contributors')).toEqual([
      ['1', 'Priya', '3'],
      ['2', 'U0SAM', '1'],
    ]);
    expect(await rowsOf('Most-cited entries')).toEqual([
      [`#${cited.most} SOC 2 report`, 'Field chatter', '3'],
      [`#${cited.once} Okta setup`, 'Field chatter', '1'],
    ]);
    await page.getByLabel('Period').selectOption('90');
    await page.getByRole('button', { name: 'Show' }).click();
    expect((await rowsOf('Top contributors')).map((row) => row[1])).toEqual(['Priya', 'Sam', 'U0SAM']);
    expect((await rowsOf('Unanswered questions by subject')).map((row) => row[0])).toContain('mainframes');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates an entry prefilled from a gap, and logs it', async () => {
    await page.goto(`${server.origin}/console/insight`);
    await page.getByRole('link', { name: 'Create entry about data residency' }).click();
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe(
      'What are you hearing about data residency?',
    );
    expect(await seriousViolations(page)).toEqual([]);
    // The browser insists on a text; the server checks it too, with the import's rules.
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const empty = await page.request.post(`${server.origin}/console/new-entry`, {
      form: {
        _csrf: token,
        kind: 'tip',
        title: 'No text',
        body: ' ',
        topics: '',
        stage: 'later',
        question: '',
      },
    });
    expect(empty.status()).toBe(422);
    await expect(empty.text()).resolves.toMatch(/body: must not be empty[\s\S]*stage: must be one of/);

    await page.getByLabel('Title').fill('Data residency: EU and US regions');
    await page
      .getByLabel('Text (the answer reps will get)')
      .fill('We host in Frankfurt and Virginia; pick per tenant.');
    await page.getByLabel(/Topics/).fill('Residency; Security');
    await page.getByRole('button', { name: 'Create entry' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Created the entry “Data residency: EU and US regions”.',
    );
    const stored = await server.db.prisma.entry.findFirst({
      where: { title: 'Data residency: EU and US regions' },
    });
    expect(stored).toMatchObject({
      kind: 'tip',
      status: 'published',
      topics: ['residency', 'security'],
      body: 'We host in Frankfurt and Virginia; pick per tenant.',
      contributor: CURATOR,
    });
    await page.getByRole('link', { name: 'Audit log' }).click();
    const first = await page.locator('main tbody tr').first().locator('td').allTextContents();
    expect(first.slice(1)).toEqual([CURATOR, 'Created', `#${stored?.id} Data residency: EU and US regions`]);
  });
});
