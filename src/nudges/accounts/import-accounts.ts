import { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { refreshStatisticsAfterWrite } from '../../db/planner-statistics.ts';
import { readRecordFile, requiredText } from '../../records/read-record-file.ts';
import { rematchTriggers } from '../triggers/ingest-triggers.ts';
import { accountNameKey, domainKey } from './account-keys.ts';

const ACCOUNT_FIELDS = ['name', 'domain', 'industry', 'ownerEmail', 'ownerSlackId', 'ownerTeamsId'] as const;

/** One account as a file or form gives it; the CLI import and the console validate with it. */
export const accountSchema = z.strictObject({
  name: requiredText('the account name'),
  domain: z
    .string()
    .trim()
    .transform(domainKey)
    .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain such as acme.com'))
    .optional(),
  industry: z.string().trim().optional(),
  ownerEmail: z.email('must be the owner’s email address, such as ana@yourcompany.com').trim().toLowerCase(),
  ownerSlackId: z
    .string()
    .trim()
    .regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user id such as U024BE7LH')
    .optional(),
  ownerTeamsId: z.string().trim().min(1).optional(),
});

export type AccountInput = z.output<typeof accountSchema>;

export interface AccountImportResult {
  inserted: number;
  updated: number;
  /** Earlier unmatched trigger events that now belong to an account. */
  triggersMatched: number;
  alertsQueued: number;
}

/** Imports accounts and their owners (CSV or JSON Lines) in one transaction: all or nothing. */
export async function importAccounts(options: {
  db: Database;
  clock: Clock;
  workspaceId: string;
  file: string;
}): Promise<AccountImportResult> {
  const records = await readRecordFile(options.file, {
    schema: accountSchema,
    fields: ACCOUNT_FIELDS,
    noun: 'account',
  });
  return writeAccounts({ ...options, accounts: records.map((record) => record.value) });
}

/** Upserts accounts by domain when given, else by name, then matches waiting trigger events to them. */
export async function writeAccounts(options: {
  db: Database;
  clock: Clock;
  workspaceId: string;
  accounts: AccountInput[];
}): Promise<AccountImportResult> {
  const { db, workspaceId } = options;
  const written = await db.prisma.$transaction(
    async (tx) => {
      let inserted = 0;
      let updated = 0;
      for (const account of options.accounts) {
        const nameKey = accountNameKey(account.name);
        const data = {
          name: account.name,
          nameKey,
          domain: account.domain ?? null,
          industry: account.industry || null,
          ownerEmail: account.ownerEmail,
          ownerSlackId: account.ownerSlackId ?? null,
          ownerTeamsId: account.ownerTeamsId ?? null,
        };
        const existing = await tx.account.findFirst({
          where: {
            workspaceId,
            OR: [...(account.domain ? [{ domain: account.domain }] : []), { nameKey }],
          },
          orderBy: { id: 'asc' },
        });
        if (existing) {
          await tx.account.update({ where: { id: existing.id }, data });
          updated++;
        } else {
          await tx.account.create({ data: { workspaceId, ...data } });
          inserted++;
        }
      }
      return { inserted, updated };
    },
    { timeout: 120_000 },
  );
  await refreshStatisticsAfterWrite(db, written.inserted + written.updated, ['accounts']);
  // Idempotent, so it may run after the accounts are committed: a failure here loses nothing.
  const rematched = await rematchTriggers(db, { workspaceId, now: options.clock.now() });
  return { ...written, ...rematched };
}
