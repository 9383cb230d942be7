import type { DigestRun } from '../../digest/digest-runs.ts';
import { zonedDayTime } from '../../digest/zoned-dates.ts';
import type { DigestRow } from '../digests/digest-rows.ts';

/** "Slack", "Teams". */
export function platformLabel(platform: string): string {
  return platform === 'slack' ? 'Slack' : platform === 'teams' ? 'Teams' : platform;
}

/** The channel's name when Earshot knows it, else its id; and whether it is the curators' channel. */
export function conversationLabel(row: DigestRow): string {
  const name = row.conversationName
    ? `${row.conversationName} (${row.subscription.conversationId})`
    : row.subscription.conversationId;
  return row.curatorsChannel ? `${name}, the curators' channel` : name;
}

export function topicsLabel(topics: string[]): string {
  return topics.length > 0 ? topics.join(', ') : 'every topic';
}

/** "Mon 30 Nov at 09:00: posted", "…: failed, 3 tries (channel_not_found)". */
export function runLabel(run: DigestRun, timeZone: string): string {
  const when = zonedDayTime(run.scheduledFor, timeZone);
  const how = [run.manual ? 'run by hand' : null, run.late ? 'late' : null].filter(Boolean);
  const status =
    run.status === 'posted'
      ? 'posted'
      : run.status === 'posting'
        ? 'posting'
        : `failed after ${run.attempts} ${run.attempts === 1 ? 'try' : 'tries'}${run.lastError ? ` (${run.lastError})` : ''}`;
  return `${when}: ${status}${how.length > 0 ? `, ${how.join(', ')}` : ''}`;
}
