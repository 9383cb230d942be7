import { DateTime, IANAZone } from 'luxon';

/** A weekly slot in a time zone: `weekday` 0 = Sunday … 6 = Saturday (as in cron), `time` HH:MM. */
export interface WeeklySchedule {
  weekday: number;
  time: string;
  timeZone: string;
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The same slot as a cron expression for node-cron, which applies the zone itself. */
export function cronExpression(schedule: WeeklySchedule): string {
  const { hour, minute } = timeOfDay(schedule.time);
  return `${minute} ${hour} * * ${schedule.weekday}`;
}

/** "Mondays at 09:00 (Europe/Berlin)". */
export function describeSchedule(schedule: WeeklySchedule): string {
  return `${WEEKDAY_NAMES[schedule.weekday]}s at ${schedule.time} (${schedule.timeZone})`;
}

/**
 * The latest occurrence at or before `at`. A wall time that DST skips (02:30 on the spring-forward
 * night) happens when the clocks say so, an hour later; one DST repeats happens once.
 */
export function occurrenceAtOrBefore(schedule: WeeklySchedule, at: Date): Date {
  const local = DateTime.fromJSDate(at, { zone: schedule.timeZone });
  // Luxon weekdays are 1 = Monday … 7 = Sunday.
  const daysBack = (local.weekday - (schedule.weekday === 0 ? 7 : schedule.weekday) + 7) % 7;
  const thisWeek = onDay(schedule, local.minus({ days: daysBack }));
  return thisWeek <= at ? thisWeek : onDay(schedule, local.minus({ days: daysBack + 7 }));
}

/** The occurrence a week before `occurrence` (167 to 169 hours when DST changes in between). */
export function previousOccurrence(schedule: WeeklySchedule, occurrence: Date): Date {
  const local = DateTime.fromJSDate(occurrence, { zone: schedule.timeZone });
  return onDay(schedule, local.minus({ days: 7 }));
}

export function nextOccurrence(schedule: WeeklySchedule, after: Date): Date {
  const latest = occurrenceAtOrBefore(schedule, after);
  const local = DateTime.fromJSDate(latest, { zone: schedule.timeZone });
  return onDay(schedule, local.plus({ days: 7 }));
}

function onDay(schedule: WeeklySchedule, day: DateTime): Date {
  const { hour, minute } = timeOfDay(schedule.time);
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute },
    { zone: schedule.timeZone },
  ).toJSDate();
}

function timeOfDay(time: string): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return { hour, minute };
}
