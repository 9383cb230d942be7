import { describe, expect, it } from 'vitest';
import { quietUntil } from '../../src/nudges/quiet-hours.ts';

const NIGHT = { start: '20:00', end: '08:00' };

describe('quiet hours in the owner’s time zone', () => {
  it('holds an alert raised at 23:00 in Berlin until 08:00 Berlin time the next morning', () => {
    // 22:00 UTC is 23:00 in Berlin in November (CET, UTC+1).
    expect(quietUntil(new Date('2026-11-23T22:00:00Z'), NIGHT, 'Europe/Berlin')?.toISOString()).toBe(
      '2026-11-24T07:00:00.000Z',
    );
  });

  it('holds an alert raised after midnight until 08:00 the same day', () => {
    expect(quietUntil(new Date('2026-11-24T03:30:00Z'), NIGHT, 'Europe/Berlin')?.toISOString()).toBe(
      '2026-11-24T07:00:00.000Z',
    );
  });

  it('lets an alert through during the working day, and at exactly 08:00', () => {
    expect(quietUntil(new Date('2026-11-24T13:00:00Z'), NIGHT, 'America/New_York')).toBeNull();
    expect(quietUntil(new Date('2026-11-24T07:00:00Z'), NIGHT, 'Europe/Berlin')).toBeNull();
  });

  it('judges the same instant by each owner’s own zone', () => {
    const instant = new Date('2026-11-24T02:00:00Z');
    expect(quietUntil(instant, NIGHT, 'America/Los_Angeles')).toBeNull(); // 18:00 the day before
    expect(quietUntil(instant, NIGHT, 'Asia/Tokyo')).toBeNull(); // 11:00
    expect(quietUntil(instant, NIGHT, 'Europe/London')?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
  });

  it('ends at local 08:00 across a daylight-saving change', () => {
    // The night of 28–29 March 2026 in Berlin: clocks jump from 02:00 to 03:00; 08:00 is then UTC+2.
    expect(quietUntil(new Date('2026-03-28T21:00:00Z'), NIGHT, 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });

  it('supports daytime ranges, no quiet hours, and unknown zones (falling back)', () => {
    expect(
      quietUntil(new Date('2026-11-24T12:30:00Z'), { start: '12:00', end: '13:00' }, 'UTC')?.toISOString(),
    ).toBe('2026-11-24T13:00:00.000Z');
    expect(quietUntil(new Date('2026-11-23T23:00:00Z'), null, 'UTC')).toBeNull();
    expect(quietUntil(new Date('2026-11-23T23:00:00Z'), NIGHT, 'Mars/Olympus', 'UTC')?.toISOString()).toBe(
      '2026-11-24T08:00:00.000Z',
    );
  });
});
