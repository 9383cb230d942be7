import type { EntryStore } from '../knowledge/entries/entry-store.ts';
import type { Entry } from '../knowledge/entry.ts';
import type { KnowledgeSearch } from '../knowledge/search/knowledge-search.ts';
import type { MergeTarget } from '../views/merge-entry-form.ts';

const MAX_CANDIDATES = 100;

/**
 * The published entries with the same audience an entry may duplicate (public with public, a private
 * conversation's with its own, as chat's merge offers them): those its own words find first, then the
 * newest. The caller has checked the viewer may see the entry, and so its audience.
 */
export async function mergeCandidates(
  deps: { search: Pick<KnowledgeSearch, 'search'>; entries: Pick<EntryStore, 'list'> },
  entry: Entry,
): Promise<MergeTarget[]> {
  const eligible = (candidate: Entry) =>
    candidate.id !== entry.id && candidate.status === 'published' && candidate.audience === entry.audience;
  const [alike, newest] = await Promise.all([
    deps.search.search({
      workspaceId: entry.workspaceId,
      query: `${entry.title} ${entry.body}`.slice(0, 2_000),
      ...(entry.audience ? { viewer: { conversationKey: entry.audience } } : {}),
      limit: 20,
    }),
    deps.entries.list({
      workspaceId: entry.workspaceId,
      status: 'published',
      audience: entry.audience,
      limit: MAX_CANDIDATES,
    }),
  ]);
  const byId = new Map<number, MergeTarget>();
  for (const candidate of [...alike.map((hit) => hit.entry), ...newest]) {
    if (eligible(candidate) && !byId.has(candidate.id))
      byId.set(candidate.id, { id: candidate.id, title: candidate.title });
  }
  return [...byId.values()].slice(0, MAX_CANDIDATES);
}
