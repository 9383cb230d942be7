import type { Database } from '../../db/database.ts';

/** One request for a reference, as its usage history shows it. */
export interface ReferenceRequestRecord {
  id: number;
  referenceId: number;
  account: string;
  /** The rep: their email when Earshot knows it, else their chat id. */
  requestedBy: string;
  platform: string;
  requestedAt: Date;
  note: string | null;
  status: 'pending' | 'approved' | 'declined' | 'done';
  /** The owner or curator who decided: email when known (the console records emails), else chat id. */
  decidedBy: string | null;
  decidedAt: Date | null;
  ownerNote: string | null;
  completedAt: Date | null;
  override: { by: string; reason: string | null } | null;
}

/** Every request for one reference of the organization, newest first. */
export async function referenceHistory(options: {
  db: Database;
  workspaceId: string;
  referenceId: number;
}): Promise<ReferenceRequestRecord[]> {
  return requestRecords(options.db, options.workspaceId, { referenceId: options.referenceId });
}

/** The organization's requests still waiting for a decision, oldest first (they have waited longest). */
export async function pendingReferenceRequests(options: {
  db: Database;
  workspaceId: string;
}): Promise<ReferenceRequestRecord[]> {
  const records = await requestRecords(options.db, options.workspaceId, { status: 'pending' });
  return records.reverse();
}

async function requestRecords(
  db: Database,
  workspaceId: string,
  where: { referenceId?: number; status?: 'pending' },
): Promise<ReferenceRequestRecord[]> {
  const requests = await db.prisma.referenceRequest.findMany({
    where: { workspaceId, ...where },
    include: { reference: { select: { account: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  const ids = [
    ...new Set(
      requests.flatMap((request) =>
        [request.requestedBy, request.decidedBy, request.overrideBy].filter((id): id is string => !!id),
      ),
    ),
  ];
  const people = await db.prisma.chatPerson.findMany({
    where: { workspaceId, userId: { in: ids }, email: { not: null } },
    select: { platform: true, userId: true, email: true },
  });
  const name = (platform: string, id: string) =>
    people.find((person) => person.platform === platform && person.userId === id)?.email ?? id;
  return requests.map((request) => ({
    id: request.id,
    referenceId: request.referenceId,
    account: request.reference.account,
    requestedBy: name(request.platform, request.requestedBy),
    platform: request.platform,
    requestedAt: request.createdAt,
    note: request.note,
    status: request.status,
    decidedBy: request.decidedBy ? name(request.platform, request.decidedBy) : null,
    decidedAt: request.decidedAt,
    ownerNote: request.ownerNote,
    completedAt: request.completedAt,
    override: request.overrideBy
      ? { by: name(request.platform, request.overrideBy), reason: request.overrideReason }
      : null,
  }));
}
