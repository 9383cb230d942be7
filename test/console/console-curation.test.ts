import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import { type ConsoleInBrowser, type ConsoleServer, consoleInBrowser } from '../helpers/console-server.ts';
import { seedEntry } from '../helpers/seed.ts';

const CURATOR = 'cara@acme.test';

describe('the console: curating and searching from a browser', () => {
  let server: ConsoleServer;
  let page: Page;

  let opened: ConsoleInBrowser;

  beforeAll(async () => {
    opened = await consoleInBrowser({ curator: CURATOR });
    ({ server, page } = opened);
  });
  afterAll(async () => {
    await opened?.close();
  });

  const statusOf = async (id: number) => (await server.earshot.entries.get('acme', id)).status;

  it('approves the checked entries in bulk and rejects one by its own button, each in the audit log', async () => {
    const oldest = await seedEntry(server.db, { status: 'pending', title: 'Globex is moving to Okta' });
    const middle = await seedEntry(server.db, { status: 'pending', title: 'Initech asked for a pilot' });
    const newest = await seedEntry(server.db, { status: 'pending', title: 'Hooli compares us to Acme' });
    const secret = await seedEntry(server.db, {
      status: 'pending',
      title: 'Layoffs at Umbrella (private)',
      audience: 'slack:G0PRIVATE',
    });

    await page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: 'Review queue' })
      .click();
    const main = page.locator('main');
    await expect(main.textContent()).resolves.toContain('3 waiting for review');
    await expect(main.textContent()).resolves.toContain('1 private capture is waiting there');
    await expect(main.textContent()).resolves.not.toContain(secret.title);
    await page.getByLabel(`Select ${oldest.title}`).check();
    // Keyboard only: from the first checkbox, Tab past its row's title link (to edit or merge it) and
    // two buttons to the next row's checkbox.
    await page.getByLabel(`Select ${oldest.title}`).focus();
    for (let stop = 0; stop < 4; stop += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByLabel(`Select ${middle.title}`).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Approve selected' }).click();

    await expect(page.getByRole('status').textContent()).resolves.toContain('Approved 2 entries.');
    expect([await statusOf(oldest.id), await statusOf(middle.id), await statusOf(newest.id)]).toEqual([
      'published',
      'published',
      'pending',
    ]);
    await page.getByRole('button', { name: `Reject ${newest.title}` }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Rejected 1 entry.');
    expect(await statusOf(newest.id)).toBe('rejected');
    expect(await statusOf(secret.id)).toBe('pending');
    await expect(main.textContent()).resolves.toContain('Nothing to review here.');
    // A private capture's id posted by hand is left alone: the console cannot tell who is in its conversation.
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const forced = await page.request.post(`${server.origin}/console/review`, {
      form: { _csrf: token, one: `approve:${secret.id}` },
    });
    await expect(forced.text()).resolves.toContain('1 could not be changed');
    expect(await statusOf(secret.id)).toBe('pending');

    await page.getByRole('link', { name: 'Audit log' }).click();
    const rows = await page
      .locator('main tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent)),
      );
    expect(rows).toEqual([
      [CURATOR, 'Rejected', `#${newest.id} ${newest.title}`],
      [CURATOR, 'Approved', `#${middle.id} ${middle.title}`],
      [CURATOR, 'Approved', `#${oldest.id} ${oldest.title}`],
    ]);
  });

  it('filters the review queue and comes back to the same filter after a bulk decision', async () => {
    const tip = await seedEntry(server.db, {
      status: 'pending',
      kind: 'tip',
      title: 'Lead with the ROI calculator',
      topics: ['pricing'],
    });
    const otherTip = await seedEntry(server.db, {
      status: 'pending',
      kind: 'tip',
      title: 'Send the security pack early',
      topics: ['security'],
    });
    const chatter = await seedEntry(server.db, {
      status: 'pending',
      kind: 'chatter',
      title: 'Vandelay pushes back on price',
      topics: ['pricing'],
    });

    await page.goto(`${server.origin}/console/review`);
    await page.getByLabel('Kind').selectOption('tip');
    await page.getByLabel('Topic').fill('pricing');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const main = page.locator('main');
    await expect(main.textContent()).resolves.toContain('3 waiting for review, 1 matches the filter');
    const listed = await page.locator('main tbody tr td:nth-child(2) strong').allTextContents();
    expect(listed).toEqual([tip.title]);

    await page.getByLabel(`Select ${tip.title}`).check();
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Approved 1 entry.');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('tip');
    expect(await page.getByLabel('Topic').inputValue()).toBe('pricing');
    await expect(main.textContent()).resolves.toContain('Nothing to review here with this filter.');
    expect([await statusOf(tip.id), await statusOf(otherTip.id), await statusOf(chatter.id)]).toEqual([
      'published',
      'pending',
      'pending',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('gives the same heard and nothing-heard outcomes as chat, citing no private capture', async () => {
    await seedEntry(server.db, {
      title: 'SSO is a must',
      body: 'Buyers at Globex ask for SSO with Okta before they sign.',
      topics: ['sso'],
      account: 'Globex',
    });
    await seedEntry(server.db, {
      title: 'SSO came up in a private deal room',
      body: 'Umbrella wants SSO for its contractors.',
      audience: 'slack:G0PRIVATE',
    });
    for (const question of [
      'What are you hearing about SSO?',
      'What are you hearing about quantum payroll?',
    ]) {
      const chat = await server.earshot.ask({
        workspaceId: 'acme',
        question,
        platform: 'slack',
        channel: 'C0PUBLIC',
      });
      await page.goto(`${server.origin}/console`);
      await page.getByLabel('Ask or search: what are you hearing about…').fill(question);
      await page.getByRole('button', { name: 'Search' }).click();
      const answer = page.getByRole('region', { name: 'Answer' });
      const text = (await answer.textContent()) ?? '';
      expect({ question, heard: text.includes('What the field is hearing') }).toEqual({
        question,
        heard: chat.heard,
      });
      expect(text.includes(`Nothing heard yet about ${chat.subject}`)).toBe(!chat.heard);
      const cited = await answer
        .locator('ol li')
        .evaluateAll((items) => items.map((li) => li.textContent ?? ''));
      const shown = chat.heard ? chat.sources : (chat.closest ?? []);
      expect(cited.map((line) => line.split(' — ')[0])).toEqual(shown.map((source) => source.title));
    }
    // The seeded question is heard and the other is not, so both outcomes were compared.
    const heard = await server.earshot.askWithoutLogging({
      workspaceId: 'acme',
      question: 'What are you hearing about SSO?',
    });
    expect(heard.heard).toBe(true);
    expect(heard.sources.map((source) => source.title)).not.toContain('SSO came up in a private deal room');
  });

  it('shows the entries that came closest when nothing answers, as chat does, never a private one', async () => {
    await seedEntry(server.db, {
      title: 'Calder went live on Workday',
      account: 'Calder',
      body: 'Calder went live on the Workday connector last month; the controller was thrilled with the rollout.',
    });
    await seedEntry(server.db, {
      title: 'Workday rollout in a private deal room',
      body: 'Umbrella went live on the Workday connector; the controller liked the rollout.',
      audience: 'slack:G0PRIVATE',
    });
    const question = 'How long does a Workday rollout take?';
    const chat = await server.earshot.ask({
      workspaceId: 'acme',
      question,
      platform: 'slack',
      channel: 'C0PUBLIC',
    });
    expect(chat.heard).toBe(false);
    expect(chat.closest?.map((source) => source.title)).toEqual(['Calder went live on Workday']);
    await page.goto(`${server.origin}/console`);
    await page.getByLabel('Ask or search: what are you hearing about…').fill(question);
    await page.getByRole('button', { name: 'Search' }).click();
    const answer = page.getByRole('region', { name: 'Answer' });
    await expect.poll(async () => (await answer.textContent()) ?? '').toContain('Closest, not an answer');
    const closest = await answer
      .locator('ol li')
      .evaluateAll((items) => items.map((li) => li.textContent ?? ''));
    expect(closest.map((line) => line.split(' — ')[0])).toEqual(['Calder went live on Workday']);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists recent published entries by kind, topic and stage', async () => {
    await seedEntry(server.db, {
      title: 'Pricing tip for the CFO',
      kind: 'tip',
      topics: ['pricing'],
      stage: 'decide',
    });
    await seedEntry(server.db, {
      title: 'Pricing chatter',
      kind: 'chatter',
      topics: ['pricing'],
      stage: 'decide',
    });
    await seedEntry(server.db, {
      title: 'Early pricing tip',
      kind: 'tip',
      topics: ['pricing'],
      stage: 'explore',
    });
    await page.goto(`${server.origin}/console`);
    await page.getByLabel('Kind').selectOption('tip');
    await page.getByLabel('Topic').fill('Pricing');
    await page.getByLabel('Buying stage').selectOption('decide');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const titles = await page.locator('main tbody tr td:first-child').allTextContents();
    expect(titles).toEqual(['Pricing tip for the CFO']);
  });

  it('filters by industry, buyer role, author and recency too, and exports what the filter shows', async () => {
    const now = server.clock.now();
    const old = new Date(now.getTime() - 100 * 86_400_000);
    await seedEntry(server.db, {
      title: 'Hospital CFO wants ROI',
      industry: 'Healthcare',
      roles: ['CFO'],
      author: 'Maya Okafor',
    });
    await seedEntry(server.db, {
      title: 'Hospital CIO on SSO',
      industry: 'Healthcare',
      roles: ['CIO'],
      author: 'Maya Okafor',
    });
    await seedEntry(server.db, {
      title: 'Bank CFO on ROI',
      industry: 'Banking',
      roles: ['CFO'],
      author: 'Maya Okafor',
    });
    const stale = await seedEntry(server.db, {
      title: 'Old hospital CFO note',
      industry: 'healthcare',
      roles: ['CFO'],
      author: 'maya okafor',
    });
    await server.db.prisma.entry.update({ where: { id: stale.id }, data: { createdAt: old } });
    await seedEntry(server.db, {
      title: 'Hospital CFO via Dan',
      industry: 'Healthcare',
      roles: ['CFO'],
      author: 'Dan Reyes',
    });

    await page.goto(`${server.origin}/console`);
    await page.getByLabel('Industry').fill('healthcare');
    await page.getByLabel('Buyer role').selectOption('CFO');
    await page.getByLabel('Author').fill('maya');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const titles = () => page.locator('main tbody tr td:first-child').allTextContents();
    expect(await titles()).toEqual(['Hospital CFO wants ROI', 'Old hospital CFO note']);

    await page.getByLabel('Added').selectOption('30');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect(await titles()).toEqual(['Hospital CFO wants ROI']);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSONL' }).click();
    const file = await (await download).path();
    const exported = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).title);
    expect(exported).toEqual(['Hospital CFO wants ROI']);
  });
});
