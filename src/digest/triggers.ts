import { TRIGGER_PLAYBOOK } from '../nudges/triggers/trigger-types.ts';
import { safeHttpUrl } from '../render/safe-http-url.ts';
import type { Capped, DigestTrigger } from './digest.ts';
import type { DigestScope } from './digest-scope.ts';

/** Buying triggers that happened in the period, newest first; topic filters do not apply. */
export async function triggersOfPeriod(scope: DigestScope, cap: number): Promise<Capped<DigestTrigger>> {
  const where = { workspaceId: scope.workspaceId, occurredAt: { gte: scope.from, lt: scope.to } };
  const [rows, total] = await Promise.all([
    scope.db.prisma.triggerEvent.findMany({
      where,
      select: {
        id: true,
        type: true,
        title: true,
        url: true,
        occurredAt: true,
        accountName: true,
        accountDomain: true,
        account: { select: { name: true } },
      },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take: Number.isFinite(cap) ? cap : undefined,
    }),
    scope.db.prisma.triggerEvent.count({ where }),
  ]);
  const items = rows.map((row) => ({
    id: row.id,
    type: row.type,
    typeLabel: TRIGGER_PLAYBOOK[row.type].label,
    title: row.title,
    url: safeHttpUrl(row.url)?.toString() ?? null,
    occurredAt: row.occurredAt,
    account: row.account?.name ?? row.accountName ?? row.accountDomain,
  }));
  return { items, more: total - items.length };
}
