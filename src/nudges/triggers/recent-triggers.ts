import type { Database } from '../../db/database.ts';
import type { TriggerType } from './trigger-types.ts';

export interface TriggerAlert {
  id: number;
  ownerEmail: string;
  status: 'pending' | 'sending' | 'sent' | 'dismissed' | 'failed';
  /** When it may be sent next (pending): now, after quiet hours or a snooze, or a retry. */
  dueAt: Date;
  sentAt: Date | null;
  platform: string | null;
  snoozeCount: number;
  /** The owner's vote on the alert; null: no vote. */
  helpful: boolean | null;
  lastError: string | null;
  attempts: number;
}

export interface RecentTrigger {
  id: number;
  type: TriggerType;
  title: string;
  url: string | null;
  occurredAt: Date;
  receivedAt: Date;
  /** Null: no account matched; `cameWith` is what the event named. */
  account: { id: number; name: string; domain: string | null } | null;
  cameWith: { name: string | null; domain: string | null };
  alerts: TriggerAlert[];
}

/** Where a page of events ends: the next page starts after it. */
export interface TriggerCursor {
  occurredAt: Date;
  id: number;
}

/** The organization's trigger events, newest first, each with the alerts it caused, one page at a time. */
export async function recentTriggers(
  db: Database,
  query: {
    workspaceId: string;
    type?: TriggerType | null;
    /** true: only matched events; false: only unmatched; null: both. */
    matched?: boolean | null;
    before?: TriggerCursor | null;
    limit: number;
  },
): Promise<{ triggers: RecentTrigger[]; next: TriggerCursor | null }> {
  const { before } = query;
  const rows = await db.prisma.triggerEvent.findMany({
    where: {
      workspaceId: query.workspaceId,
      ...(query.type ? { type: query.type } : {}),
      ...(query.matched === true ? { accountId: { not: null } } : {}),
      ...(query.matched === false ? { accountId: null } : {}),
      ...(before
        ? {
            OR: [
              { occurredAt: { lt: before.occurredAt } },
              { occurredAt: before.occurredAt, id: { lt: before.id } },
            ],
          }
        : {}),
    },
    include: {
      account: { select: { id: true, name: true, domain: true } },
      nudges: { orderBy: { id: 'asc' } },
    },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    triggers: page.map((row) => ({
      id: row.id,
      type: row.type as TriggerType,
      title: row.title,
      url: row.url,
      occurredAt: row.occurredAt,
      receivedAt: row.receivedAt,
      account: row.account,
      cameWith: { name: row.accountName, domain: row.accountDomain },
      alerts: row.nudges.map((nudge) => ({
        id: nudge.id,
        ownerEmail: nudge.ownerEmail,
        status: nudge.status,
        dueAt: nudge.dueAt,
        sentAt: nudge.sentAt,
        platform: nudge.platform,
        snoozeCount: nudge.snoozeCount,
        helpful: nudge.helpful,
        lastError: nudge.lastError,
        attempts: nudge.attempts,
      })),
    })),
    next: rows.length > query.limit && last ? { occurredAt: last.occurredAt, id: last.id } : null,
  };
}
