import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import {
  addSlackPerson,
  type ConsoleInBrowser,
  type ConsoleServer,
  consoleInBrowser,
  signInWith,
} from '../helpers/console-server.ts';
import { DAY_MS } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';

const CURATOR = 'cara@acme.test';
const MEMBER = 'rory@acme.test';

describe('the console: weekly digest subscriptions', () => {
  let browser: Browser;
  let server: ConsoleServer;
  let page: Page;
  let opened: ConsoleInBrowser;
  let salesId: number;

  const subscriptions = () => server.earshot.digests.subscriptions;

  beforeAll(async () => {
    opened = await consoleInBrowser({ curator: CURATOR, members: { U0RORY: MEMBER } });
    ({ browser, server, page } = opened);
    await addSlackPerson(server.earshot, 'U0CARA', CURATOR);
    const now = server.clock.now();
    const sales = await subscriptions().subscribe({
      platform: 'slack',
      workspaceId: 'acme',
      conversationId: 'C0SALES',
      schedule: { weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' },
      topics: ['pricing'],
      forCurators: false,
      createdBy: 'U0CARA',
      now: new Date(now.getTime() - 14 * DAY_MS),
    });
    salesId = sales.id;
    const run = await server.earshot.digests.runs.claim({
      subscriptionId: sales.id,
      platform: 'slack',
      workspaceId: 'acme',
      conversationId: 'C0SALES',
      scheduledFor: new Date('2026-11-23T08:00:00Z'),
      periodFrom: new Date('2026-11-16T08:00:00Z'),
      periodTo: new Date('2026-11-23T08:00:00Z'),
      topics: ['pricing'],
      forCurators: false,
      timeZone: 'Europe/Berlin',
      manual: false,
      late: false,
      now,
    });
    await server.earshot.digests.runs.markPosted(run?.id ?? 0, '1700000000.000100', now);
    // A Teams channel whose name Earshot keeps from its conversation reference.
    await server.earshot.conversations.save({
      platform: 'teams',
      workspaceId: 'acme',
      conversationId: '19:field@thread.tacv2',
      kind: 'channel',
      userId: null,
      reference: { conversation: { id: '19:field@thread.tacv2', name: 'Field news' } },
    });
    await subscriptions().subscribe({
      platform: 'teams',
      workspaceId: 'acme',
      conversationId: '19:field@thread.tacv2',
      schedule: { weekday: 5, time: '16:30', timeZone: 'America/New_York' },
      topics: [],
      forCurators: false,
      createdBy: '29:someone',
      now,
    });
    await subscriptions().subscribe({
      platform: 'slack',
      workspaceId: 'globex',
      conversationId: 'C0GLOBEXSECRET',
      schedule: { weekday: 2, time: '10:00', timeZone: 'UTC' },
      topics: ['globex-only-topic'],
      forCurators: true,
      createdBy: 'U0GLOBEX',
      now,
    });
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("lists the organization's subscriptions with their last digest, never another organization's", async () => {
    await page.goto(`${server.origin}/console`);
    await page.getByRole('link', { name: 'Digests' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    const rows = await page.locator('main tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    const [sales = '', field = ''] = rows;
    expect(sales).toContain('Slack: C0SALES');
    expect(sales).toContain('Mondays at 09:00 (Europe/Berlin)');
    expect(sales).toContain('pricing');
    expect(sales).toContain(CURATOR);
    expect(sales).toContain('Mon 23 Nov at 09:00: posted');
    expect(field).toContain('Teams: Field news (19:field@thread.tacv2)');
    expect(field).toContain('Fridays at 16:30 (America/New_York)');
    expect(field).toContain('every topic');
    expect(field).toContain('none yet');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toContain('GLOBEX');
    expect(main).toContain('/earshot digest weekly mon 09:00');
    const other = await subscriptions().find({
      platform: 'slack',
      workspaceId: 'globex',
      conversationId: 'C0GLOBEXSECRET',
    });
    const shown = await page.goto(`${server.origin}/console/digests/${other?.id}`);
    expect(shown?.status()).toBe(404);
    expect(await page.locator('main').textContent()).not.toContain('GLOBEX');
  });

  it('refuses a time zone that is not one, naming the field, and changes nothing; saves a good one', async () => {
    const before = await subscriptions().byId(salesId);
    await page.goto(`${server.origin}/console/digests`);
    await page.getByRole('link', { name: 'Change the digest in C0SALES' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Weekday').selectOption({ label: 'Tuesday' });
    await page.getByLabel('Time', { exact: true }).fill('07:45');
    await page.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    const alert = (await page.getByRole('alert').textContent()) ?? '';
    expect(alert).toContain('Nothing was saved');
    expect(alert).toContain('Time zone: “Mars/Olympus_Mons” is not a time zone');
    expect(alert).toContain('Europe/Berlin');
    expect(await page.getByLabel('Time', { exact: true }).inputValue()).toBe('07:45');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await subscriptions().byId(salesId)).toEqual(before);

    server.clock.advance(60_000);
    await page.getByLabel('Time zone').fill('america/chicago');
    await page.getByLabel('Topics').fill('Pricing, Healthcare, pricing');
    await page.getByLabel('Content gaps').selectOption('yes');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Saved: Tuesdays at 07:45 (America/Chicago), pricing, healthcare, content gaps: yes.');
    const after = await subscriptions().byId(salesId);
    expect(after?.schedule).toEqual({ weekday: 2, time: '07:45', timeZone: 'America/Chicago' });
    expect(after?.topics).toEqual(['pricing', 'healthcare']);
    expect(after?.forCurators).toBe(true);
    // The changed schedule counts from now: an earlier Tuesday 07:45 is never posted.
    expect(after?.scheduledSince).toEqual(server.clock.now());
    expect(after?.createdBy).toBe('U0CARA');

    await page.goto(`${server.origin}/console/audit`);
    expect(await page.locator('main').textContent()).toContain('Changed a digest');
  });

  it("previews what this week's digest would say, as HTML", async () => {
    await seedEntry(server.db, {
      kind: 'tip',
      title: 'Lead with the pricing calculator',
      topics: ['pricing'],
      createdAt: new Date(server.clock.now().getTime() - DAY_MS),
    });
    await page.goto(`${server.origin}/console/digests/${salesId}`);
    await page.getByRole('link', { name: "Preview this week's digest" }).click();
    expect(await seriousViolations(page)).toEqual([]);
    const preview = (await page.getByRole('region', { name: 'Digest' }).textContent()) ?? '';
    expect(preview).toContain('Earshot digest');
    expect(preview).toContain('Lead with the pricing calculator');
    expect(
      await server.earshot.digests.runs.recent({ workspaceId: 'acme', conversationId: 'C0SALES' }, 5),
    ).toHaveLength(1);
  });

  it('keeps the pages and forms to curators, even posted directly', async () => {
    const member = await (await browser.newContext()).newPage();
    await signInWith(member, await server.signInUrl(MEMBER));
    expect(await member.getByRole('link', { name: 'Digests' }).count()).toBe(0);
    expect((await member.goto(`${server.origin}/console/digests`))?.status()).toBe(403);
    await member.goto(`${server.origin}/console`);
    const csrf = await member.locator('input[name="_csrf"]').first().inputValue();
    const before = await subscriptions().byId(salesId);
    const changed = await member.request.post(`${server.origin}/console/digests/${salesId}`, {
      form: { _csrf: csrf, weekday: '3', time: '10:00', timeZone: 'UTC', topics: '', forCurators: 'no' },
    });
    expect(changed.status()).toBe(403);
    const removed = await member.request.post(`${server.origin}/console/digests/${salesId}/remove`, {
      form: { _csrf: csrf },
    });
    expect(removed.status()).toBe(403);
    expect(await subscriptions().byId(salesId)).toEqual(before);
  });

  it('removes a subscription, keeping its posted digests, and logs it', async () => {
    await page.goto(`${server.origin}/console/digests/${salesId}`);
    await page.getByRole('button', { name: 'Remove this subscription' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Removed the weekly digest in Slack C0SALES');
    expect(await page.locator('main tbody tr').count()).toBe(1);
    expect(await subscriptions().byId(salesId)).toBeNull();
    const runs = await server.earshot.digests.runs.recent(
      { workspaceId: 'acme', conversationId: 'C0SALES' },
      5,
    );
    expect(runs.map((run) => run.status)).toEqual(['posted']);
    await page.goto(`${server.origin}/console/audit`);
    expect(await page.locator('main').textContent()).toContain('Removed a digest');
  });
});
