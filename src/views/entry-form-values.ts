import { z } from 'zod';
import { BUYING_STAGES, ENTRY_KINDS } from '../knowledge/entry.ts';
import { NO_STAGE } from './entry-form-fields.ts';
import { isoDay } from './iso-day.ts';

/**
 * How the save and edit forms' fields are read from a submission (see form-values.ts), with the
 * messages people see when a value will not do.
 */

/** A text value; empty when blank or missing. */
const text = z
  .string({ error: 'Type text here.' })
  .nullish()
  .transform((value) => value ?? '');

/** A single choice or a date; null when none. */
const picked = z
  .string({ error: 'Pick from the list.' })
  .nullish()
  .transform((value) => value || null);

export const kindValue = z.enum(ENTRY_KINDS, { error: 'Pick what kind of entry this is.' });

export const titleValue = (max: number) =>
  text.pipe(z.string().trim().min(1, 'Give it a title.').max(max, 'Keep the title shorter.'));

export const bodyValue = (max: number) =>
  text.pipe(z.string().trim().min(1, 'Write the body.').max(max, 'Keep the body shorter.'));

/** Topics typed with commas (or semicolons), lower-cased, without repeats. */
export const topicsValue = text.transform((value) => [
  ...new Set(
    value
      .split(/[,;]/)
      .map((topic) => topic.trim().toLowerCase())
      .filter(Boolean),
  ),
]);

/** An account name, or null for none. */
export const accountValue = (max: number) =>
  text
    .pipe(z.string().trim().max(max, 'Keep the account name shorter.'))
    .pipe(z.string().refine((value) => !/[\r\n]/.test(value), 'Keep the account name on one line.'))
    .transform((value) => value || null);

/** A stage, or null for none ("No stage" included). */
export const stageValue = picked
  .pipe(z.enum([...BUYING_STAGES, NO_STAGE], { error: 'Pick a stage from the list.' }).nullable())
  .transform((stage) => (stage === NO_STAGE ? null : stage));

const DATE_MESSAGE = 'Pick a date such as 2026-11-02.';
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** An optional review date. */
export const reviewDateValue = picked
  .pipe(z.iso.date({ error: DATE_MESSAGE }).nullable())
  .transform((day) => (day ? toDate(day) : null));

/** A required next review date, after `now`'s day. */
export const nextReviewValue = (now: Date) =>
  picked
    .pipe(z.iso.date({ error: DATE_MESSAGE }))
    .refine((day) => day > (isoDay(now) ?? ''), 'Pick a next review date after today.')
    .transform(toDate);
