import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { analyzeTables } from '../../src/db/planner-statistics.ts';
import {
  accountIndustries,
  accountPageSql,
  listAccounts,
} from '../../src/nudges/accounts/account-directory.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const ACCOUNTS = 100_000;

describe.each(DATABASE_KINDS)('the account list at 100k accounts (%s)', (kind) => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await db.query(`INSERT INTO workspaces (id) VALUES ('bigco'), ('other') ON CONFLICT DO NOTHING`);
    await db.query(
      `INSERT INTO accounts (workspace_id, name, name_key, domain, industry, owner_email, updated_at)
       SELECT CASE WHEN i % 10 = 0 THEN 'other' ELSE 'bigco' END,
              'Account ' || lpad(i::text, 6, '0'), 'account ' || lpad(i::text, 6, '0'),
              'account' || i || '.com', 'Industry ' || (i % 20), 'rep' || (i % 200) || '@bigco.test', now()
       FROM generate_series(1, $1::int) AS i`,
      [ACCOUNTS],
    );
    await analyzeTables(db, ['accounts']);
  }, 120_000);
  afterAll(() => db?.close());

  const run = async <T>(work: () => Promise<T>) => ({ result: await work() });

  it('reads a page, a search, an owner, an industry and the last page through indexes, from its own organization only', async () => {
    const page = (query: Partial<Parameters<typeof listAccounts>[1]>) =>
      run(() => listAccounts(db, { workspaceId: 'bigco', limit: 50, ...query }));

    const first = await page({});
    expect(first.result.accounts[0]?.name).toBe('Account 000001');
    expect(first.result.accounts).toHaveLength(50);

    const search = await page({ search: 'Account 04567' });
    expect(search.result.accounts.map((a) => a.name)).toEqual(
      Array.from({ length: 9 }, (_, i) => `Account 04567${i + 1}`),
    );
    const byDomain = await page({ search: 'account77777.c' });
    expect(byDomain.result.accounts.map((a) => a.name)).toEqual(['Account 077777']);

    const owner = await page({ owner: 'rep7@' });
    expect(owner.result.accounts.every((a) => a.ownerEmail === 'rep7@bigco.test')).toBe(true);
    expect(owner.result.accounts).toHaveLength(50);

    const industry = await page({ industry: 'Industry 3', after: 'account 050000' });
    expect(industry.result.accounts[0]?.name).toBe('Account 050003');

    const last = await page({ after: 'account 099990' });
    expect(last.result.accounts.map((a) => a.name)).toEqual([
      'Account 099991',
      'Account 099992',
      'Account 099993',
      'Account 099994',
      'Account 099995',
      'Account 099996',
      'Account 099997',
      'Account 099998',
      'Account 099999',
    ]);
    expect(last.result.next).toBeNull();

    const industries = await run(() => accountIndustries(db, 'bigco'));
    expect(industries.result).toHaveLength(18);

    // Every read goes through an index: none scans the organization's accounts.
    for (const query of [
      {},
      { search: 'Account 04567' },
      { owner: 'rep7@' },
      { industry: 'Industry 3', after: 'account 050000' },
      { after: 'account 099990' },
    ]) {
      const { sql, params } = accountPageSql({ workspaceId: 'bigco', limit: 50, ...query });
      const plan = (await db.query<Record<string, string>>(`EXPLAIN ${sql}`, params))
        .map((row) => Object.values(row)[0])
        .join('\n');
      expect(plan).not.toContain('Seq Scan');
    }
  });
});
