import { DIGEST_USAGE } from '../../digest/digest-command.ts';
import type { DigestStatus } from '../../digest/digests.ts';
import { describeSchedule } from '../../digest/weekly-schedule.ts';
import { zonedDayTime } from '../../digest/zoned-dates.ts';
import { escapeMrkdwn, inlineText } from './mrkdwn.ts';

const MAX_TOPICS = 500;
const MAX_ERROR = 200;
const COMMANDS = '`/earshot digest preview` shows what it would post now; `/earshot digest off` stops it.';

export const DIGEST_REPLIES = {
  curatorsOnly:
    'Sorry, only curators can set up or stop the weekly digest. Ask one of them to run this here.',
  gapsForCuratorsOnly:
    'Only Earshot curators can add `for curators`: that digest lists the questions people asked. Leave it out, or ask a curator.',
  stopped: 'Weekly digest stopped here. `/earshot digest weekly mon 09:00` starts it again.',
  notSubscribed: 'There was no weekly digest here to stop.',
  failed: "Sorry, I couldn't do that with the digest just now. Please try again in a minute.",
  notInConversation:
    "I'm not in this conversation, so I can't post the digest here yet: invite me with `/invite @Earshot` before it is due.",
} as const;

/** The core's usage and parse errors, with the commands spelled as Slack users type them. */
export function digestUsageText(message: string = DIGEST_USAGE): string {
  return escapeMrkdwn(message).replaceAll('`digest', '`/earshot digest');
}

/** "Weekly digest here: Mondays at 09:00 (Europe/Berlin), next on Mon 30 Nov at 09:00; topics: pricing". */
export function subscribedText(status: DigestStatus): string {
  return `Weekly digest here: ${scheduleLine(status)}.\n${COMMANDS}`;
}

/** `/earshot digest`: the schedule and how the last digest went, or how to start one. */
export function digestStatusText(status: DigestStatus | null): string {
  if (!status) return `No weekly digest in this channel yet.\n\n${digestUsageText()}`;
  const { last } = status;
  const zone = status.subscription.schedule.timeZone;
  const lastLine = last
    ? `Last digest: ${zonedDayTime(last.scheduledFor, zone)}, ${outcome(last)}.`
    : 'No digest posted here yet.';
  return `Weekly digest here: ${scheduleLine(status)}.\n${lastLine}\n${COMMANDS}`;
}

function scheduleLine({ subscription, next }: DigestStatus): string {
  const { schedule, topics, forCurators } = subscription;
  const parts = [
    `${escapeMrkdwn(describeSchedule(schedule))}, next on ${zonedDayTime(next, schedule.timeZone)}`,
    topics.length > 0 ? `topics: ${inlineText(topics.join(', '), MAX_TOPICS)}` : 'all topics',
  ];
  if (forCurators) parts.push('includes content gaps');
  return parts.join('; ');
}

function outcome(run: NonNullable<DigestStatus['last']>): string {
  if (run.status === 'posted') return run.late ? 'posted late' : 'posted';
  if (run.status === 'posting') return 'being posted';
  const why = run.lastError ? ` (${inlineText(run.lastError, MAX_ERROR)})` : '';
  return `could not be posted${why}`;
}
