import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWorkspace } from '../../src/knowledge/workspaces/ensure-workspace.ts';
import { seriousViolations } from '../helpers/browser.ts';
import {
  type ConsoleInBrowser,
  type ConsoleServer,
  consoleInBrowser,
  signInWith,
} from '../helpers/console-server.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';

const CURATOR = 'cara@acme.test';
const MEMBER = 'rory@acme.test';
const REP = { id: 'U0REPA', email: 'reggie@acme.test' };

describe('the console: reference customers', () => {
  let server: ConsoleServer;
  let page: Page;
  let curator: Page;
  let slack: FakeSlackApi;
  let opened: ConsoleInBrowser;

  beforeAll(async () => {
    // Slack against a fake Web API, so a decision made in the console reaches the rep in chat.
    slack = await startFakeSlackApi({
      users: { U0RORY: { email: MEMBER, tz: 'UTC' }, [REP.id]: { email: REP.email, tz: 'UTC' } },
    });
    opened = await consoleInBrowser({
      curator: CURATOR,
      members: { U0RORY: MEMBER, [REP.id]: REP.email },
      signInAs: MEMBER,
      env: {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'test-signing-secret',
        SLACK_API_URL: slack.url,
      },
    });
    ({ server, page } = opened);
    curator = await (await opened.browser.newContext()).newPage();
    await signInWith(curator, await server.signInUrl(CURATOR));
  });
  afterAll(async () => {
    await opened?.close();
    await slack?.close();
  });

  const reference = (
    account: string,
    extra: {
      industry: string;
      status?: 'active' | 'paused';
      pausedReason?: string;
      workspaceId?: string;
      max?: number;
    },
  ) =>
    server.db.prisma.reference.create({
      data: {
        workspaceId: extra.workspaceId ?? 'acme',
        account,
        accountKey: account.toLowerCase(),
        industry: extra.industry,
        products: ['Payments'],
        ownerEmail: 'owner@acme.test',
        maxRequestsPer90Days: extra.max ?? 3,
        cooldownDays: 14,
        status: extra.status ?? 'active',
        pausedReason: extra.pausedReason ?? null,
      },
    });

  const repAsks = (referenceId: number, note: string) =>
    server.earshot.references.request({
      workspaceId: 'acme',
      platform: 'slack',
      userId: REP.id,
      isCurator: false,
      referenceId,
      note,
    });

  const text = async (target: Page, selector: string) => (await target.locator(selector).textContent()) ?? '';

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

  it('lets a curator pause and resume a reference, and chat sees it unavailable meanwhile', async () => {
    const { id } = await reference('Tailspin Air', { industry: 'Aviation' });
    await curator.goto(`${server.origin}/console/references`);
    await curator.getByRole('link', { name: 'Tailspin Air' }).click();
    await curator.waitForURL(`**/console/references/${id}`);
    expect(await seriousViolations(curator)).toEqual([]);
    expect(await text(curator, '#reference-now')).toContain('Available');

    await curator.getByRole('button', { name: 'Pause reference' }).click();
    await expect.poll(() => text(curator, '[role="alert"]')).toContain('Reason for pausing: say why');
    expect((await server.earshot.references.availability('acme', id)).available).toBe(true);

    await curator.getByLabel('Reason for pausing').fill('renewal at risk');
    await curator.getByRole('button', { name: 'Pause reference' }).click();
    await expect.poll(() => text(curator, '[role="status"]')).toContain('Paused Tailspin Air');
    expect(await text(curator, '#reference-status')).toBe('Paused: renewal at risk');
    expect(await text(curator, '#reference-now')).toContain('Not available: paused: renewal at risk');
    expect(await server.earshot.references.availability('acme', id)).toMatchObject({
      available: false,
      reasons: [{ kind: 'paused', reason: 'renewal at risk' }],
    });
    expect(await seriousViolations(curator)).toEqual([]);

    await curator.getByRole('button', { name: 'Resume reference' }).click();
    await expect.poll(() => text(curator, '[role="status"]')).toContain('Resumed Tailspin Air');
    expect(await text(curator, '#reference-now')).toContain('Available');
    expect((await server.earshot.references.availability('acme', id)).available).toBe(true);

    await curator.goto(`${server.origin}/console/audit`);
    const log = await text(curator, 'main');
    expect(log).toContain('Paused a reference');
    expect(log).toContain('Tailspin Air: paused (renewal at risk)');
    expect(log).toContain('Resumed a reference');
  });

  it('refuses limits that are not whole numbers (and an owner that is no email), naming the field and storing nothing, then saves good ones', async () => {
    const { id } = await reference('Litware Bank', { industry: 'Banking' });
    await curator.goto(`${server.origin}/console/references/${id}`);
    await curator.getByLabel('Max requests per 90 days').fill('0');
    await curator.getByLabel('Cooldown days').fill('two weeks');
    await curator.getByRole('button', { name: 'Save limits' }).click();
    await expect
      .poll(() => text(curator, '[role="alert"]'))
      .toContain('Max requests per 90 days must be a whole number of 1 or more, such as 3.');
    expect(await text(curator, '[role="alert"]')).toContain(
      'Cooldown days must be a whole number of 0 or more, such as 14.',
    );
    expect(await curator.getByLabel('Cooldown days').inputValue()).toBe('two weeks');
    expect(await seriousViolations(curator)).toEqual([]);
    const unchanged = await server.db.prisma.reference.findUniqueOrThrow({ where: { id } });
    expect([unchanged.maxRequestsPer90Days, unchanged.cooldownDays]).toEqual([3, 14]);

    // One good value and one bad: still nothing stored.
    await curator.getByLabel('Max requests per 90 days').fill('5');
    await curator.getByLabel('Cooldown days').fill('-1');
    await curator.getByRole('button', { name: 'Save limits' }).click();
    await expect.poll(() => text(curator, '[role="alert"]')).toContain('Cooldown days must be');
    expect((await server.db.prisma.reference.findUniqueOrThrow({ where: { id } })).maxRequestsPer90Days).toBe(
      3,
    );

    await curator.getByLabel('Cooldown days').fill('7');
    await curator.getByRole('button', { name: 'Save limits' }).click();
    await expect.poll(() => text(curator, '[role="status"]')).toContain('Limits saved for Litware Bank');
    expect(await text(curator, 'main dl')).toContain('at most 5 calls per 90 days; 7 days');
    const saved = await server.earshot.references.availability('acme', id);
    expect([saved.maxRequestsPer90Days, saved.cooldownDays]).toEqual([5, 7]);

    await curator.getByLabel('Owner email').fill('dee at litware');
    await curator.getByRole('button', { name: 'Save owner' }).click();
    await expect
      .poll(() => text(curator, '[role="alert"]'))
      .toContain('Owner email must be the owner’s email address');
    expect((await server.earshot.references.availability('acme', id)).ownerEmail).toBe('owner@acme.test');
    await curator.getByLabel('Owner email').fill('dee@litware.example');
    await curator.getByRole('button', { name: 'Save owner' }).click();
    await expect.poll(() => text(curator, '[role="status"]')).toContain('Owner saved for Litware Bank');
    expect((await server.earshot.references.availability('acme', id)).ownerEmail).toBe('dee@litware.example');
  });

  it('approves and declines pending requests as chat does: an override reason past the limit, the rep told, the history kept', async () => {
    const { id } = await reference('Adatum Retail', { industry: 'Retail', max: 1 });
    const first = await repAsks(id, 'Globex renewal');
    const second = await repAsks(id, 'Initech pilot');
    const third = await repAsks(id, 'Umbrella expansion');

    await curator.goto(`${server.origin}/console/references/requests`);
    expect(await seriousViolations(curator)).toEqual([]);
    const decide = (requestId: number) =>
      curator.locator('section.request', { has: curator.locator(`#request-${requestId}`) });

    await decide(first.requestId).getByLabel('Note to the rep').fill('Intro on Friday');
    await decide(first.requestId).getByRole('button', { name: 'Approve' }).click();
    await expect
      .poll(() => text(curator, '[role="status"]'))
      .toContain('Approved: Adatum Retail. The rep was told in chat.');
    const told = await slack.waitForCall('chat.postMessage', (call) =>
      String(call.args.text).includes('Adatum Retail was approved'),
    );
    expect(String(told.args.text)).toContain('"Intro on Friday"');

    // Now at its limit: approving needs an override reason, as in chat.
    await decide(second.requestId).getByRole('button', { name: 'Approve' }).click();
    await expect
      .poll(() => text(curator, '[role="alert"]'))
      .toMatch(
        /Override reason: Adatum Retail can't take another call now \(limit reached \(1 of 1.*give a reason/,
      );
    expect(await seriousViolations(curator)).toEqual([]);
    expect(
      (await server.db.prisma.referenceRequest.findUniqueOrThrow({ where: { id: second.requestId } })).status,
    ).toBe('pending');
    await decide(second.requestId).getByLabel('Override reason').fill('strategic deal, VP asked');
    await decide(second.requestId).getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => text(curator, '[role="status"]')).toContain('Approved: Adatum Retail');

    await decide(third.requestId).getByLabel('Note to the rep').fill('Try Northwind');
    await decide(third.requestId).getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => text(curator, '[role="status"]')).toContain('Declined: Adatum Retail');
    await slack.waitForCall('chat.postMessage', (call) =>
      String(call.args.text).includes('Adatum Retail was declined: "Try Northwind"'),
    );
    expect(await text(curator, 'main')).toContain('No requests are waiting.');

    await curator.goto(`${server.origin}/console/references/${id}`);
    const history = await curator.locator('#usage-history tbody tr').allTextContents();
    expect(history).toHaveLength(3);
    expect(history[0]).toContain('Umbrella expansion');
    expect(history[0]).toContain('Declined');
    expect(history[0]).toContain(`${CURATOR}`);
    expect(history[0]).toContain('“Try Northwind”');
    expect(history[1]).toContain('Initech pilot');
    expect(history[1]).toContain(`${CURATOR}: strategic deal, VP asked`);
    expect(history[2]).toContain('Globex renewal');
    expect(history[2]).toContain(REP.email);
    expect(history[2]).toContain('Approved');
    expect(await text(curator, '#reference-now')).toContain('limit reached (2 of 1');

    await curator.goto(`${server.origin}/console/audit`);
    expect(await text(curator, 'main')).toContain('Adatum Retail: request #');
    expect(await text(curator, 'main')).toContain('override: strategic deal, VP asked');
  });

  it('shows members everything read-only and refuses their hand-made posts', async () => {
    const { id } = await reference('Woodgrove Energy', { industry: 'Energy' });
    const pending = await repAsks(id, 'Contoso upsell');
    await page.goto(`${server.origin}/console/references/${id}`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await text(page, 'main h1')).toBe('Woodgrove Energy');
    expect(await text(page, '#usage-history')).toContain('Contoso upsell');
    expect(await page.locator('main form').count()).toBe(0);
    await page.goto(`${server.origin}/console/references/requests`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await text(page, 'main')).toContain('Contoso upsell');
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    // With the member's own, valid CSRF token: refused for the role, not for the token.
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const post = (path: string, form: Record<string, string>) =>
      page.request.post(`${server.origin}/console/references/${path}`, { form: { _csrf: csrf, ...form } });
    expect((await post(`${id}/limits`, { maxRequestsPer90Days: '9', cooldownDays: '0' })).status()).toBe(403);
    expect((await post(`${id}/pause`, { reason: 'because' })).status()).toBe(403);
    expect((await post(`${id}/owner`, { ownerEmail: 'me@acme.test' })).status()).toBe(403);
    expect((await post(`requests/${pending.requestId}`, { decision: 'approve' })).status()).toBe(403);
    const after = await server.db.prisma.reference.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ maxRequestsPer90Days: 3, status: 'active', ownerEmail: 'owner@acme.test' });
    expect(
      (await server.db.prisma.referenceRequest.findUniqueOrThrow({ where: { id: pending.requestId } }))
        .status,
    ).toBe('pending');
  });

  it('never shows or changes another organization’s references or requests', async () => {
    await ensureWorkspace(server.db, 'globex');
    const theirs = await reference('Globex Secret Account', { industry: 'Retail', workspaceId: 'globex' });
    const theirRequest = await server.earshot.references.request({
      workspaceId: 'globex',
      platform: 'slack',
      userId: 'U0GLOBEX',
      isCurator: false,
      referenceId: theirs.id,
      note: 'globex-only note',
    });
    expect((await curator.goto(`${server.origin}/console/references/${theirs.id}`))?.status()).toBe(404);
    expect(await text(curator, 'main')).not.toContain('Globex Secret Account');
    await curator.goto(`${server.origin}/console/references/requests`);
    expect(await text(curator, 'main')).not.toContain('globex-only note');
    await curator.goto(`${server.origin}/console/references`);
    expect(await text(curator, 'main')).not.toContain('Globex Secret Account');

    const csrf = await curator.locator('input[name="_csrf"]').first().inputValue();
    const post = (path: string, form: Record<string, string>) =>
      curator.request.post(`${server.origin}/console/references/${path}`, { form: { _csrf: csrf, ...form } });
    expect((await post(`${theirs.id}/pause`, { reason: 'mine now' })).status()).toBe(404);
    expect(
      (await post(`${theirs.id}/limits`, { maxRequestsPer90Days: '1', cooldownDays: '1' })).status(),
    ).toBe(404);
    expect((await post(`requests/${theirRequest.requestId}`, { decision: 'approve' })).status()).toBe(404);
    expect(await server.db.prisma.reference.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      status: 'active',
      maxRequestsPer90Days: 3,
    });
    expect(
      (await server.db.prisma.referenceRequest.findUniqueOrThrow({ where: { id: theirRequest.requestId } }))
        .status,
    ).toBe('pending');
  });
});
