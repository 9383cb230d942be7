import { describe, expect, it } from 'vitest';
import {
  cronExpression,
  describeSchedule,
  nextOccurrence,
  occurrenceAtOrBefore,
  previousOccurrence,
} from '../../src/digest/weekly-schedule.ts';

const berlinMonday = { weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' };
const iso = (date: Date) => date.toISOString();

describe('weekly schedule', () => {
  it('finds the latest Monday 09:00 in Berlin, including the very minute', () => {
    expect(iso(occurrenceAtOrBefore(berlinMonday, new Date('2026-11-23T08:00:00Z')))).toBe(
      '2026-11-23T08:00:00.000Z',
    );
    expect(iso(occurrenceAtOrBefore(berlinMonday, new Date('2026-11-23T07:59:59Z')))).toBe(
      '2026-11-16T08:00:00.000Z',
    );
    expect(iso(occurrenceAtOrBefore(berlinMonday, new Date('2026-11-22T12:00:00Z')))).toBe(
      '2026-11-16T08:00:00.000Z',
    );
  });

  it('keeps 09:00 local across the end of summer time: the week is an hour longer', () => {
    const winter = occurrenceAtOrBefore(berlinMonday, new Date('2026-10-26T12:00:00Z'));
    const summer = previousOccurrence(berlinMonday, winter);
    expect(iso(winter)).toBe('2026-10-26T08:00:00.000Z');
    expect(iso(summer)).toBe('2026-10-19T07:00:00.000Z');
    expect((winter.getTime() - summer.getTime()) / 3_600_000).toBe(169);
  });

  it('keeps 09:00 local across the start of summer time in New York: the week is an hour shorter', () => {
    const schedule = { weekday: 1, time: '09:00', timeZone: 'America/New_York' };
    const after = nextOccurrence(schedule, new Date('2026-03-03T00:00:00Z'));
    expect(iso(after)).toBe('2026-03-09T13:00:00.000Z');
    expect((after.getTime() - previousOccurrence(schedule, after).getTime()) / 3_600_000).toBe(167);
  });

  it('moves a time the spring-forward night skips to when the clocks say it, and posts it once', () => {
    const schedule = { weekday: 0, time: '02:30', timeZone: 'Europe/Berlin' };
    // 2026-03-29: clocks jump from 02:00 to 03:00; "02:30" happens at 03:30 CEST (01:30 UTC).
    expect(iso(nextOccurrence(schedule, new Date('2026-03-28T12:00:00Z')))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(occurrenceAtOrBefore(schedule, new Date('2026-03-29T03:00:00Z')))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 2026-10-25: 02:30 happens twice; the digest has one time for it.
    const repeated = occurrenceAtOrBefore(schedule, new Date('2026-10-25T06:00:00Z'));
    expect(occurrenceAtOrBefore(schedule, new Date('2026-10-25T01:45:00Z')).getTime()).toBeLessThanOrEqual(
      repeated.getTime(),
    );
    expect(iso(nextOccurrence(schedule, repeated))).toBe('2026-11-01T01:30:00.000Z');
  });

  it('reads as cron for node-cron and as words for people', () => {
    expect(cronExpression(berlinMonday)).toBe('0 9 * * 1');
    expect(cronExpression({ weekday: 0, time: '16:05', timeZone: 'UTC' })).toBe('5 16 * * 0');
    expect(describeSchedule(berlinMonday)).toBe('Mondays at 09:00 (Europe/Berlin)');
  });
});
