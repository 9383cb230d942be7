import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import { type ConsoleInBrowser, type ConsoleServer, consoleInBrowser } from '../helpers/console-server.ts';

const MEMBER = 'rory@acme.test';

describe('the console: reference customers', () => {
  let server: ConsoleServer;
  let page: Page;

  let opened: ConsoleInBrowser;

  beforeAll(async () => {
    opened = await consoleInBrowser({
      curator: 'cara@acme.test',
      members: { U0RORY: MEMBER },
      signInAs: MEMBER,
    });
    ({ server, page } = opened);
  });
  afterAll(async () => {
    await opened?.close();
  });

  const reference = (
    account: string,
    extra: { industry: string; status?: 'active' | 'paused'; pausedReason?: string },
  ) =>
    server.db.prisma.reference.create({
      data: {
        workspaceId: 'acme',
        account,
        accountKey: account.toLowerCase(),
        industry: extra.industry,
        products: ['Payments'],
        ownerEmail: 'owner@acme.test',
        maxRequestsPer90Days: 3,
        cooldownDays: 14,
        status: extra.status ?? 'active',
        pausedReason: extra.pausedReason ?? null,
      },
    });

  it('shows everyone of the organization the references chat offers, available first, with limits and why not', async () => {
    await reference('Contoso Clinics', {
      industry: 'Healthcare',
      status: 'paused',
      pausedReason: 'open P1 service issue',
    });
    await reference('Northwind Health', { industry: 'Healthcare' });
    await reference('Fabrikam Steel', { industry: 'Manufacturing' });

    await page.goto(`${server.origin}/console/references?criteria=healthcare`);
    expect(await seriousViolations(page)).toEqual([]);
    const rows = await page.locator('main tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Northwind Health');
    expect(rows[0]).toContain('0 of 3');
    expect(rows[0]).toContain('Available');
    expect(rows[1]).toContain('Contoso Clinics');
    expect(rows[1]).toContain('Not available: paused: open P1 service issue');
    expect(await page.locator('main').textContent()).toContain(
      '1 of 2 references matching “healthcare” can take a call now',
    );

    // The same answer as the reference desk gives chat.
    const desk = await server.earshot.references.check({ workspaceId: 'acme', criteria: 'healthcare' });
    expect(desk.map((r) => r.account)).toEqual(['Northwind Health', 'Contoso Clinics']);
  });
});
