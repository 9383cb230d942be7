import { EarshotError } from '../errors.ts';
import { isTimeZone, WEEKDAY_NAMES } from './weekly-schedule.ts';

/** What `/earshot digest …` (Slack) or `digest …` (Teams) asks for, before any platform checks. */
export type DigestCommand =
  | { action: 'status' }
  | { action: 'off' }
  | { action: 'preview' }
  | {
      action: 'subscribe';
      weekday: number;
      time: string;
      /** Null: the subscriber's own zone (from their chat profile). */
      timeZone: string | null;
      topics: string[];
      /** `for curators`: include content gaps (curators only). */
      forCurators: boolean;
    };

export const DIGEST_USAGE = [
  'Weekly digest of what the field is hearing, posted in this channel:',
  '• `digest weekly mon 09:00` (your time zone), or with a zone: `digest weekly mon 09:00 Europe/Berlin`',
  '• only some topics: `digest weekly mon 09:00 topics: healthcare, pricing`',
  '• curators can add `for curators` to include unanswered questions and the review queue',
  '• `digest preview` shows you what it would post now; `digest off` stops it; `digest` shows the schedule',
].join('\n');

/** Parses the words after `digest`; a mistake throws an EarshotError whose userMessage shows the usage. */
export function parseDigestCommand(text: string): DigestCommand {
  const words = text.trim();
  if (!words || /^(status|show)$/i.test(words)) return { action: 'status' };
  if (/^(off|stop|unsubscribe)$/i.test(words)) return { action: 'off' };
  if (/^preview$/i.test(words)) return { action: 'preview' };
  const subscribe = /^weekly\s+(\S+)\s+(\S+)(.*)$/is.exec(words);
  if (!subscribe) return invalid(`I did not understand “${words}”.`);
  const [, day = '', time = '', rest = ''] = subscribe;
  const weekday = parseWeekday(day);
  if (weekday === null) return invalid(`“${day}” is not a weekday: use mon, tue, wed, thu, fri, sat or sun.`);
  const clock = parseTime(time);
  if (!clock) return invalid(`“${time}” is not a time of day: use 24-hour HH:MM, like 09:00 or 16:30.`);
  return { action: 'subscribe', weekday, time: clock, ...parseOptions(rest) };
}

function parseOptions(rest: string): { timeZone: string | null; topics: string[]; forCurators: boolean } {
  let text = rest.trim();
  let forCurators = false;
  const curators = /(^|\s)for\s+curators\b/i.exec(text);
  if (curators) {
    forCurators = true;
    text = `${text.slice(0, curators.index)} ${text.slice(curators.index + curators[0].length)}`.trim();
  }
  let topics: string[] = [];
  const topicsAt = text.search(/(^|\s)topics?:/i);
  if (topicsAt >= 0) {
    topics = topicList(text.slice(text.indexOf(':', topicsAt) + 1));
    if (topics.length === 0) invalid('Name at least one topic after `topics:`, separated by commas.');
    text = text.slice(0, topicsAt).trim();
  }
  if (!text) return { timeZone: null, topics, forCurators };
  if (/\s/.test(text) || !isTimeZone(text)) {
    invalid(`“${text}” is not a time zone: use an IANA name like Europe/Berlin, America/New_York or UTC.`);
  }
  return { timeZone: canonicalZone(text), topics, forCurators };
}

/** "Healthcare, pricing" as `['healthcare', 'pricing']`: comma-separated, lower-cased, each once. */
export function topicList(list: string): string[] {
  return [
    ...new Set(
      list
        .split(',')
        .map((topic) => topic.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** `europe/berlin` as `Europe/Berlin`, so the schedule reads as people write zones. */
export function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
}

function parseWeekday(word: string): number | null {
  const key = word.toLowerCase().replace(/s$/, '');
  const index = WEEKDAY_NAMES.findIndex((name) => key.length >= 3 && name.toLowerCase().startsWith(key));
  return index >= 0 ? index : null;
}

/** `9:05` as `09:05`; null unless a 24-hour HH:MM time. */
export function parseTime(word: string): string | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(word);
  if (!match) return null;
  return `${match[1]?.padStart(2, '0')}:${match[2]}`;
}

function invalid(problem: string): never {
  throw new EarshotError({
    code: 'invalid_input',
    message: `digest command: ${problem}`,
    userMessage: `${problem}\n\n${DIGEST_USAGE}`,
  });
}
