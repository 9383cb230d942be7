import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDayAfter } from '../../src/views/iso-day.ts';
import { seriousViolations } from '../helpers/browser.ts';
import {
  type ConsoleInBrowser,
  type ConsoleServer,
  consoleInBrowser,
  signInWith,
} from '../helpers/console-server.ts';
import { seedEntry } from '../helpers/seed.ts';

const CURATOR = 'cara@acme.test';
const REP = 'rick@acme.test';
const DAY_MS = 86_400_000;

describe('the console: editing, merging and entries due for review', () => {
  let browser: Browser;
  let server: ConsoleServer;
  let page: Page;

  let opened: ConsoleInBrowser;

  beforeAll(async () => {
    opened = await consoleInBrowser({ curator: CURATOR, members: { U0REP: REP } });
    ({ browser, server, page } = opened);
  });
  afterAll(async () => {
    await opened?.close();
  });

  const entry = (id: number) => server.earshot.entries.get('acme', id);
  const auditRows = async () => {
    await page.goto(`${server.origin}/console/audit`);
    return page
      .locator('main tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent)),
      );
  };

  it('edits every field of an entry opened from the review queue, and logs it', async () => {
    const captured = await seedEntry(server.db, {
      status: 'pending',
      kind: 'chatter',
      title: 'Globex asks for SSO',
      body: 'Their CISO wants SSO.\nOkta only.',
      topics: ['sso'],
      stage: 'explore',
      account: 'Globex',
    });
    await page.goto(`${server.origin}/console/review`);
    await page.getByRole('link', { name: captured.title }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Edit entry');
    // Prefilled from the entry, line breaks included.
    await expect(page.getByLabel('Body').inputValue()).resolves.toBe(captured.body);
    await expect(page.getByLabel('Account').inputValue()).resolves.toBe('Globex');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('What is it?').selectOption('tip');
    await page.getByLabel('Title').fill('Globex needs SSO with Okta');
    await page.getByLabel('Body').fill('Their CISO wants SSO.\nOkta only, no Azure AD.');
    await page.getByLabel('Topics').fill('SSO, Okta; sso');
    await page.getByLabel('Buying stage').selectOption('decide');
    await page.getByLabel('Industry').fill(' Healthcare ');
    await page.getByLabel('Buyer roles').selectOption(['CFO', 'CISO']);
    await page.getByLabel('Review by').fill('2027-03-01');
    await page.getByLabel('Account').fill('Initech');
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByRole('status').textContent()).resolves.toContain('Saved.');
    expect(await entry(captured.id)).toMatchObject({
      kind: 'tip',
      title: 'Globex needs SSO with Okta',
      body: 'Their CISO wants SSO.\nOkta only, no Azure AD.',
      topics: ['sso', 'okta'],
      stage: 'decide',
      industry: 'Healthcare',
      roles: ['CFO', 'CISO'],
      reviewBy: new Date('2027-03-01T00:00:00Z'),
      sourceAccount: 'Initech',
      status: 'pending',
    });
    expect((await auditRows())[0]).toEqual([CURATOR, 'Edited', `#${captured.id} Globex needs SSO with Okta`]);
  });

  it('refuses an invalid edit naming each field, keeping what was typed and changing nothing', async () => {
    const tip = await seedEntry(server.db, {
      kind: 'tip',
      title: 'Lead with the ROI calculator',
      topics: ['roi'],
    });
    const before = await entry(tip.id);
    await page.goto(`${server.origin}/console/entries/${tip.id}/edit`);
    await page.getByLabel('Title').fill('   ');
    await page.getByLabel('Industry').fill('Healthcare; Retail');
    await page.getByLabel('Topics').fill('roi, pricing');
    const response = page.waitForResponse((res) => res.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await response).status()).toBe(400);

    const summary = page.getByRole('alert');
    await expect(summary.locator('li').allTextContents()).resolves.toEqual([
      'Title: Give it a title.',
      expect.stringMatching(/^Industry must be a short industry name/),
    ]);
    await expect(page.getByLabel('Title').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Industry').inputValue()).resolves.toBe('Healthcare; Retail');
    await expect(page.getByLabel('Topics').inputValue()).resolves.toBe('roi, pricing');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await entry(tip.id)).toEqual(before);
    expect((await auditRows()).map((row) => row[2])).not.toContain(`#${tip.id} ${tip.title}`);
  });

  it('lets only curators edit, even by posting the form directly', async () => {
    const tip = await seedEntry(server.db, { kind: 'tip', title: 'Ask about the renewal date' });
    const rep = await (await browser.newContext()).newPage();
    await signInWith(rep, await server.signInUrl(REP));
    expect((await rep.goto(`${server.origin}/console/entries/${tip.id}/edit`))?.status()).toBe(403);
    await rep.goto(`${server.origin}/console`);
    await expect(rep.getByRole('link', { name: 'Due for review' }).count()).resolves.toBe(0);
    const token = await rep.locator('input[name="_csrf"]').first().inputValue();
    const posted = await rep.request.post(`${server.origin}/console/entries/${tip.id}/edit`, {
      form: { _csrf: token, kind: 'tip', title: 'Hijacked', body: 'x' },
    });
    expect(posted.status()).toBe(403);
    expect((await entry(tip.id)).title).toBe('Ask about the renewal date');
  });

  it('merges a duplicate after showing both side by side', async () => {
    const kept = await seedEntry(server.db, {
      title: 'SSO is a must at Globex',
      body: 'Globex buyers ask for SSO before signing.',
      topics: ['sso'],
    });
    const duplicate = await seedEntry(server.db, {
      status: 'pending',
      title: 'Globex wants single sign-on',
      body: 'Globex said SSO with Okta is required.',
      topics: ['okta'],
    });
    await page.goto(`${server.origin}/console/entries/${duplicate.id}/edit`);
    await page.getByRole('link', { name: 'Merge this entry into a duplicate' }).click();
    await page.getByLabel('Merge into').selectOption(String(kept.id));
    await page.getByRole('button', { name: 'Compare side by side' }).click();

    const titles = await page
      .getByRole('row', { name: /^Title/ })
      .locator('td')
      .allTextContents();
    expect(titles).toEqual([duplicate.title, kept.title]);
    const texts = await page.getByRole('row', { name: /^Text/ }).locator('td').allTextContents();
    expect(texts).toEqual([duplicate.body, kept.body]);
    expect(await seriousViolations(page)).toEqual([]);
    // Comparing changes nothing.
    expect((await entry(duplicate.id)).status).toBe('pending');

    await page.getByRole('button', { name: `Merge #${duplicate.id} into #${kept.id}` }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      `Merged entry #${duplicate.id} into this one`,
    );
    expect(new URL(page.url()).pathname).toBe(`/console/entries/${kept.id}/edit`);
    expect(await entry(duplicate.id)).toMatchObject({ status: 'archived' });
    expect(await entry(kept.id)).toMatchObject({
      body: `${kept.body}\n\n${duplicate.body}`,
      topics: ['sso', 'okta'],
    });
    expect((await auditRows())[0]).toEqual([
      CURATOR,
      'Merged',
      `#${duplicate.id} ${duplicate.title} → #${kept.id} ${kept.title}`,
    ]);
  });

  it('lists entries due for review, most overdue first; Mark reviewed sets a next date, a bad one changes nothing', async () => {
    const now = server.clock.now();
    const soon = await seedEntry(server.db, {
      title: 'Pricing page FAQ',
      reviewBy: new Date(now.getTime() + 5 * DAY_MS),
    });
    const overdue = await seedEntry(server.db, {
      title: 'Competitor X pricing',
      reviewBy: new Date(now.getTime() - 10 * DAY_MS),
    });
    await seedEntry(server.db, {
      title: 'Security whitepaper',
      reviewBy: new Date(now.getTime() + 60 * DAY_MS),
    });
    await seedEntry(server.db, {
      title: 'Deal room notes (private)',
      reviewBy: new Date(now.getTime() - DAY_MS),
      audience: 'slack:G0PRIVATE',
    });

    await page.goto(`${server.origin}/console`);
    await page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: 'Due for review' })
      .click();
    const rows = page.locator('main tbody tr');
    await expect(rows.locator('td:first-child strong').allTextContents()).resolves.toEqual([
      overdue.title,
      soon.title,
    ]);
    await expect(rows.first().textContent()).resolves.toContain('overdue by 10 days');
    await expect(page.locator('main').textContent()).resolves.toContain('1 private entry is due as well');
    expect(await seriousViolations(page)).toEqual([]);

    const overdueForm = page.getByRole('form', { name: `Mark ${overdue.title} reviewed` });
    await overdueForm.getByLabel('Next review by').fill(isoDayAfter(now, 0));
    await overdueForm.getByRole('button', { name: /Still accurate/ }).click();
    await expect(
      page.getByRole('form', { name: `Mark ${overdue.title} reviewed` }).textContent(),
    ).resolves.toContain('Next review by: Pick a next review date after today.');
    expect((await entry(overdue.id)).reviewBy).toEqual(overdue.reviewBy);

    const again = page.getByRole('form', { name: `Mark ${overdue.title} reviewed` });
    await again.getByLabel('Next review by').fill(isoDayAfter(now, 90));
    await again.getByRole('button', { name: /Still accurate/ }).click();
    const nextDate = isoDayAfter(now, 90);
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      `Marked “${overdue.title}” reviewed: next review by ${nextDate}.`,
    );
    expect((await entry(overdue.id)).reviewBy).toEqual(new Date(`${nextDate}T00:00:00Z`));
    await expect(rows.locator('td:first-child strong').allTextContents()).resolves.toEqual([soon.title]);
    expect((await auditRows())[0]).toEqual([CURATOR, 'Marked reviewed', `#${overdue.id} ${overdue.title}`]);

    await page.goto(`${server.origin}/console/due`);
    await page.getByRole('link', { name: `Edit ${soon.title}` }).click();
    expect(new URL(page.url()).pathname).toBe(`/console/entries/${soon.id}/edit`);
  });
});
