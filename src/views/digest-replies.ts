import { DIGEST_USAGE } from '../digest/digest-command.ts';
import type { DigestStatus } from '../digest/digests.ts';
import { describeSchedule } from '../digest/weekly-schedule.ts';
import { zonedDayTime } from '../digest/zoned-dates.ts';
import { clip } from './clip.ts';
import type { Line } from './view-model.ts';

/**
 * The short replies to the digest command, the same on both platforms. Each is a few lines of raw text
 * and commands: `command` is how people type it there, `/earshot digest` in Slack, `digest` in Teams.
 * Renderers escape the text and show each `{code}` as code.
 */
export type DigestReply = Line[];

const MAX_TOPICS = 500;
const MAX_ERROR = 200;

export function digestReplies(command: string) {
  const code = (words: string) => ({ code: `${command} ${words}` });
  const commands: Line = [code('preview'), ' shows what it would post now; ', code('off'), ' stops it.'];
  const usage = (message: string = DIGEST_USAGE): DigestReply => [
    [message.replaceAll('`digest', `\`${command}`)],
  ];
  return {
    curatorsOnly: [
      [
        'Sorry, only curators can set up or stop the weekly digest. Ask one of them to run this here, or an admin to make you one (',
        { code: 'earshot curators add' },
        ').',
      ],
    ],
    gapsForCuratorsOnly: [
      [
        'Only Earshot curators can add ',
        { code: 'for curators' },
        ': that digest lists the questions people asked. Leave it out, or ask a curator.',
      ],
    ],
    stopped: [['Weekly digest stopped here. ', code('weekly mon 09:00'), ' starts it again.']],
    notSubscribed: [['There was no weekly digest here to stop.']],
    failed: [["Sorry, I couldn't do that with the digest just now. Please try again in a minute."]],
    /** Slack: the bot must be a member of a channel to post in it. */
    notInConversation: [
      [
        "I'm not in this conversation, so I can't post the digest here yet: invite me with ",
        { code: '/invite @Earshot' },
        ' before it is due.',
      ],
    ],
    /** Teams: a preview goes to the caller's 1:1 chat, which Earshot can only reach once it exists. */
    noPersonalChat: [
      [
        "Previews are for your eyes only, so I send them in our 1:1 chat, and we haven't chatted yet. Open a chat with Earshot (or say hi to me there), then send ",
        code('preview'),
        ' here again.',
      ],
    ],
    previewSent: [['I sent you a preview in our chat.']],
    /** The core's usage and parse errors, with the commands spelled as people type them here. */
    usage,
    /** "Weekly digest here: Mondays at 09:00 (Europe/Berlin), next on Mon 30 Nov at 09:00; topics: pricing." */
    subscribed: (status: DigestStatus): DigestReply => [
      [`Weekly digest here: ${scheduleLine(status)}.`],
      commands,
    ],
    /** The schedule and how the last digest went, or how to start one. */
    status: (status: DigestStatus | null): DigestReply => {
      if (!status) return [['No weekly digest here yet.'], [''], ...usage()];
      const { last } = status;
      const zone = status.subscription.schedule.timeZone;
      const lastLine = last
        ? `Last digest: ${zonedDayTime(last.scheduledFor, zone)}, ${outcome(last)}.`
        : 'No digest posted here yet.';
      return [[`Weekly digest here: ${scheduleLine(status)}.`], [lastLine], commands];
    },
  } satisfies Record<string, DigestReply | ((...args: never[]) => DigestReply)>;
}

function scheduleLine({ subscription, next }: DigestStatus): string {
  const { schedule, topics, forCurators } = subscription;
  const parts = [
    `${describeSchedule(schedule)}, next on ${zonedDayTime(next, schedule.timeZone)}`,
    topics.length > 0 ? `topics: ${clip(topics.join(', '), MAX_TOPICS)}` : 'all topics',
  ];
  if (forCurators) parts.push('includes content gaps');
  return parts.join('; ');
}

function outcome(run: NonNullable<DigestStatus['last']>): string {
  if (run.status === 'posted') return run.late ? 'posted late' : 'posted';
  if (run.status === 'posting') return 'being posted';
  const why = run.lastError ? ` (${clip(run.lastError, MAX_ERROR)})` : '';
  return `could not be posted${why}`;
}
