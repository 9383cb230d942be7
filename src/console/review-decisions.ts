import type { EntryStore } from '../knowledge/entries/entry-store.ts';
import type { Entry } from '../knowledge/entry.ts';
import type { ConsoleAudit, ReviewAction } from './console-audit.ts';
import { visibleTo } from './private-audiences.ts';

/**
 * Approves or rejects pending entries with the same store calls as Slack's and Teams' review buttons,
 * recording each in the audit log. Entries no longer pending, not in the organization, or private to a
 * conversation not among `audiences` (those the curator is in) are left as they are and counted.
 */
export async function decideEntries(
  deps: { entries: Pick<EntryStore, 'getMany' | 'setStatus'>; audit: Pick<ConsoleAudit, 'record'> },
  request: {
    organization: string;
    actor: string;
    action: ReviewAction;
    ids: readonly number[];
    audiences?: readonly string[];
  },
): Promise<{ decided: Entry[]; skipped: number }> {
  const { organization, actor, action } = request;
  const ids = [...new Set(request.ids)];
  const found = await deps.entries.getMany(organization, ids);
  const decided: Entry[] = [];
  for (const entry of found) {
    if (entry.status !== 'pending' || !visibleTo(entry, request.audiences ?? [])) continue;
    const changed = await deps.entries.setStatus(
      organization,
      entry.id,
      action === 'approve' ? 'published' : 'rejected',
    );
    await deps.audit.record({ organization, actor, action, entry: changed });
    decided.push(changed);
  }
  return { decided, skipped: ids.length - decided.length };
}
