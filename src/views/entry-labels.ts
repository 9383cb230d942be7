import type { EntryStatus } from '../knowledge/entry.ts';

export const STATUS_LABELS: Record<EntryStatus, string> = {
  pending: 'pending review',
  published: 'published',
  rejected: 'rejected',
  archived: 'archived',
};
