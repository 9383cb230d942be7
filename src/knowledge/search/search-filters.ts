import type { BuyingStage, EntryKind } from '../entry.ts';
import type { IndexedDocMeta } from './lexical-index.ts';

export interface SearchFilters {
  kinds?: EntryKind[];
  stage?: BuyingStage;
  topic?: string;
  /** Inclusive bounds on the entry's created date. */
  from?: Date;
  to?: Date;
}

/** A predicate over index metadata, or undefined when nothing is filtered. */
export function toPredicate(filters: SearchFilters = {}): ((doc: IndexedDocMeta) => boolean) | undefined {
  const { kinds, stage, from, to } = filters;
  const topic = filters.topic?.toLowerCase();
  if (!kinds?.length && !stage && !topic && !from && !to) return undefined;
  return (doc) =>
    (!kinds?.length || kinds.includes(doc.kind)) &&
    (!stage || doc.stage === stage) &&
    (!topic || doc.topics.includes(topic)) &&
    (!from || doc.createdAt >= from) &&
    (!to || doc.createdAt <= to);
}
