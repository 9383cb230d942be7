import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import {
  type ConsoleInBrowser,
  type ConsoleServer,
  consoleInBrowser,
  signInWith,
} from '../helpers/console-server.ts';
import { seedEntry } from '../helpers/seed.ts';

const CURATOR = 'cara@acme.test';
const MEMBER = 'rory@acme.test';

describe('the console: the organization’s synonyms', () => {
  let browser: Browser;
  let server: ConsoleServer;
  let page: Page;

  let opened: ConsoleInBrowser;

  beforeAll(async () => {
    opened = await consoleInBrowser({ curator: CURATOR, members: { U0RORY: MEMBER } });
    ({ browser, server, page } = opened);
  });
  afterAll(async () => {
    await opened?.close();
  });

  const heard = async (question: string) =>
    (await server.earshot.askWithoutLogging({ workspaceId: 'acme', question, platform: 'console' })).heard;

  it('adds a pair that searches then use, refuses a built-in one naming why, removes it, and logs both', async () => {
    await seedEntry(server.db, {
      title: 'Redlines on the master agreement',
      body: 'Legal at Globex takes two weeks to return master agreement redlines.',
    });
    expect(await heard('Any word on Zephyrine redlines?')).toBe(false);

    await page.goto(`${server.origin}/console/synonyms`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Word or phrase').fill('Zephyrine');
    await page.getByLabel('Means the same as').fill('master agreement');
    await page.getByRole('button', { name: 'Add synonyms' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Added: “Zephyrine”');
    expect(await page.locator('main tbody tr td:first-child').allTextContents()).toEqual(['Zephyrine']);
    expect(await heard('Any word on Zephyrine redlines?')).toBe(true);

    await page.getByLabel('Word or phrase').fill('price');
    await page.getByLabel('Means the same as').fill('cost');
    await page.getByRole('button', { name: 'Add synonyms' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('built-in sales thesaurus');
    expect(await page.getByLabel('Word or phrase').inputValue()).toBe('price');
    expect(await server.db.prisma.synonym.count()).toBe(1);

    await page.getByRole('button', { name: 'Remove Zephyrine and master agreement' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Removed');
    expect(await server.db.prisma.synonym.count()).toBe(0);

    await page.goto(`${server.origin}/console/audit`);
    const log = (await page.locator('main').textContent()) ?? '';
    expect(log).toContain('Added synonyms');
    expect(log).toContain('Removed synonyms');
  });

  it('keeps the page and its forms to curators, even posted directly', async () => {
    const member = await (await browser.newContext()).newPage();
    await signInWith(member, await server.signInUrl(MEMBER));
    expect(await member.getByRole('link', { name: 'Synonyms' }).count()).toBe(0);
    const shown = await member.goto(`${server.origin}/console/synonyms`);
    expect(shown?.status()).toBe(403);
    await member.goto(`${server.origin}/console`);
    // With the member's own, valid CSRF token: refused for the role, not for the token.
    const csrf = await member.locator('input[name="_csrf"]').first().inputValue();
    const posted = await member.request.post(`${server.origin}/console/synonyms`, {
      form: { _csrf: csrf, term: 'MSA', synonym: 'master agreement' },
    });
    expect(posted.status()).toBe(403);
    expect(await server.db.prisma.synonym.count()).toBe(0);
  });
});
