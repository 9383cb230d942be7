import type { BuyingStage, EntryKind } from '../entry.ts';
import type { IndexedDocMeta } from './lexical-index.ts';

export interface SearchFilters {
  kinds?: EntryKind[];
  stage?: BuyingStage;
  topic?: string;
  /**
   * The entry's own industry or its source account's, compared lower-case ("healthcare"); an entry
   * whose text names the industry (or a common word for it, "hospitals") counts too.
   */
  industry?: string;
  /** A canonical buyer role (see buyer-roles.ts) the entry is tagged with. */
  role?: string;
  /** Inclusive bounds on the entry's created date. */
  from?: Date;
  to?: Date;
}

/** Who is searching, which decides the private entries they may see. */
export interface SearchViewer {
  /**
   * The conversation the request was made in, platform-qualified as audiences are stored
   * (`conversationKey('slack', 'G0123')`): a raw channel id matches nothing.
   */
  conversationKey?: string;
}

/**
 * An entry with an audience is visible only to a request made in that same conversation. Without a
 * conversation (command line, digests) only workspace-wide entries are: private content is never the default.
 */
export function canSee(viewer: SearchViewer | undefined, audience: string | null): boolean {
  return audience === null || (!!viewer?.conversationKey && audience === viewer.conversationKey);
}

/** A predicate over index metadata: the filters, and always what the viewer may see. */
export function toPredicate(
  filters: SearchFilters = {},
  viewer?: SearchViewer,
  /** Ids of the entries whose text names `filters.industry`, when the index was asked. */
  mentionsIndustry?: ReadonlySet<number>,
): (doc: IndexedDocMeta) => boolean {
  const { kinds, stage, from, to } = filters;
  const topic = filters.topic?.toLowerCase();
  const industry = filters.industry?.toLowerCase();
  const { role } = filters;
  return (doc) =>
    canSee(viewer, doc.audience) &&
    (!kinds?.length || kinds.includes(doc.kind)) &&
    (!stage || doc.stage === stage) &&
    (!topic || doc.topics.includes(topic)) &&
    (!industry || !!doc.industries?.includes(industry) || !!mentionsIndustry?.has(doc.id)) &&
    (!role || !!doc.roles?.includes(role)) &&
    (!from || doc.createdAt >= from) &&
    (!to || doc.createdAt <= to);
}
