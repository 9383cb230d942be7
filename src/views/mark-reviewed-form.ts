import { z } from 'zod';
import type { Entry } from '../knowledge/entry.ts';
import { clip } from './clip.ts';
import { nextReviewField } from './edit-entry-form.ts';
import { nextReviewValue } from './entry-form-values.ts';
import { VIEW_ACTIONS } from './view-actions.ts';
import type { FormView } from './view-model.ts';

/** Older Teams cards named the date input so; keeping the id keeps them working. */
export const MARK_REVIEWED_FIELDS = { reviewBy: 'reviewBy' } as const;

/** "Still accurate": the entry is kept as it is, with a next review date after today. */
export function markReviewedForm(entry: Entry, now: Date): FormView {
  return {
    title: 'Mark reviewed',
    submitLabel: 'Still accurate',
    action: VIEW_ACTIONS.dueReviewed.id,
    payload: { e: entry.id },
    intro: [[{ text: clip(entry.title, 200) || `Entry ${entry.id}`, bold: true }, ' is still accurate.']],
    fields: [nextReviewField(now, MARK_REVIEWED_FIELDS.reviewBy)],
  };
}

export function markReviewedSchema(now: Date) {
  return z
    .object({ [MARK_REVIEWED_FIELDS.reviewBy]: nextReviewValue(now) })
    .transform((form) => ({ reviewBy: form[MARK_REVIEWED_FIELDS.reviewBy] }));
}
