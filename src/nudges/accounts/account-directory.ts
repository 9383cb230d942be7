import type { Database } from '../../db/database.ts';
import { accountNameKey, domainKey } from './account-keys.ts';

export interface ListedAccount {
  id: number;
  name: string;
  domain: string | null;
  industry: string | null;
  ownerEmail: string;
  /** The platforms where Earshot has met the owner, so an alert can reach them; empty: not yet. */
  ownerFoundIn: string[];
  updatedAt: Date;
}

export interface AccountQuery {
  workspaceId: string;
  /** The start of a name ("Acme Rob") or a domain ("acme.c"). */
  search?: string | null;
  /** Exactly as stored, as `accountIndustries` lists them. */
  industry?: string | null;
  /** The start of the owner's email. */
  owner?: string | null;
  /** The name key of the last account of the previous page. */
  after?: string | null;
  limit: number;
}

interface AccountRow {
  id: number;
  name: string;
  name_key: string;
  domain: string | null;
  industry: string | null;
  owner_email: string;
  updated_at: Date | string;
}

/**
 * One page of the organization's accounts in name order. Every condition is a prefix or equality on
 * an indexed column and pages continue after a name key, so a page costs the same at 100 or 100k accounts.
 */
export async function listAccounts(
  db: Database,
  query: AccountQuery,
): Promise<{ accounts: ListedAccount[]; next: string | null }> {
  const { sql, params } = accountPageSql(query);
  const rows = await db.query<AccountRow>(sql, params);
  const page = rows.slice(0, query.limit);
  const found = await ownersFound(db, query.workspaceId, [...new Set(page.map((row) => row.owner_email))]);
  return {
    accounts: page.map((row) => ({
      id: row.id,
      name: row.name,
      domain: row.domain,
      industry: row.industry,
      ownerEmail: row.owner_email,
      ownerFoundIn: found.get(row.owner_email) ?? [],
      updatedAt: new Date(row.updated_at),
    })),
    next: rows.length > query.limit ? (page.at(-1)?.name_key ?? null) : null,
  };
}

/** The one statement that reads a page of accounts (exported so tests can check its plan). */
export function accountPageSql(query: AccountQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.workspaceId];
  const where = ['workspace_id = $1'];
  const param = (value: unknown) => `$${params.push(value)}`;
  const search = query.search?.trim();
  if (search) {
    where.push(
      `(name_key LIKE ${param(`${likePrefix(accountNameKey(search))}%`)} OR domain LIKE ${param(`${likePrefix(domainKey(search))}%`)})`,
    );
  }
  if (query.industry) where.push(`industry = ${param(query.industry)}`);
  const owner = query.owner?.trim().toLowerCase();
  if (owner) where.push(`owner_email LIKE ${param(`${likePrefix(owner)}%`)}`);
  if (query.after) where.push(`name_key > ${param(query.after)}`);
  const sql = `SELECT id, name, name_key, domain, industry, owner_email, updated_at FROM accounts
     WHERE ${where.join(' AND ')} ORDER BY name_key LIMIT ${param(query.limit + 1)}`;
  return { sql, params };
}

/** The industries the organization's accounts name, each once, in order (read by skipping through the index). */
export async function accountIndustries(db: Database, workspaceId: string, limit = 500): Promise<string[]> {
  const rows = await db.query<{ industry: string }>(
    `WITH RECURSIVE found AS (
       (SELECT industry FROM accounts WHERE workspace_id = $1 AND industry IS NOT NULL ORDER BY industry LIMIT 1)
       UNION ALL
       SELECT (SELECT a.industry FROM accounts a WHERE a.workspace_id = $1 AND a.industry > found.industry
               ORDER BY a.industry LIMIT 1)
       FROM found WHERE found.industry IS NOT NULL)
     SELECT industry FROM found WHERE industry IS NOT NULL LIMIT $2`,
    [workspaceId, limit],
  );
  return rows.map((row) => row.industry);
}

async function ownersFound(db: Database, workspaceId: string, emails: string[]) {
  const found = new Map<string, string[]>();
  if (emails.length === 0) return found;
  const people = await db.prisma.chatPerson.findMany({
    where: { workspaceId, email: { in: emails } },
    select: { email: true, platform: true },
    orderBy: { platform: 'asc' },
  });
  for (const person of people) {
    if (!person.email) continue;
    const platforms = found.get(person.email) ?? [];
    if (!platforms.includes(person.platform)) platforms.push(person.platform);
    found.set(person.email, platforms);
  }
  return found;
}

/** A value matched literally at the start of a LIKE pattern. */
function likePrefix(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
