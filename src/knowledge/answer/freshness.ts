/** Whether an entry is past its review date, and how answers say so. */

export type StaleEntries = 'mark' | 'exclude';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The review date an entry has passed at `now`, or null when it has none or it is still ahead. */
export function overdueSince(reviewBy: Date | null | undefined, now: Date): Date | null {
  return reviewBy && reviewBy.getTime() <= now.getTime() ? reviewBy : null;
}

/** "not reviewed since March", or "not reviewed since March 2025" when that is not this year (UTC). */
export function notReviewedSince(since: Date, now: Date): string {
  const month = MONTHS[since.getUTCMonth()] ?? '';
  const year = since.getUTCFullYear();
  return `not reviewed since ${month}${year === now.getUTCFullYear() ? '' : ` ${year}`}`;
}
