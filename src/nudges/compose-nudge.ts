import type { Database } from '../db/database.ts';
import { excerpt as excerptOf } from '../knowledge/answer/excerpt.ts';
import type { KnowledgeSearch } from '../knowledge/search/knowledge-search.ts';
import { safeHttpUrl } from '../render/safe-http-url.ts';
import type { NudgeView } from './nudge-view.ts';
import type { ReferenceDesk } from './references/reference-desk.ts';
import type { ReferenceAvailability } from './references/reference-views.ts';
import { TRIGGER_PLAYBOOK, type TriggerType } from './triggers/trigger-types.ts';

const MAX_ENTRIES = 3;
const MAX_REFERENCES = 3;

/**
 * What an owner needs about one trigger: what happened, why it matters, the best workspace-wide
 * knowledge for it (never private captures: a DM is not where a private channel's members are) and
 * references in the account's industry that can take a call now.
 */
export async function composeNudge(
  deps: { db: Database; search: KnowledgeSearch; references: ReferenceDesk },
  nudgeId: number,
  /** Shared by the alerts of one batch: many accounts share an industry, and availability is the same for all. */
  referencesByIndustry = new Map<string, Promise<ReferenceAvailability[]>>(),
): Promise<NudgeView> {
  const nudge = await deps.db.prisma.nudge.findUniqueOrThrow({
    where: { id: nudgeId },
    include: { trigger: { include: { account: true } } },
  });
  const { trigger } = nudge;
  const account = trigger.account;
  const type = trigger.type as TriggerType;
  const playbook = TRIGGER_PLAYBOOK[type];
  const industry = account?.industry ?? null;
  const hits = await deps.search.search({
    workspaceId: nudge.workspaceId,
    query: [trigger.title, playbook.searchTerms, industry ?? ''].join(' '),
    limit: MAX_ENTRIES,
  });
  const references = industry ? await availableIn(industry) : [];
  function availableIn(industry: string) {
    const key = `${nudge.workspaceId}\n${industry}`;
    let found = referencesByIndustry.get(key);
    if (!found) {
      found = deps.references
        .check({ workspaceId: nudge.workspaceId, criteria: industry })
        .then((list) => list.filter((reference) => reference.available).slice(0, MAX_REFERENCES));
      referencesByIndustry.set(key, found);
    }
    return found;
  }
  return {
    nudgeId: nudge.id,
    reminder: nudge.snoozeCount > 0,
    trigger: {
      type,
      label: playbook.label,
      title: trigger.title,
      url: safeHttpUrl(trigger.url)?.toString() ?? null,
      occurredAt: trigger.occurredAt,
    },
    account: {
      name: account?.name ?? trigger.accountName ?? trigger.accountDomain ?? 'an account',
      domain: account?.domain ?? trigger.accountDomain,
      industry,
    },
    why: playbook.why,
    entries: hits.map(({ entry }) => ({
      id: entry.id,
      kind: entry.kind,
      title: entry.title,
      excerpt: excerptOf(entry.body, trigger.title),
      url: safeHttpUrl(entry.sourceUrl)?.toString() ?? null,
    })),
    references: references.map((reference) => ({
      id: reference.id,
      account: reference.account,
      industry: reference.industry,
      products: reference.products,
    })),
  };
}
