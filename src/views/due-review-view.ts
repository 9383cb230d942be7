import type { Entry } from '../knowledge/entry.ts';
import { editEntryForm } from './edit-entry-form.ts';
import { entryTitle, excerpt, kindAndTitle } from './entry-lines.ts';
import { isoDay } from './iso-day.ts';
import { markReviewedForm } from './mark-reviewed-form.ts';
import { actionButton } from './view-actions.ts';
import type { MessageView, ViewButton } from './view-model.ts';

/** "overdue since 2026-10-03", "due today" or "due 2026-11-10". */
export function dueWhen(reviewBy: Date | null, now: Date): string {
  const day = (reviewBy && isoDay(reviewBy)) || '';
  const today = isoDay(now) ?? '';
  if (day === today) return 'due today';
  return day < today ? `overdue since ${day}` : `due ${day}`;
}

/**
 * One published entry due for review, for a curator: what it says and since when it is due; then
 * Mark reviewed (a next review date) or Edit (every field, and the next review date).
 */
export function dueReviewView(entry: Entry, now: Date): MessageView {
  const when = dueWhen(entry.reviewBy, now);
  return {
    fallback: `Due for review: ${entryTitle(entry)} (${when})`,
    blocks: [
      {
        type: 'text',
        lines: [
          kindAndTitle(entry, ` · ${when}`, ...(entry.audience ? [' · 🔒 private'] : [])),
          excerpt(entry),
        ],
      },
      ...(entry.sourceUrl
        ? [{ type: 'text' as const, subtle: true, lines: [[{ text: 'source', href: entry.sourceUrl }]] }]
        : []),
      { type: 'buttons', id: `earshot_due_actions_${entry.id}`, buttons: dueButtons(entry, now) },
    ],
  };
}

/** Mark reviewed and Edit, each opening its form (a next review date after `now`'s day). */
export function dueButtons(entry: Entry, now: Date): ViewButton[] {
  const e = { e: entry.id };
  return [
    {
      ...actionButton('dueReviewed', 'Mark reviewed', e, { style: 'primary' }),
      form: markReviewedForm(entry, now),
    },
    { ...actionButton('dueEdit', 'Edit', e), form: editEntryForm(entry, { due: { now } }) },
  ];
}
