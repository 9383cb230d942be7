import type { Entry } from '../knowledge/entry.ts';
import { editEntryForm } from './edit-entry-form.ts';
import { entryTitle, excerpt, kindAndTitle, origin, tags } from './entry-lines.ts';
import { type MergeTarget, mergeEntryForm, mergeTargetsFor } from './merge-entry-form.ts';
import { actionButton } from './view-actions.ts';
import type { Line, MessageView, ViewButton } from './view-model.ts';

/** Merge targets a review item offers inline (Teams): enough to find a duplicate, few enough for a card. */
const MAX_INLINE_TARGETS = 25;

export interface ReviewItemOptions {
  /**
   * Entries it may duplicate, offered by Merge; none: no Merge button. Left out, Merge asks for the
   * target when pressed (Slack opens the form then, so App Home need not search for every entry).
   */
  mergeTargets?: MergeTarget[];
}

/**
 * One pending entry for a curator: kind and title, an excerpt, where it came from, who may see it,
 * how it is tagged; then Approve, Edit, Merge into… and Reject (confirmed). Its blocks can be
 * embedded in a longer view (App Home), whose list items can also be built from `kindAndTitle`,
 * `excerpt`, `reviewDetails` and `reviewButtons`; the buttons row is named after the entry.
 */
export function reviewItemView(entry: Entry, options: ReviewItemOptions = {}): MessageView {
  return {
    fallback: `Waiting for review: ${entryTitle(entry)}`,
    blocks: [
      { type: 'text', lines: [kindAndTitle(entry), excerpt(entry)] },
      { type: 'text', subtle: true, lines: reviewDetails(entry) },
      { type: 'buttons', id: `earshot_queue_actions_${entry.id}`, buttons: reviewButtons(entry, options) },
    ],
  };
}

/** Where a pending entry came from, who may see it and how it is tagged, a line each. */
export function reviewDetails(entry: Entry): Line[] {
  return [origin(entry), ...(entry.audience ? [['🔒 private to its channel']] : []), ...tags(entry)];
}

/** Approve, Edit, Merge into… (see `mergeTargets`) and Reject, each carrying the entry. */
export function reviewButtons(entry: Entry, options: ReviewItemOptions): ViewButton[] {
  const e = { e: entry.id };
  const targets =
    options.mergeTargets && mergeTargetsFor(entry, options.mergeTargets).slice(0, MAX_INLINE_TARGETS);
  const merge = actionButton('curateMerge', 'Merge into…', e);
  return [
    actionButton('curateApprove', 'Approve', e, { style: 'primary' }),
    { ...actionButton('curateEdit', 'Edit', e), form: editEntryForm(entry) },
    ...(targets === undefined ? [merge] : []),
    ...(targets && targets.length > 0 ? [{ ...merge, form: mergeEntryForm(entry, targets) }] : []),
    {
      ...actionButton('curateReject', 'Reject', e, { style: 'danger' }),
      confirm: {
        title: 'Reject this entry?',
        text: `“${entryTitle(entry)}” won't show up in answers.`,
        confirm: 'Reject',
        deny: 'Keep it',
      },
    },
  ];
}
