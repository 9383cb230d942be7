import type { EntryKind } from '../knowledge/entry.ts';

/** How each kind of knowledge is named to readers. */
export const KIND_LABELS: Record<EntryKind, string> = {
  chatter: 'Field intel',
  tip: 'Seller tip',
  research: 'Research',
  expert: 'Expert content',
  demo: 'Demo',
};
