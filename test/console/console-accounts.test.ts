import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';
import { seriousViolations } from '../helpers/browser.ts';
import {
  addSlackPerson,
  type ConsoleInBrowser,
  type ConsoleServer,
  consoleInBrowser,
  signInWith,
} from '../helpers/console-server.ts';

const CURATOR = 'cara@acme.test';
const MEMBER = 'rory@acme.test';

describe('the console: accounts and their owners', () => {
  let server: ConsoleServer;
  let page: Page;
  let member: Page;
  let opened: ConsoleInBrowser;

  beforeAll(async () => {
    opened = await consoleInBrowser({ curator: CURATOR, members: { U0RORY: MEMBER } });
    ({ server, page } = opened);
    member = await (await opened.browser.newContext()).newPage();
    await signInWith(member, await server.signInUrl(MEMBER));
    await ensureWorkspace(server.db, 'globex');
    const account = (
      workspaceId: string,
      name: string,
      domain: string,
      industry: string,
      ownerEmail: string,
    ) =>
      server.db.prisma.account.create({
        data: { workspaceId, name, nameKey: name.toLowerCase(), domain, industry, ownerEmail },
      });
    await account('acme', 'Harborview Health', 'harborview.org', 'Healthcare', 'ben@acme.test');
    await account('acme', 'Hartwell Steel', 'hartwell.com', 'Manufacturing', 'ana@acme.test');
    await account('acme', 'Northwind', 'northwind.com', 'Healthcare', 'ana@acme.test');
    await account('globex', 'Harbor Secret Co', 'harbor-secret.com', 'Healthcare', 'spy@globex.test');
    await addSlackPerson(server.earshot, 'U0ANA', 'ana@acme.test');
  });
  afterAll(async () => {
    await opened?.close();
  });

  const rows = (on: Page) => on.locator('main tbody tr').allTextContents();
  const firstColumn = (on: Page) => on.locator('main tbody tr td:first-child').allTextContents();

  it('lists only this organization’s accounts, and finds them by name, domain, industry and owner', async () => {
    await page.goto(`${server.origin}/console/accounts`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await firstColumn(page)).toEqual(['Harborview Health', 'Hartwell Steel', 'Northwind']);
    const listed = await rows(page);
    expect(listed[1]).toContain('ana@acme.test');
    expect(listed[1]).toContain('Slack');
    expect(listed[0]).toContain('not met in chat yet');

    await page.getByLabel('Name or domain starts with').fill('har');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/q=har/);
    expect(await firstColumn(page)).toEqual(['Harborview Health', 'Hartwell Steel']);

    await page.goto(`${server.origin}/console/accounts?q=northwind.c`);
    expect(await firstColumn(page)).toEqual(['Northwind']);

    await page.goto(`${server.origin}/console/accounts`);
    await page.getByLabel('Industry', { exact: true }).selectOption('Healthcare');
    await page.getByLabel('Owner email starts with').fill('ANA@');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/owner=ANA/);
    expect(await firstColumn(page)).toEqual(['Northwind']);
    // Another organization's industries are not offered either.
    expect(await page.getByLabel('Industry', { exact: true }).locator('option').allTextContents()).toEqual([
      'Any industry',
      'Healthcare',
      'Manufacturing',
    ]);
  });

  it('pages through a large organization in name order', async () => {
    await ensureWorkspace(server.db, 'bigco');
    await server.db.query(
      `INSERT INTO accounts (workspace_id, name, name_key, domain, owner_email, updated_at)
       SELECT 'bigco', 'Account ' || lpad(i::text, 3, '0'), 'account ' || lpad(i::text, 3, '0'),
              'account' || i || '.com', 'owner@bigco.test', now()
       FROM generate_series(1, 120) AS i`,
    );
    await server.earshot.curators.add('bigco', { kind: 'email', id: CURATOR });
    const big = await (await opened.browser.newContext()).newPage();
    await signInWith(big, await server.signInUrl(CURATOR, 'bigco'));
    await big.goto(`${server.origin}/console/accounts`);
    const first = await firstColumn(big);
    expect(first).toHaveLength(50);
    expect(first[0]).toBe('Account 001');
    await big.getByRole('link', { name: 'Next page' }).click();
    expect((await firstColumn(big))[0]).toBe('Account 051');
    await big.getByRole('link', { name: 'Next page' }).click();
    expect(await firstColumn(big)).toHaveLength(20);
    expect(await big.getByRole('link', { name: 'Next page' }).count()).toBe(0);
    await big.getByRole('link', { name: 'First page' }).click();
    expect((await firstColumn(big))[0]).toBe('Account 001');
    await big.context().close();
  });

  it('lets a curator add an account, refusing a bad or taken domain by name with nothing stored', async () => {
    // An event about Initech arrived before anyone entered the account.
    await server.earshot.ingestTriggers({
      workspaceId: 'acme',
      events: [
        {
          type: 'funding',
          account: { name: 'Initech', domain: 'initech.io' },
          title: 'Initech raised a $12M Series A',
          occurredAt: server.clock.now(),
        },
      ],
      source: 'webhook',
    });
    const before = await server.db.prisma.account.count({ where: { workspaceId: 'acme' } });
    await page.goto(`${server.origin}/console/accounts`);
    const add = page.getByRole('form', { name: 'Add an account' });
    await add.getByLabel('Account name').fill('Initech, Inc.');
    await add.getByLabel('Domain').fill('not a domain');
    await add.getByLabel('Industry').fill('Software');
    await add.getByLabel('Owner email').fill('dee@acme.test');
    await add.getByRole('button', { name: 'Add account' }).click();
    const problems = page.getByRole('alert');
    await expect.poll(() => problems.textContent()).toContain('Nothing was saved');
    expect(await problems.textContent()).toContain('Domain: must be a domain such as acme.com');
    expect(await add.getByLabel('Account name').inputValue()).toBe('Initech, Inc.');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await server.db.prisma.account.count({ where: { workspaceId: 'acme' } })).toBe(before);

    await add.getByLabel('Domain').fill('harborview.org');
    await add.getByRole('button', { name: 'Add account' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Domain: harborview.org already belongs to “Harborview Health”');
    expect(await server.db.prisma.account.count({ where: { workspaceId: 'acme' } })).toBe(before);

    await add.getByLabel('Domain').fill('https://www.Initech.io/about');
    await add.getByRole('button', { name: 'Add account' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain(
        'Added Initech, Inc., owned by dee@acme.test. 1 waiting trigger event now matches; 1 alert queued.',
      );
    const stored = await server.db.prisma.account.findFirstOrThrow({
      where: { workspaceId: 'acme', name: 'Initech, Inc.' },
    });
    expect([stored.domain, stored.industry, stored.ownerEmail]).toEqual([
      'initech.io',
      'Software',
      'dee@acme.test',
    ]);
    expect(await server.db.prisma.nudge.findMany({ where: { accountId: stored.id } })).toMatchObject([
      { ownerEmail: 'dee@acme.test', status: 'pending' },
    ]);

    await add.getByLabel('Account name').fill('INITECH');
    await add.getByLabel('Owner email').fill('dee@acme.test');
    await add.getByRole('button', { name: 'Add account' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Account name: “Initech, Inc.” already exists');

    await page.goto(`${server.origin}/console/audit`);
    expect((await rows(page))[0]).toContain('Added an account');
    expect((await rows(page))[0]).toContain('Initech, Inc. (initech.io), owner dee@acme.test');
  });

  it('lets a curator change an owner, industry and domain; the new owner gets the alerts not yet sent', async () => {
    const initech = await server.db.prisma.account.findFirstOrThrow({
      where: { workspaceId: 'acme', domain: 'initech.io' },
    });
    await server.db.prisma.account.update({ where: { id: initech.id }, data: { ownerSlackId: 'U0DEE' } });
    await page.goto(`${server.origin}/console/accounts?q=initech`);
    await page.getByRole('link', { name: 'Change Initech, Inc.' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Domain').fill('hartwell.com');
    await page.getByLabel('Owner email').fill('ana@acme.test');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Domain: hartwell.com already belongs to “Hartwell Steel”');
    const unchanged = await server.db.prisma.account.findUniqueOrThrow({ where: { id: initech.id } });
    expect([unchanged.domain, unchanged.ownerEmail]).toEqual(['initech.io', 'dee@acme.test']);

    await page.getByLabel('Domain').fill('initech.com');
    await page.getByLabel('Industry').fill('Fintech');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain(
        'Changed Initech, Inc.: owner dee@acme.test → ana@acme.test; industry Software → Fintech; domain initech.io → initech.com.',
      );
    const changed = await server.db.prisma.account.findUniqueOrThrow({ where: { id: initech.id } });
    expect([changed.domain, changed.industry, changed.ownerEmail, changed.ownerSlackId]).toEqual([
      'initech.com',
      'Fintech',
      'ana@acme.test',
      null,
    ]);
    expect(await server.db.prisma.nudge.findMany({ where: { accountId: initech.id } })).toMatchObject([
      { ownerEmail: 'ana@acme.test', status: 'pending' },
    ]);
    await page.goto(`${server.origin}/console/audit`);
    expect((await rows(page))[0]).toContain('Changed an account');
  });

  it('shows members the accounts but refuses their hand-made changes with 403, changing nothing', async () => {
    await member.goto(`${server.origin}/console/accounts`);
    expect(await member.getByRole('link', { name: 'Accounts' }).getAttribute('aria-current')).toBe('page');
    expect(await firstColumn(member)).toContain('Harborview Health');
    expect(await member.getByRole('form', { name: 'Add an account' }).count()).toBe(0);
    expect(await member.getByRole('link', { name: /^Change / }).count()).toBe(0);
    const harborview = await server.db.prisma.account.findFirstOrThrow({
      where: { domain: 'harborview.org' },
    });
    expect((await member.goto(`${server.origin}/console/accounts/${harborview.id}`))?.status()).toBe(403);

    await member.goto(`${server.origin}/console/accounts`);
    const token = await member.locator('input[name="_csrf"]').first().inputValue();
    const before = await server.db.prisma.account.count();
    const added = await member.request.post(`${server.origin}/console/accounts`, {
      form: {
        _csrf: token,
        name: 'Sneaky',
        domain: 'sneaky.com',
        industry: '',
        ownerEmail: 'rory@acme.test',
      },
    });
    expect(added.status()).toBe(403);
    const changed = await member.request.post(`${server.origin}/console/accounts/${harborview.id}`, {
      form: { _csrf: token, ownerEmail: 'rory@acme.test', industry: '', domain: 'harborview.org' },
    });
    expect(changed.status()).toBe(403);
    expect(await server.db.prisma.account.count()).toBe(before);
    expect(
      (await server.db.prisma.account.findUniqueOrThrow({ where: { id: harborview.id } })).ownerEmail,
    ).toBe('ben@acme.test');
  });

  it('never shows or changes another organization’s account', async () => {
    await page.goto(`${server.origin}/console/accounts?q=harbor`);
    expect(await firstColumn(page)).toEqual(['Harborview Health']);
    const secret = await server.db.prisma.account.findFirstOrThrow({ where: { workspaceId: 'globex' } });
    expect((await page.goto(`${server.origin}/console/accounts/${secret.id}`))?.status()).toBe(404);
    await page.goto(`${server.origin}/console/accounts`);
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const posted = await page.request.post(`${server.origin}/console/accounts/${secret.id}`, {
      form: { _csrf: token, ownerEmail: 'cara@acme.test', industry: '', domain: '' },
    });
    expect(posted.status()).toBe(404);
    expect((await server.db.prisma.account.findUniqueOrThrow({ where: { id: secret.id } })).ownerEmail).toBe(
      'spy@globex.test',
    );
  });
});
