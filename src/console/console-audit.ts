import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Entry } from '../knowledge/entry.ts';

/** Review decisions, and the curation done on an entry's page or the due-for-review page. */
export type AuditAction = 'approve' | 'reject' | 'edit' | 'merge' | 'reviewed';

export interface AuditEvent {
  id: number;
  actor: string;
  action: AuditAction;
  entryId: number;
  entryTitle: string;
  at: Date;
}

/** What curators did in the console: who, what, when, which entry. */
export class ConsoleAudit {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  /** `title` replaces the entry's title in the log when the action needs more words (a merge names both). */
  async record(event: {
    organization: string;
    actor: string;
    action: AuditAction;
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
      at: row.createdAt,
    }));
  }
}
