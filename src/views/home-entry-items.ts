import type { Entry } from '../knowledge/entry.ts';
import { dueReviewView } from './due-review-view.ts';
import { itemFromView } from './item-from-view.ts';
import type { MergeTarget } from './merge-entry-form.ts';
import { reviewItemView } from './review-item-view.ts';
import type { ViewItem } from './view-model.ts';

/**
 * The per-entry parts of the home view: the same review and due-for-review items curators get on their
 * own, as list items so the home's truncation policy still applies.
 */
export function queuedEntryItem(entry: Entry, mergeTargets?: MergeTarget[]): ViewItem {
  return itemFromView(
    reviewItemView(entry, mergeTargets ? { mergeTargets } : {}),
    `earshot_queue_${entry.id}`,
  );
}

export function dueEntryItem(entry: Entry, now: Date): ViewItem {
  return itemFromView(dueReviewView(entry, now), `earshot_due_${entry.id}`);
}
