import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Entry } from '../knowledge/entry.ts';

/** The review queue's decisions. */
export type ReviewAction = 'approve' | 'reject';
/** Actions on one entry: review decisions, and the curation done on an entry's page, the due-for-review page or the create form. */
export type EntryAuditAction = ReviewAction | 'edit' | 'merge' | 'reviewed' | 'create';
/** Actions on many entries at once, described in words. */
export type BulkAuditAction = 'import' | 'export' | 'synonym-added' | 'synonym-removed';
/** Changes to reference customers and decisions on their requests, described in words. */
export type ReferenceAuditAction =
  | 'reference-limits'
  | 'reference-paused'
  | 'reference-resumed'
  | 'reference-owner'
  | 'reference-request-decided';
/** Changes to the organization's weekly digest subscriptions, described in words. */
export type DigestAuditAction = 'digest-changed' | 'digest-removed';
/** Accounts and trigger events, described in words. */
export type AccountAuditAction = 'account-added' | 'account-changed' | 'trigger-matched';
/** Actions described in words rather than by one entry. */
export type DetailAuditAction =
  | BulkAuditAction
  | ReferenceAuditAction
  | DigestAuditAction
  | AccountAuditAction;
export type AuditAction = EntryAuditAction | DetailAuditAction;

export interface AuditEvent {
  id: number;
  actor: string;
  action: AuditAction;
  /** Null for an action on many entries. */
  entryId: number | null;
  entryTitle: string | null;
  /** What an action on many entries did ("people.csv: 12 added, 3 updated"). */
  detail: string | null;
  at: Date;
}

/** What curators did in the console: who, what, when, which entry. */
export class ConsoleAudit {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  /** `title` replaces the entry's title in the log when the action needs more words (a merge names both). */
  async record(event: {
    organization: string;
    actor: string;
    action: EntryAuditAction;
    entry: Entry;
    title?: string;
  }) {
    await this.deps.db.prisma.consoleAuditEvent.create({
      data: {
        workspaceId: event.organization,
        actor: event.actor,
        action: event.action,
        entryId: event.entry.id,
        entryTitle: event.title ?? event.entry.title,
        createdAt: this.deps.clock.now(),
      },
    });
  }

  /**
   * An action on many entries (an import, an export, a synonym that changes what searches find), on a
   * reference customer, a digest subscription, an account or a trigger event, with what it did.
   */
  async recordBulk(event: {
    organization: string;
    actor: string;
    action: DetailAuditAction;
    detail: string;
  }) {
    await this.deps.db.prisma.consoleAuditEvent.create({
      data: {
        workspaceId: event.organization,
        actor: event.actor,
        action: event.action,
        detail: event.detail,
        createdAt: this.deps.clock.now(),
      },
    });
  }

  /** The organization's latest events, newest first. */
  async latest(organization: string, limit = 200): Promise<AuditEvent[]> {
    const rows = await this.deps.db.prisma.consoleAuditEvent.findMany({
      where: { workspaceId: organization },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    return rows.map((row) => ({
      id: row.id,
      actor: row.actor,
      action: row.action as AuditAction,
      entryId: row.entryId,
      entryTitle: row.entryTitle,
      detail: row.detail,
      at: row.createdAt,
    }));
  }
}
