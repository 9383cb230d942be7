import { canonicalRole } from '../knowledge/buyer-roles.ts';
import { BUYING_STAGES, type BuyingStage, ENTRY_KINDS, type EntryKind } from '../knowledge/entry.ts';
import { type EntryFilters, RECENT_DAYS, type RecentDays } from './pages/knowledge-page.ts';

const MAX_FILTER_CHARS = 100;

/** The knowledge page's filter from query or form fields; anything unknown is dropped, not an error. */
export function filtersOf(param: (name: string) => string | undefined): EntryFilters {
  const kind = param('kind');
  const stage = param('stage');
  const line = (name: string) =>
    (param(name) ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_FILTER_CHARS) || null;
  const days = Number(param('days'));
  const role = canonicalRole(param('role') ?? '');
  return {
    kind: ENTRY_KINDS.includes(kind as EntryKind) ? (kind as EntryKind) : null,
    stage: BUYING_STAGES.includes(stage as BuyingStage) ? (stage as BuyingStage) : null,
    topic: line('topic'),
    industry: line('industry'),
    role: role ?? null,
    author: line('author'),
    days: (RECENT_DAYS as readonly number[]).includes(days) ? (days as RecentDays) : null,
  };
}

/** What the store needs for the filter, as of `now`. */
export function storeFilter(filters: EntryFilters, now: Date) {
  return {
    kind: filters.kind ?? undefined,
    topic: filters.topic ?? undefined,
    stage: filters.stage ?? undefined,
    industry: filters.industry ?? undefined,
    role: filters.role ?? undefined,
    author: filters.author ?? undefined,
    ...(filters.days ? { since: new Date(now.getTime() - filters.days * DAY_MS) } : {}),
  };
}

const DAY_MS = 86_400_000;
