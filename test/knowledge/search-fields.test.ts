import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { writeAccounts } from '../../src/nudges/accounts/import-accounts.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

describe.each(DATABASE_KINDS)('searching topics, kinds, stages, accounts and industries on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
  });
  afterEach(() => earshot.close());

  const titles = async (query: string) =>
    (await earshot.search.search({ workspaceId: 'acme', query, limit: 10 })).map((hit) => hit.entry.title);

  const setAccount = (account: { name: string; industry?: string; domain?: string }) =>
    writeAccounts({
      db,
      clock: earshot.clock,
      workspaceId: 'acme',
      accounts: [{ ...account, ownerEmail: 'ana@example.com' }],
    });
  const setIndustry = (industry: string) => setAccount({ name: 'Harborview Health, Inc.', industry });

  it('finds an entry by a word only its topics hold', async () => {
    await seedEntry(db, {
      title: 'Renewal call',
      body: 'They will sign for two more years.',
      topics: ['retention'],
    });
    await seedEntry(db, { title: 'Pricing call', body: 'They asked for a discount.', topics: ['pricing'] });
    expect(await titles('retention')).toEqual(['Renewal call']);
  });

  it('finds what was heard from an account by its name and by its industry', async () => {
    await setIndustry('Healthcare');
    await seedEntry(db, {
      title: 'Patient names on invoices',
      body: 'Line items carry patient names.',
      account: 'Harborview Health',
    });
    await seedEntry(db, {
      title: 'Freight invoices',
      body: 'Scanned and faxed bills.',
      account: 'Calder Logistics',
    });
    expect(await titles('harborview')).toEqual(['Patient names on invoices']);
    expect(await titles('healthcare prospects')).toEqual(['Patient names on invoices']);
  });

  it('follows an account whose industry changes after the index was built', async () => {
    await setIndustry('Healthcare');
    await seedEntry(db, {
      title: 'Patient names on invoices',
      body: 'Line items carry patient names.',
      account: 'Harborview Health',
    });
    expect(await titles('healthcare')).toEqual(['Patient names on invoices']);
    await setIndustry('Public Sector');
    expect(await titles('healthcare')).toEqual([]);
    expect(await titles('public sector')).toEqual(['Patient names on invoices']);
  });

  it('answers a rep who names an account by its web domain, and follows a domain that changes', async () => {
    const setDomain = (domain: string) => setAccount({ name: 'Northlight Media', domain });
    await setDomain('northlightmedia.com');
    await seedEntry(db, {
      title: 'Wants the renewal quote by Friday',
      body: 'Their CFO asked for the three-year price before the board meets.',
      account: 'Northlight Media',
    });
    await seedEntry(db, {
      title: 'Media buyers ask about the renewal quote',
      body: 'Agencies want a price for three years.',
      account: 'Calder Logistics',
    });
    const answer = await earshot.ask({
      workspaceId: 'acme',
      question: 'Anything new from northlightmedia.com?',
    });
    expect(answer.heard).toBe(true);
    expect(answer.sources.map((source) => source.title)).toEqual(['Wants the renewal quote by Friday']);

    await setDomain('northlight.io');
    expect(await titles('northlightmedia.com')).toEqual([]);
    expect(await titles('northlight.io')).toEqual(['Wants the renewal quote by Friday']);
  });

  it('finds entries of a kind or a buying stage asked for in words', async () => {
    await seedEntry(db, { title: 'Heard on a call', body: 'The CFO wants a cheaper plan.', kind: 'chatter' });
    await seedEntry(db, { title: 'How to answer', body: 'Show the CFO the payback math.', kind: 'tip' });
    await seedEntry(db, { title: 'Early CFO', body: 'The CFO is only looking around.', stage: 'explore' });
    expect((await titles('CFO tips'))[0]).toBe('How to answer');
    expect((await titles('CFO exploring'))[0]).toBe('Early CFO');
  });

  it('lets a kind label add to the subject, never outweigh it', async () => {
    await seedEntry(db, {
      title: 'Anchor on payback',
      body: 'Anchor pricing on the payback period.',
      kind: 'tip',
    });
    await seedEntry(db, { title: 'Pushback', body: 'Their CFO said our pricing is high.', kind: 'chatter' });
    await seedEntry(db, {
      title: 'Open with an invoice',
      body: 'Open the demo with their own invoice.',
      kind: 'tip',
    });
    await seedEntry(db, {
      title: 'Ask about subsidiaries',
      body: 'Ask how many subsidiaries post bills.',
      kind: 'tip',
    });
    expect((await titles('pricing tips')).slice(0, 2)).toEqual(['Anchor on payback', 'Pushback']);
  });
});
