import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { addAccount, changeAccount } from '../../src/nudges/accounts/account-edits.ts';
import { matchTrigger } from '../../src/nudges/triggers/match-trigger.ts';
import { recentTriggers } from '../../src/nudges/triggers/recent-triggers.ts';
import type { TriggerEventInput } from '../../src/nudges/triggers/trigger-event.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DAY_MS, FakeClock } from '../helpers/fake-clock.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const W = 'acme';
const NOW = '2026-11-30T15:00:00Z';

describe.each(DATABASE_KINDS)('accounts and triggers changed by hand (%s)', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let clock: FakeClock;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    clock = new FakeClock(NOW);
    earshot = await testEarshot(db, {}, { clock });
  });
  afterEach(() => earshot.close());

  const draft = (overrides: Partial<Parameters<typeof addAccount>[0]['draft']> = {}) => ({
    name: 'Acme Robotics, Inc.',
    domain: 'acme.com',
    industry: 'Manufacturing',
    ownerEmail: 'ana@seller.example',
    ...overrides,
  });
  const add = (overrides: Parameters<typeof draft>[0] = {}, workspaceId = W) =>
    addAccount({ db, clock, workspaceId, draft: draft(overrides) });
  const ingest = (events: Array<Partial<TriggerEventInput>>, workspaceId = W) =>
    earshot.ingestTriggers({
      workspaceId,
      source: 'webhook',
      events: events.map((event) => ({
        type: 'funding',
        account: { domain: 'acme.com' },
        title: 'Acme raised a Series B',
        occurredAt: clock.now(),
        ...event,
      })),
    });

  it('refuses bad values and taken names or domains, naming the field, and stores nothing', async () => {
    expect(await add({ name: ' ', domain: 'nope', ownerEmail: 'ana' })).toEqual({
      ok: false,
      problems: [
        { field: 'name', message: 'must not be empty' },
        { field: 'domain', message: 'must be a domain such as acme.com (got "nope")' },
        {
          field: 'ownerEmail',
          message: 'must be the owner’s email address, such as ana@yourcompany.com (got "ana")',
        },
      ],
    });
    expect(await add({ name: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      problems: [{ field: 'name', message: 'must be at most 200 characters; shorten it' }],
    });
    expect(await db.prisma.account.count()).toBe(0);

    expect(await add({ domain: 'https://www.ACME.com/', ownerEmail: 'Ana@Seller.example' })).toMatchObject({
      ok: true,
      account: { domain: 'acme.com', ownerEmail: 'ana@seller.example' },
    });
    const again = await add({ name: 'ACME Robotics', domain: 'acme.com' });
    expect(again).toMatchObject({
      ok: false,
      problems: [
        { field: 'name', message: expect.stringContaining('“Acme Robotics, Inc.” already exists') },
        {
          field: 'domain',
          message: expect.stringContaining('acme.com already belongs to “Acme Robotics, Inc.”'),
        },
      ],
    });
    // The same name in another organization is its own account.
    expect(await add({}, 'globex')).toMatchObject({ ok: true });
    expect(await db.prisma.account.count({ where: { workspaceId: W } })).toBe(1);
  });

  it('matches waiting trigger events to an added account and to a changed domain, queueing alerts', async () => {
    await ingest([
      { account: { domain: 'initech.io' }, title: 'Initech hired a CFO' },
      { account: { domain: 'initech.com' }, title: 'Initech opened a Berlin office', type: 'expansion' },
    ]);
    const added = await add({ name: 'Initech', domain: 'initech.io' });
    expect(added).toMatchObject({ ok: true, triggersMatched: 1, alertsQueued: 1 });
    if (!added.ok) throw new Error('not added');
    const changed = await changeAccount({
      db,
      clock,
      workspaceId: W,
      accountId: added.account.id,
      draft: { domain: 'initech.com', industry: '', ownerEmail: 'ana@seller.example' },
    });
    expect(changed).toMatchObject({
      ok: true,
      changes: ['industry Manufacturing → (none)', 'domain initech.io → initech.com'],
      triggersMatched: 1,
      alertsQueued: 1,
    });
  });

  it('hands a new owner the alerts not yet sent and drops the old owner’s chat ids', async () => {
    const added = await add();
    if (!added.ok) throw new Error('not added');
    await db.prisma.account.update({ where: { id: added.account.id }, data: { ownerSlackId: 'U0ANA' } });
    await ingest([{ title: 'Acme raised a Series B' }, { title: 'Acme hired a CRO', type: 'exec_hire' }]);
    const [sent, pending] = await db.prisma.nudge.findMany({ orderBy: { id: 'asc' } });
    await db.prisma.nudge.update({ where: { id: sent?.id }, data: { status: 'sent', sentAt: clock.now() } });

    const change = (overrides: Partial<{ domain: string; industry: string; ownerEmail: string }>) =>
      changeAccount({
        db,
        clock,
        workspaceId: W,
        accountId: added.account.id,
        draft: {
          domain: 'acme.com',
          industry: 'Manufacturing',
          ownerEmail: 'ana@seller.example',
          ...overrides,
        },
      });
    expect(await change({})).toMatchObject({ ok: true, changes: [] });
    expect(await change({ ownerEmail: 'ben@' })).toMatchObject({
      ok: false,
      problems: [{ field: 'ownerEmail' }],
    });
    expect(await change({ ownerEmail: 'Ben@Seller.example' })).toMatchObject({
      ok: true,
      changes: ['owner ana@seller.example → ben@seller.example'],
    });
    const nudges = await db.prisma.nudge.findMany({ orderBy: { id: 'asc' } });
    expect(nudges.map((n) => [n.id, n.ownerEmail, n.status])).toEqual([
      [sent?.id, 'ana@seller.example', 'sent'],
      [pending?.id, 'ben@seller.example', 'pending'],
    ]);
    const account = await db.prisma.account.findUniqueOrThrow({ where: { id: added.account.id } });
    expect([account.ownerEmail, account.ownerSlackId]).toEqual(['ben@seller.example', null]);
    // Another organization's account is not this organization's to change.
    expect(
      await changeAccount({
        db,
        clock,
        workspaceId: 'globex',
        accountId: added.account.id,
        draft: { domain: '', industry: '', ownerEmail: 'spy@globex.example' },
      }),
    ).toBeNull();
  });

  it('matches an unmatched event by hand to an account named by domain or name, once', async () => {
    await add();
    await ingest([
      { account: { name: 'Acme Deutschland', domain: 'acme.de' }, title: 'Acme Germany raised' },
      {
        account: { domain: 'acme.fr' },
        title: 'Acme France hired a CEO',
        occurredAt: new Date(clock.now().getTime() - 40 * DAY_MS),
      },
    ]);
    await ingest([{ account: { domain: 'acme.de' }, title: 'Globex sees this one' }], 'globex');
    const [fresh, old] = (await recentTriggers(db, { workspaceId: W, matched: false, limit: 10 })).triggers;
    if (!fresh || !old) throw new Error('seeding failed');
    const match = (triggerId: number, account: string, workspaceId = W) =>
      matchTrigger({ db, clock, workspaceId, triggerId, account });

    expect(await match(fresh.id, 'unknown.example')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('Account: no account is named “unknown.example”'),
    });
    expect(await match(fresh.id, 'acme robotics')).toMatchObject({
      ok: true,
      account: { name: 'Acme Robotics, Inc.' },
      alertsQueued: 1,
    });
    expect(await match(fresh.id, 'acme.com')).toMatchObject({ ok: false });
    // Too old to alert: matched, but no alert.
    expect(await match(old.id, 'https://acme.com')).toMatchObject({ ok: true, alertsQueued: 0 });

    const globex = (await recentTriggers(db, { workspaceId: 'globex', limit: 10 })).triggers[0];
    if (!globex) throw new Error('seeding failed');
    expect(await match(globex.id, 'acme.com')).toMatchObject({ ok: false });
    expect(await db.prisma.nudge.count({ where: { workspaceId: 'globex' } })).toBe(0);
  });

  it('pages through trigger events newest first, including events that happened at the same moment', async () => {
    await add();
    const at = clock.now();
    await ingest([
      { title: 'First', occurredAt: new Date(at.getTime() - DAY_MS) },
      { title: 'Second', occurredAt: at },
      { title: 'Third', occurredAt: at, type: 'news' },
    ]);
    const titles = async (before: Parameters<typeof recentTriggers>[1]['before']) => {
      const page = await recentTriggers(db, { workspaceId: W, limit: 2, before });
      return { titles: page.triggers.map((t) => t.title), next: page.next };
    };
    const first = await titles(null);
    expect(first.titles).toEqual(['Third', 'Second']);
    const second = await titles(first.next);
    expect(second).toEqual({ titles: ['First'], next: null });
    expect((await recentTriggers(db, { workspaceId: W, type: 'news', limit: 5 })).triggers).toMatchObject([
      { title: 'Third', account: { name: 'Acme Robotics, Inc.' }, alerts: [{ status: 'pending' }] },
    ]);
  });
});
