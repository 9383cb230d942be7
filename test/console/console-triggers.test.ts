import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';
import type { TriggerEventInput } from '../../src/nudges/triggers/trigger-event.ts';
import { seriousViolations } from '../helpers/browser.ts';
import {
  type ConsoleInBrowser,
  type ConsoleServer,
  consoleInBrowser,
  signInWith,
} from '../helpers/console-server.ts';

const CURATOR = 'cara@acme.test';
const MEMBER = 'rory@acme.test';

describe('the console: trigger events and the alerts they caused', () => {
  let server: ConsoleServer;
  let page: Page;
  let member: Page;
  let opened: ConsoleInBrowser;

  const ingest = (workspaceId: string, events: Array<Partial<TriggerEventInput>>) =>
    server.earshot.ingestTriggers({
      workspaceId,
      source: 'webhook',
      events: events.map((event) => ({
        type: 'funding',
        account: { domain: 'acme-robotics.com' },
        title: 'An event',
        occurredAt: server.clock.now(),
        ...event,
      })),
    });

  beforeAll(async () => {
    opened = await consoleInBrowser({ curator: CURATOR, members: { U0RORY: MEMBER } });
    ({ server, page } = opened);
    member = await (await opened.browser.newContext()).newPage();
    await signInWith(member, await server.signInUrl(MEMBER));
    await ensureWorkspace(server.db, 'globex');
    for (const [workspaceId, name, domain, ownerEmail] of [
      ['acme', 'Acme Robotics', 'acme-robotics.com', 'ana@acme.test'],
      ['acme', 'Initech', 'initech.io', 'ben@acme.test'],
      ['globex', 'Acme Robotics', 'acme-robotics.com', 'spy@globex.test'],
    ] as const) {
      await server.db.prisma.account.create({
        data: { workspaceId, name, nameKey: name.toLowerCase(), domain, ownerEmail },
      });
    }
    const hour = 3_600_000;
    const now = server.clock.now().getTime();
    await ingest('acme', [
      {
        title: 'Acme Robotics raised a $40M Series B',
        url: 'https://news.example.com/acme-series-b',
        occurredAt: new Date(now - 3 * hour),
      },
      {
        type: 'exec_hire',
        account: { name: 'Initech Holdings', domain: 'initech.co.uk' },
        title: 'Initech hired a new CFO',
        occurredAt: new Date(now - 2 * hour),
      },
    ]);
    await ingest('globex', [{ title: 'Globex-only secret funding news', occurredAt: new Date(now - hour) }]);
    // The account changed hands: the alert to the old owner failed, the new owner's was sent.
    const funding = await server.db.prisma.nudge.findFirstOrThrow({
      where: { workspaceId: 'acme', ownerEmail: 'ana@acme.test' },
    });
    await server.db.prisma.nudge.update({
      where: { id: funding.id },
      data: {
        status: 'failed',
        attempts: 5,
        lastError: 'owner ana@acme.test not found in slack; they need to use Earshot there once',
      },
    });
    await server.db.prisma.nudge.create({
      data: {
        workspaceId: 'acme',
        triggerId: funding.triggerId,
        accountId: funding.accountId,
        ownerEmail: 'dee@acme.test',
        status: 'sent',
        dueAt: server.clock.now(),
        sentAt: new Date('2026-11-30T09:15:00Z'),
        platform: 'slack',
        snoozeCount: 1,
        helpful: true,
      },
    });
  });
  afterAll(async () => {
    await opened?.close();
  });

  const rows = (on: Page) => on.locator('main tbody tr').allTextContents();

  it('shows everyone the organization’s events newest first, each with its sent and failed alerts', async () => {
    await member.goto(`${server.origin}/console/triggers`);
    expect(await seriousViolations(member)).toEqual([]);
    expect(await member.getByRole('link', { name: 'Triggers' }).getAttribute('aria-current')).toBe('page');
    const listed = await rows(member);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toContain('Initech hired a new CFO');
    expect(listed[0]).toContain('Unmatched');
    expect(listed[0]).toContain('came with: Initech Holdings, initech.co.uk');
    expect(listed[0]).toContain('None until an account matches');
    expect(listed[1]).toContain('Funding round');
    expect(listed[1]).toContain('Acme Robotics');
    expect(listed[1]).toContain(
      'ana@acme.test: failed after 5 attempts: owner ana@acme.test not found in slack; they need to use Earshot there once',
    );
    expect(listed[1]).toContain(
      'dee@acme.test: sent 2026-11-30 09:15 UTC in Slack · snoozed 1× · voted helpful',
    );
    expect(
      await member.getByRole('link', { name: 'Acme Robotics raised a $40M Series B' }).getAttribute('href'),
    ).toBe('https://news.example.com/acme-series-b');
    expect(listed.join('\n')).not.toContain('Globex-only');
    // Members see; only curators match.
    expect(await member.getByRole('button', { name: 'Match' }).count()).toBe(0);
  });

  it('filters by type and by matched or unmatched', async () => {
    await page.goto(`${server.origin}/console/triggers`);
    await page.getByLabel('Type').selectOption('funding');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/type=funding/);
    expect((await rows(page)).map((row) => row.includes('Series B'))).toEqual([true]);

    await page.goto(`${server.origin}/console/triggers?matched=unmatched`);
    expect((await rows(page)).map((row) => row.includes('new CFO'))).toEqual([true]);
    await page.goto(`${server.origin}/console/triggers?matched=matched`);
    expect((await rows(page)).map((row) => row.includes('Series B'))).toEqual([true]);
  });

  it('lets a curator match an unmatched event to an account, which queues its owner’s alert', async () => {
    await page.goto(`${server.origin}/console/triggers?matched=unmatched`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Match to account (name or domain)').fill('no-such-account.com');
    await page.getByRole('button', { name: 'Match' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Account: no account is named “no-such-account.com”');
    expect(
      await server.db.prisma.triggerEvent.count({ where: { workspaceId: 'acme', accountId: null } }),
    ).toBe(1);

    await page.getByLabel('Match to account (name or domain)').fill('initech.io');
    await page.getByRole('button', { name: 'Match' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Matched “Initech hired a new CFO” to Initech; its owner’s alert is on its way.');
    const row = (await rows(page)).find((text) => text.includes('new CFO'));
    expect(row).toContain('ben@acme.test: pending');
    expect(await server.db.prisma.nudge.count({ where: { ownerEmail: 'ben@acme.test' } })).toBe(1);

    await page.goto(`${server.origin}/console/audit`);
    expect((await rows(page))[0]).toContain('Matched a trigger event');
    expect((await rows(page))[0]).toContain('“Initech hired a new CFO” → Initech');
  });

  it('refuses a member’s hand-made match with 403, and never matches another organization’s event', async () => {
    const [globexEvent] = await ingest('globex', [
      { account: { domain: 'unknown.example' }, title: 'Globex unmatched news' },
    ]).then(async () =>
      server.db.prisma.triggerEvent.findMany({ where: { workspaceId: 'globex', accountId: null } }),
    );
    if (!globexEvent) throw new Error('seeding failed');

    await member.goto(`${server.origin}/console/triggers`);
    const memberToken = await member.locator('input[name="_csrf"]').first().inputValue();
    const forced = await member.request.post(`${server.origin}/console/triggers/${globexEvent.id}/match`, {
      form: { _csrf: memberToken, account: 'initech.io' },
    });
    expect(forced.status()).toBe(403);

    await page.goto(`${server.origin}/console/triggers`);
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const crossed = await page.request.post(`${server.origin}/console/triggers/${globexEvent.id}/match`, {
      form: { _csrf: token, account: 'acme-robotics.com' },
    });
    expect(crossed.status()).toBe(422);
    expect(await crossed.text()).toContain('not waiting for an account');
    const after = await server.db.prisma.triggerEvent.findUniqueOrThrow({ where: { id: globexEvent.id } });
    expect(after.accountId).toBeNull();
  });
});
