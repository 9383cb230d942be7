import type { Entry } from '../entry.ts';
import type { FieldSummary } from './answer-types.ts';

const DAY_MS = 86_400_000;
const WINDOWS = [7, 14, 30, 60, 90, 180, 365];

/** Counts what the field said: entries, distinct reps and accounts, and how recent. */
export function summarizeField(entries: Entry[], now: Date): FieldSummary {
  const reps = distinct(entries.map((entry) => entry.sourceAuthor ?? entry.contributor));
  const accounts = distinct(entries.map((entry) => entry.sourceAccount));
  const times = entries.map((entry) => entry.createdAt.getTime());
  const oldest = times.length ? Math.min(...times) : null;
  const newest = times.length ? new Date(Math.max(...times)) : null;
  const ageDays = oldest === null ? null : (now.getTime() - oldest) / DAY_MS;
  const windowDays = ageDays === null ? null : (WINDOWS.find((days) => ageDays <= days) ?? null);
  return {
    entries: entries.length,
    reps,
    accounts,
    windowDays,
    newest,
    headline: headline({ entries: entries.length, reps, accounts, windowDays, hasEntries: oldest !== null }),
  };
}

function headline(counts: {
  entries: number;
  reps: number;
  accounts: number;
  windowDays: number | null;
  hasEntries: boolean;
}) {
  if (!counts.hasEntries) return 'No field chatter or tips yet';
  const who = counts.reps > 0 ? plural(counts.reps, 'rep') : plural(counts.entries, 'entry', 'entries');
  const where = counts.accounts > 0 ? ` across ${plural(counts.accounts, 'account')}` : '';
  const when =
    counts.windowDays === null ? ' over more than a year' : ` in the last ${counts.windowDays} days`;
  return `${who}${where}${when}`;
}

export function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

function distinct(values: Array<string | null>) {
  return new Set(
    values.filter((value): value is string => !!value).map((value) => value.trim().toLowerCase()),
  ).size;
}
