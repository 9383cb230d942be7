import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { EarshotError } from '../../src/errors.ts';
import type { Earshot } from '../../src/main.ts';
import { importAccounts } from '../../src/nudges/accounts/import-accounts.ts';
import type { TriggerEventInput } from '../../src/nudges/triggers/trigger-event.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DAY_MS, FakeClock } from '../helpers/fake-clock.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { ACCOUNTS_CSV, ACCOUNTS_JSONL, tempFile } from './nudge-fixtures.ts';

const W = 'T0SALES';
const NOW = '2026-11-22T15:00:00Z';

describe.each(DATABASE_KINDS)('accounts and trigger events (%s)', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let clock: FakeClock;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    clock = new FakeClock(NOW);
    earshot = await testEarshot(db, {}, { clock });
  });
  afterEach(() => earshot.close());

  const importFile = async (name: string, content: string) =>
    importAccounts({ db, clock, workspaceId: W, file: await tempFile(name, content) });
  const event = (overrides: Partial<TriggerEventInput> = {}): TriggerEventInput => ({
    type: 'funding',
    account: { domain: 'acme.com' },
    title: 'Acme Robotics raised a $40M Series B',
    occurredAt: new Date('2026-11-21T09:00:00Z'),
    ...overrides,
  });
  const ingest = (events: TriggerEventInput[]) =>
    earshot.ingestTriggers({ workspaceId: W, events, source: 'webhook' });

  it('imports accounts from CSV and JSON Lines, normalizing domains and keeping the owner’s chat id', async () => {
    expect(await importFile('accounts.csv', ACCOUNTS_CSV)).toMatchObject({ inserted: 3, updated: 0 });
    expect(await importFile('accounts.jsonl', ACCOUNTS_JSONL)).toMatchObject({ inserted: 2, updated: 0 });
    const accounts = await db.prisma.account.findMany({
      where: { workspaceId: W },
      orderBy: { name: 'asc' },
    });
    expect(accounts.map((a) => [a.name, a.domain, a.ownerEmail])).toEqual([
      ['Acme Robotics, Inc.', 'acme.com', 'ana@seller.example'],
      ['Globex', null, 'ana@seller.example'],
      ['Harborview Health', 'harborview.org', 'ben@seller.example'],
      ['Initech', 'initech.io', 'cy@seller.example'],
      ['Umbrella Corp', null, 'dee@seller.example'],
    ]);
    expect(accounts[0]?.ownerSlackId).toBe('U0ANA');
    expect(accounts[3]?.ownerTeamsId).toBe('00000000-0000-0000-0000-0000000000c1');
  });

  it('updates an account re-imported under the same domain instead of duplicating it', async () => {
    await importFile('accounts.csv', ACCOUNTS_CSV);
    const result = await importFile(
      'again.csv',
      'name,domain,owner_email\nAcme,acme.com,zoe@seller.example\n',
    );
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    const acme = await db.prisma.account.findMany({ where: { workspaceId: W, domain: 'acme.com' } });
    expect(acme.map((a) => [a.name, a.ownerEmail])).toEqual([['Acme', 'zoe@seller.example']]);
  });

  it('rejects a bad file naming each line and field, and stores nothing from it', async () => {
    const bad = `name,domain,owner email,favourite colour
Acme,acme.com,ana@seller.example,blue
`;
    await expect(importFile('bad.csv', bad)).rejects.toThrow(/favourite colour.*unknown column/s);
    const invalid = `{"name": "Acme", "ownerEmail": "ana@seller.example"}
{"name": "", "ownerEmail": "not-an-email"}
{"name": "Initech", "domain": "not a domain", "ownerEmail": "cy@seller.example"}
`;
    const error = await importFile('bad.jsonl', invalid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EarshotError);
    const message = (error as Error).message;
    expect(message).toMatch(/line 2.*name/);
    expect(message).toMatch(/line 2.*ownerEmail.*email address/);
    expect(message).toMatch(/line 3.*domain.*acme\.com/);
    expect(await db.prisma.account.count()).toBe(0);
  });

  it('matches events by domain, then by name without the legal form, and keeps unmatched ones', async () => {
    await importFile('accounts.csv', ACCOUNTS_CSV);
    const result = await ingest([
      event(),
      event({ type: 'exec_hire', account: { name: 'GLOBEX Ltd.' }, title: 'Globex hired a new CIO' }),
      event({
        type: 'news',
        account: { name: 'Harborview', domain: 'harborview.org' },
        title: 'Harborview opens a clinic',
      }),
      event({
        type: 'expansion',
        account: { name: 'Vandelay Industries' },
        title: 'Vandelay expands to Canada',
      }),
    ]);
    expect(result).toMatchObject({ received: 4, stored: 4, duplicates: 0, matched: 3, alertsQueued: 3 });
    expect(result.unmatched).toEqual([
      { title: 'Vandelay expands to Canada', account: { name: 'Vandelay Industries' } },
    ]);
    const nudges = await db.prisma.nudge.findMany({
      include: { trigger: true },
      orderBy: { triggerId: 'asc' },
    });
    expect(nudges.map((n) => [n.trigger.title, n.ownerEmail, n.status])).toEqual([
      ['Acme Robotics raised a $40M Series B', 'ana@seller.example', 'pending'],
      ['Globex hired a new CIO', 'ana@seller.example', 'pending'],
      ['Harborview opens a clinic', 'ben@seller.example', 'pending'],
    ]);
    const unmatched = await db.prisma.triggerEvent.findMany({ where: { accountId: null } });
    expect(unmatched.map((e) => e.title)).toEqual(['Vandelay expands to Canada']);
  });

  it('stores an event sent twice once and alerts its owner once', async () => {
    await importFile('accounts.csv', ACCOUNTS_CSV);
    await ingest([event()]);
    const again = await ingest([event(), event({ account: { domain: 'ACME.com' } })]);
    expect(again).toMatchObject({ stored: 0, duplicates: 2, alertsQueued: 0 });
    expect(await db.prisma.triggerEvent.count()).toBe(1);
    expect(await db.prisma.nudge.count()).toBe(1);
  });

  it('stores old events without alerting anyone about them', async () => {
    await importFile('accounts.csv', ACCOUNTS_CSV);
    const result = await ingest([event({ occurredAt: new Date(clock.now().getTime() - 45 * DAY_MS) })]);
    expect(result).toMatchObject({ stored: 1, matched: 1, alertsQueued: 0 });
  });

  it('matches waiting events when their account is imported later, and alerts the owner then', async () => {
    const first = await ingest([
      event({ account: { name: 'Initech' }, title: 'Initech raised a seed round' }),
    ]);
    expect(first.unmatched).toHaveLength(1);
    const imported = await importFile('accounts.jsonl', ACCOUNTS_JSONL);
    expect(imported).toMatchObject({ triggersMatched: 1, alertsQueued: 1 });
    const nudge = await db.prisma.nudge.findFirstOrThrow();
    expect(nudge.ownerEmail).toBe('cy@seller.example');
  });

  it('never matches an event to another workspace’s account', async () => {
    await importFile('accounts.csv', ACCOUNTS_CSV);
    const result = await earshot.ingestTriggers({
      workspaceId: 'T0OTHER',
      events: [event()],
      source: 'import',
    });
    expect(result).toMatchObject({ stored: 1, matched: 0, alertsQueued: 0 });
  });
});
