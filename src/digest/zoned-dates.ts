import { DateTime, IANAZone } from 'luxon';

/** Dates in a digest read in its subscription's zone, in English like the rest of Earshot's replies. */
export function zoned(date: Date, timeZone: string): DateTime {
  const zone = IANAZone.isValidZone(timeZone) ? timeZone : 'UTC';
  return DateTime.fromJSDate(date, { zone }).setLocale('en-GB');
}

/** "Mon 30 Nov". */
export function zonedDay(date: Date, timeZone: string): string {
  return zoned(date, timeZone).toFormat('ccc d LLL');
}

/** "Mon 30 Nov at 09:00". */
export function zonedDayTime(date: Date, timeZone: string): string {
  const local = zoned(date, timeZone);
  return `${local.toFormat('ccc d LLL')} at ${local.toFormat('HH:mm')}`;
}

/** The days from `first` to `last`, both included: "16–22 Nov 2026", "28 Nov – 4 Dec 2026". */
export function zonedDayRange(first: Date, last: Date, timeZone: string): string {
  const from = zoned(first, timeZone);
  const to = zoned(last, timeZone);
  const end = to.toFormat('d LLL yyyy');
  if (from.hasSame(to, 'day')) return end;
  if (from.hasSame(to, 'month')) return `${from.toFormat('d')}–${end}`;
  if (from.hasSame(to, 'year')) return `${from.toFormat('d LLL')} – ${end}`;
  return `${from.toFormat('d LLL yyyy')} – ${end}`;
}
