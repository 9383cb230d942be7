import { describe, expect, it } from 'vitest';
import { parseDigestCommand } from '../../src/digest/digest-command.ts';
import { EarshotError } from '../../src/errors.ts';

function problem(text: string): string {
  try {
    parseDigestCommand(text);
  } catch (error) {
    expect(error).toBeInstanceOf(EarshotError);
    return (error as EarshotError).userMessage;
  }
  throw new Error(`"${text}" parsed`);
}

describe('digest commands', () => {
  it('reads a weekly schedule with and without a zone, topics and the curators flag', () => {
    expect(parseDigestCommand('weekly mon 09:00')).toEqual({
      action: 'subscribe',
      weekday: 1,
      time: '09:00',
      timeZone: null,
      topics: [],
      forCurators: false,
    });
    expect(parseDigestCommand('weekly Friday 9:30 America/New_York')).toMatchObject({
      weekday: 5,
      time: '09:30',
      timeZone: 'America/New_York',
    });
    expect(parseDigestCommand('weekly mon 09:00 europe/berlin')).toMatchObject({ timeZone: 'Europe/Berlin' });
    expect(parseDigestCommand('weekly mon 09:00 topics: Healthcare,  pricing , healthcare')).toMatchObject({
      timeZone: null,
      topics: ['healthcare', 'pricing'],
    });
    expect(parseDigestCommand('weekly sun 17:00 Europe/Berlin topics: security for curators')).toMatchObject({
      weekday: 0,
      timeZone: 'Europe/Berlin',
      topics: ['security'],
      forCurators: true,
    });
    expect(parseDigestCommand('weekly tues 08:00 for curators')).toMatchObject({
      weekday: 2,
      forCurators: true,
      timeZone: null,
    });
  });

  it('reads off, preview and status', () => {
    expect(parseDigestCommand('off')).toEqual({ action: 'off' });
    expect(parseDigestCommand(' Preview ')).toEqual({ action: 'preview' });
    expect(parseDigestCommand('')).toEqual({ action: 'status' });
  });

  it('says what is wrong and how to write it', () => {
    expect(problem('weekly someday 09:00')).toMatch(/“someday” is not a weekday/);
    expect(problem('weekly mon 9am')).toMatch(/“9am” is not a time of day: use 24-hour HH:MM/);
    expect(problem('weekly mon 24:00')).toMatch(/not a time of day/);
    expect(problem('weekly mon 09:00 Mars/Olympus')).toMatch(/“Mars\/Olympus” is not a time zone/);
    expect(problem('weekly mon 09:00 topics:')).toMatch(/at least one topic/);
    expect(problem('monthly 1st')).toMatch(/did not understand/);
    expect(problem('monthly 1st')).toContain('digest weekly mon 09:00');
  });
});
