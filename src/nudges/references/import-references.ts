import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { refreshStatisticsAfterWrite } from '../../db/planner-statistics.ts';
import { readRecordFile, requiredText } from '../../records/read-record-file.ts';
import { accountNameKey } from '../accounts/account-keys.ts';

const REFERENCE_FIELDS = [
  'account',
  'industry',
  'products',
  'useCases',
  'ownerEmail',
  'ownerChatId',
  'maxRequestsPer90Days',
  'cooldownDays',
  'status',
  'pausedReason',
] as const;

const list = z
  .union([z.array(z.string()), z.string().transform((value) => value.split(/[;|]/))], {
    error: 'must be a list such as ["Payments", "Billing"] (in CSV: Payments; Billing)',
  })
  .transform((items) => items.map((item) => item.trim()).filter(Boolean));

const wholeNumber = (what: string, min: number) =>
  z.coerce
    .number(`must be ${what}`)
    .int(`must be a whole number of ${what}`)
    .min(min, `must be at least ${min}`)
    .max(10_000, 'must be at most 10000');

const referenceSchema = z
  .strictObject({
    account: requiredText('the reference customer’s name'),
    industry: requiredText('an industry such as Healthcare'),
    products: list.default([]),
    useCases: list.default([]),
    ownerEmail: z.email('must be the owner’s email address').trim().toLowerCase().optional(),
    ownerChatId: z.string().trim().min(1).optional(),
    maxRequestsPer90Days: wholeNumber('requests per 90 days, such as 3', 1),
    cooldownDays: wholeNumber('days, such as 14', 0),
    status: z.enum(['active', 'paused'], 'must be active or paused').default('active'),
    pausedReason: z.string().trim().optional(),
  })
  .refine((reference) => reference.ownerEmail || reference.ownerChatId, {
    path: ['ownerEmail'],
    message:
      'is required: give the owner’s email (or ownerChatId, a Slack or Teams user id) so requests reach them',
  })
  .refine((reference) => reference.status !== 'paused' || reference.pausedReason, {
    path: ['pausedReason'],
    message: 'is required when status is paused; say why, e.g. "open P1 service issue"',
  });

export type ReferenceInput = z.output<typeof referenceSchema>;

/** Imports reference customers (CSV or JSON Lines), updating ones already known by account name; all or nothing. */
export async function importReferences(options: {
  db: Database;
  workspaceId: string;
  file: string;
}): Promise<{ inserted: number; updated: number }> {
  const records = await readRecordFile(options.file, {
    schema: referenceSchema,
    fields: REFERENCE_FIELDS,
    listFields: ['products', 'useCases'],
    noun: 'reference',
  });
  return writeReferences({ ...options, references: records.map((record) => record.value) });
}

export async function writeReferences(options: {
  db: Database;
  workspaceId: string;
  references: ReferenceInput[];
}): Promise<{ inserted: number; updated: number }> {
  const { workspaceId } = options;
  const written = await options.db.prisma.$transaction(
    async (tx) => {
      let inserted = 0;
      let updated = 0;
      for (const reference of options.references) {
        const accountKey = accountNameKey(reference.account);
        const data = {
          account: reference.account,
          industry: reference.industry,
          products: reference.products,
          useCases: reference.useCases,
          ownerEmail: reference.ownerEmail ?? null,
          ownerChatId: reference.ownerChatId ?? null,
          maxRequestsPer90Days: reference.maxRequestsPer90Days,
          cooldownDays: reference.cooldownDays,
          status: reference.status,
          pausedReason: reference.status === 'paused' ? (reference.pausedReason ?? null) : null,
        };
        const existing = await tx.reference.findUnique({
          where: { workspaceId_accountKey: { workspaceId, accountKey } },
        });
        await tx.reference.upsert({
          where: { workspaceId_accountKey: { workspaceId, accountKey } },
          create: { workspaceId, accountKey, ...data },
          update: data,
        });
        if (existing) updated++;
        else inserted++;
      }
      return { inserted, updated };
    },
    { timeout: 120_000 },
  );
  await refreshStatisticsAfterWrite(options.db, written.inserted + written.updated, ['references']);
  return written;
}
