import { z } from 'zod';
import { formFacets } from '../knowledge/capture/form-facets.ts';
import type { Entry } from '../knowledge/entry.ts';
import { clip } from './clip.ts';
import {
  accountField,
  bodyField,
  ENTRY_FIELDS,
  facetFields,
  kindField,
  MAX_ACCOUNT,
  MAX_INPUT,
  stageField,
  titleField,
  topicsField,
} from './entry-form-fields.ts';
import {
  accountValue,
  bodyValue,
  kindValue,
  nextReviewValue,
  reviewDateValue,
  stageValue,
  titleValue,
  topicsValue,
} from './entry-form-values.ts';
import { isoDay, isoDayAfter } from './iso-day.ts';
import { VIEW_ACTIONS } from './view-actions.ts';
import type { FormField, FormView, Line } from './view-model.ts';

/** The next review date the due-for-review forms suggest. */
export const NEXT_REVIEW_DAYS = 90;

export interface EditEntryOptions {
  /** Editing an entry due for review: saving also sets its next review date, after `now`. */
  due?: { now: Date };
  /** The web console's form also edits the account the entry is about. */
  account?: boolean;
}

/** The curator's edit form, every field prefilled from the entry. */
export function editEntryForm(entry: Entry, options: EditEntryOptions = {}): FormView {
  const editable = entry.body.length <= MAX_INPUT;
  return {
    title: 'Edit entry',
    submitLabel: 'Save',
    action: options.due ? VIEW_ACTIONS.dueEdit.id : VIEW_ACTIONS.editEntry.id,
    payload: { e: entry.id },
    intro: [summary(entry), ...(editable ? [] : [bodyTooLong(entry)])],
    fields: [
      kindField(entry.kind),
      titleField(entry.title),
      ...(editable ? [bodyField(entry.body)] : []),
      topicsField(entry.topics),
      stageField(entry.stage),
      ...facetFields(entry),
      options.due ? nextReviewField(options.due.now) : reviewByField(entry),
      ...(options.account ? [accountField(entry.sourceAccount)] : []),
    ],
  };
}

/**
 * Editing a cut copy would silently throw the rest away, so a body longer than a text input holds is
 * left out of the form and kept as it is.
 */
function bodyTooLong(entry: Entry): Line {
  return [
    `The body is ${entry.body.length.toLocaleString('en-US')} characters, more than Earshot can edit here, so it stays as it is. Re-import the entry to change it.`,
  ];
}

function reviewByField(entry: Entry): FormField {
  const initial = entry.reviewBy ? isoDay(entry.reviewBy) : null;
  return {
    type: 'date',
    id: ENTRY_FIELDS.reviewBy,
    label: 'Review by',
    optional: true,
    hint: 'Curators are reminded two weeks before.',
    ...(initial ? { initial } : {}),
  };
}

/** A next review date: required, after today, suggested three months ahead. */
export function nextReviewField(now: Date, id: string = ENTRY_FIELDS.reviewBy): FormField {
  return {
    type: 'date',
    id,
    label: 'Next review by',
    initial: isoDayAfter(now, NEXT_REVIEW_DAYS),
    min: isoDayAfter(now, 1),
  };
}

/** "Entry 42 · pending · from Maya in #sales · 🔒 private to its channel" */
function summary(entry: Entry): Line {
  const from = [
    entry.sourceAuthor ? `from ${clip(entry.sourceAuthor, 100)}` : '',
    entry.sourceChannel ? `in ${clip(entry.sourceChannel, 100)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [
    [`Entry ${entry.id}`, entry.status, from, entry.audience ? '🔒 private to its channel' : '']
      .filter(Boolean)
      .join(' · '),
  ];
}

/**
 * The edit form's submission as entry fields. A missing body means the form had none (too long to
 * edit): it stays as it is; so does a missing account (chat's forms have none). Other missing fields
 * read as empty.
 */
export function editEntrySchema(options: EditEntryOptions = {}) {
  return z
    .object({
      [ENTRY_FIELDS.kind]: kindValue,
      [ENTRY_FIELDS.title]: titleValue(MAX_INPUT),
      [ENTRY_FIELDS.body]: bodyValue(MAX_INPUT).optional(),
      [ENTRY_FIELDS.topics]: topicsValue,
      [ENTRY_FIELDS.stage]: stageValue,
      [ENTRY_FIELDS.industry]: formFacets.industry.transform((industry) => industry ?? null),
      [ENTRY_FIELDS.roles]: formFacets.roles,
      [ENTRY_FIELDS.reviewBy]: options.due ? nextReviewValue(options.due.now) : reviewDateValue,
      [ENTRY_FIELDS.account]: accountValue(MAX_ACCOUNT).optional(),
    })
    .transform((form) => ({
      kind: form[ENTRY_FIELDS.kind],
      title: form[ENTRY_FIELDS.title],
      body: form[ENTRY_FIELDS.body],
      topics: form[ENTRY_FIELDS.topics],
      stage: form[ENTRY_FIELDS.stage],
      industry: form[ENTRY_FIELDS.industry],
      roles: form[ENTRY_FIELDS.roles],
      reviewBy: form[ENTRY_FIELDS.reviewBy],
      ...(form[ENTRY_FIELDS.account] === undefined ? {} : { sourceAccount: form[ENTRY_FIELDS.account] }),
    }));
}

export type EditEntrySubmission = z.output<ReturnType<typeof editEntrySchema>>;
