import type { Database } from '../../src/db/database.ts';
import { accountNameKey } from '../../src/nudges/accounts/account-keys.ts';

const DAY = 86_400_000;

/** A reference customer, available with room to spare unless told otherwise. */
export async function seedReference(
  db: Database,
  workspaceId: string,
  fields: {
    account: string;
    industry?: string;
    products?: string[];
    useCases?: string[];
    ownerEmail?: string | null;
    maxRequestsPer90Days?: number;
    cooldownDays?: number;
    pausedReason?: string;
  },
) {
  const { pausedReason, ...rest } = fields;
  return db.prisma.reference.create({
    data: {
      workspaceId,
      accountKey: accountNameKey(fields.account),
      industry: 'Healthcare',
      products: [],
      useCases: [],
      ownerEmail: 'dana@example.com',
      maxRequestsPer90Days: 3,
      cooldownDays: 14,
      ...rest,
      ...(pausedReason ? { status: 'paused' as const, pausedReason } : {}),
    },
  });
}

/** A request approved `daysAgo` days ago, counting against the reference's 90-day limit. */
export async function seedApprovedRequest(
  db: Database,
  reference: { id: number; workspaceId: string },
  daysAgo: number,
) {
  return db.prisma.referenceRequest.create({
    data: {
      workspaceId: reference.workspaceId,
      referenceId: reference.id,
      platform: 'slack',
      requestedBy: 'U_SOMEONE',
      status: 'approved',
      decidedBy: 'U_DANA',
      decidedAt: new Date(Date.now() - daysAgo * DAY),
    },
  });
}

/** An account owned by `ownerEmail`, whose trigger events become alerts to them. */
export async function seedAccount(
  db: Database,
  workspaceId: string,
  fields: { name: string; domain: string; industry?: string; ownerEmail: string },
) {
  return db.prisma.account.create({
    data: {
      workspaceId,
      name: fields.name,
      nameKey: accountNameKey(fields.name),
      domain: fields.domain,
      industry: fields.industry ?? null,
      ownerEmail: fields.ownerEmail,
    },
  });
}
