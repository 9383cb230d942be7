/** YYYY-MM-DD in UTC, the form date inputs and imports use; null for an invalid date. */
export function isoDay(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** The day `days` after `date`'s, as YYYY-MM-DD in UTC. */
export function isoDayAfter(date: Date, days: number): string {
  return new Date(date.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}
