import { canonicalZone, parseTime, topicList } from './digest-command.ts';
import { isTimeZone, WEEKDAY_NAMES, type WeeklySchedule } from './weekly-schedule.ts';

/** A subscription's settings as a form sends them: every value a string, as typed. */
export interface ScheduleChangeInput {
  weekday: string;
  time: string;
  timeZone: string;
  /** Comma-separated; empty for every topic. */
  topics: string;
  forCurators: boolean;
}

export interface ScheduleChange {
  schedule: WeeklySchedule;
  topics: string[];
  forCurators: boolean;
}

export type ScheduleChangeField = 'weekday' | 'time' | 'timeZone';

/**
 * Reads a changed schedule by the rules of chat's `digest weekly …`: a weekday, a 24-hour HH:MM time and
 * an IANA time zone (written as people write zones); topics lower-cased, each once. Each problem is
 * keyed by its field and says how to fix it.
 */
export function readScheduleChange(
  input: ScheduleChangeInput,
):
  | { ok: true; change: ScheduleChange }
  | { ok: false; errors: Partial<Record<ScheduleChangeField, string>> } {
  const errors: Partial<Record<ScheduleChangeField, string>> = {};
  const weekday = /^[0-6]$/.test(input.weekday.trim()) ? Number(input.weekday.trim()) : null;
  if (weekday === null) errors.weekday = `Choose a weekday, ${WEEKDAY_NAMES.join(', ')}.`;
  const time = parseTime(input.time.trim());
  if (!time) {
    errors.time = `“${input.time.trim()}” is not a time of day: use 24-hour HH:MM, like 09:00 or 16:30.`;
  }
  const zone = input.timeZone.trim();
  if (!zone || /\s/.test(zone) || !isTimeZone(zone)) {
    errors.timeZone = `“${zone}” is not a time zone: use an IANA name like Europe/Berlin, America/New_York or UTC.`;
  }
  if (weekday === null || !time || errors.timeZone) return { ok: false, errors };
  return {
    ok: true,
    change: {
      schedule: { weekday, time, timeZone: canonicalZone(zone) },
      topics: topicList(input.topics),
      forCurators: input.forCurators,
    },
  };
}
