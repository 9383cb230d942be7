import type { EntryKind, EntryStatus } from '../knowledge/entry.ts';

/** What each kind of entry is called wherever entries are listed. */
export const KIND_LABELS: Record<EntryKind, string> = {
  chatter: 'Field intel',
  tip: 'Seller tip',
  research: 'Research',
  expert: 'Expert content',
  demo: 'Demo',
};

export const STATUS_LABELS: Record<EntryStatus, string> = {
  pending: 'pending review',
  published: 'published',
  rejected: 'rejected',
  archived: 'archived',
};
