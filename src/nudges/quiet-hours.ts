import { DateTime } from 'luxon';
import type { QuietHours } from '../config.ts';

/**
 * When the quiet hours around `now` end in the person's time zone, or null when it is not quiet there.
 * Ranges may cross midnight (20:00-08:00); an unknown zone falls back to `fallbackZone`.
 */
export function quietUntil(
  now: Date,
  quiet: QuietHours | null,
  zone: string,
  fallbackZone = 'UTC',
): Date | null {
  if (!quiet) return null;
  let local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: fallbackZone });
  const minutes = local.hour * 60 + local.minute;
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  if (start === end) return null;
  const crossesMidnight = start > end;
  const quietNow = crossesMidnight ? minutes >= start || minutes < end : minutes >= start && minutes < end;
  if (!quietNow) return null;
  const endDay = crossesMidnight && minutes >= start ? local.plus({ days: 1 }) : local;
  // Luxon resolves a wall time that DST skips or repeats to a real instant, so the alert is never lost.
  return endDay.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 }).toJSDate();
}

function toMinutes(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}
