import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { ConversationRefs } from '../delivery/conversation-refs.ts';
import type { Messengers } from '../delivery/messengers.ts';
import { conversationKey } from '../knowledge/workspaces/platform-ids.ts';
import type { Logger } from '../logger.ts';
import { buildDigest } from './build-digest.ts';
import { type CuratorChannels, isCuratorsChannel } from './curators-channel.ts';
import { showCommandFor } from './digest-message.ts';
import type { DigestRun, DigestRuns } from './digest-runs.ts';
import type { DigestChannel, DigestSubscription } from './digest-subscriptions.ts';
import { occurrenceAtOrBefore, previousOccurrence } from './weekly-schedule.ts';

const MINUTE_MS = 60_000;
/** Posted this long after its time, a digest says it is late. */
export const LATE_AFTER_MS = 10 * MINUTE_MS;
/** A run still "posting" after this long lost its process; another one takes it over. */
const STALE_CLAIM_MS = 10 * MINUTE_MS;
/** Waits before the 2nd … 5th try of a digest the platform refused; then it stays failed. */
const RETRY_DELAYS_MS = [MINUTE_MS, 5 * MINUTE_MS, 15 * MINUTE_MS, 60 * MINUTE_MS];
/** "Since the last digest", but never more than four weeks back (after a long outage, say). */
const LONGEST_PERIOD_MS = 28 * 24 * 60 * MINUTE_MS;
/** node-cron may fire a hair before the minute the clock reads. */
const EARLY_TOLERANCE_MS = 1_000;

export interface DigestContentOptions {
  topics: string[];
  forCurators: boolean;
  timeZone: string;
}

/**
 * Posts digests: claims the (subscription, period) row first, builds the digest for the period since
 * the channel's last one, sends it through the platform's sender and records where it landed.
 */
export class DigestPoster {
  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      runs: DigestRuns;
      messengers: Messengers;
      conversations: ConversationRefs;
      logger: Logger;
      curators: CuratorChannels;
    },
  ) {}

  /**
   * Posts the subscription's latest due occurrence unless it was posted already (here, by another
   * process or before a restart). Null when there is nothing to post or this process cannot post there.
   */
  async postDue(subscription: DigestSubscription, latestClaimed?: Date): Promise<DigestRun | null> {
    const { clock, runs, messengers } = this.deps;
    if (!messengers.sender(subscription.platform)) return null;
    const now = clock.now();
    const due = occurrenceAtOrBefore(subscription.schedule, new Date(now.getTime() + EARLY_TOLERANCE_MS));
    if (due < subscription.scheduledSince) return null;
    if (latestClaimed && latestClaimed >= due) return null;
    const lastEnd = await runs.lastPeriodEnd(subscription);
    // A digest run by hand after this occurrence already covered it.
    if (lastEnd && lastEnd >= due) return null;
    const run = await runs.claim({
      subscriptionId: subscription.id,
      platform: subscription.platform,
      workspaceId: subscription.workspaceId,
      conversationId: subscription.conversationId,
      scheduledFor: due,
      periodFrom: periodStart(lastEnd, due, previousOccurrence(subscription.schedule, due)),
      periodTo: due,
      topics: subscription.topics,
      // A channel made the curators' channel after it subscribed gets their digest from then on.
      forCurators: subscription.forCurators || (await isCuratorsChannel(this.deps.curators, subscription)),
      timeZone: subscription.schedule.timeZone,
      manual: false,
      late: now.getTime() - due.getTime() > LATE_AFTER_MS,
      now,
    });
    if (!run) return null;
    return this.deliver(run);
  }

  /** `earshot digest run`: one digest now, for the period since the channel's last one. */
  async postNow(channel: DigestChannel, content: DigestContentOptions): Promise<DigestRun> {
    const now = this.deps.clock.now();
    const lastEnd = await this.deps.runs.lastPeriodEnd(channel);
    const run = await this.deps.runs.claim({
      ...channel,
      subscriptionId: null,
      scheduledFor: now,
      periodFrom: periodStart(lastEnd, now, new Date(now.getTime() - 7 * 24 * 60 * MINUTE_MS)),
      periodTo: now,
      ...content,
      manual: true,
      late: false,
      now,
    });
    // Runs without a subscription never conflict, so the claim always succeeds.
    return this.deliver(run as DigestRun);
  }

  /** Tries failed digests again when their wait is over, and takes over runs a dead process left. */
  async retryDue(): Promise<DigestRun[]> {
    const { clock, runs, messengers } = this.deps;
    const now = clock.now();
    const claimed = await runs.claimRetries(
      messengers.platforms,
      now,
      new Date(now.getTime() - STALE_CLAIM_MS),
    );
    const done: DigestRun[] = [];
    for (const run of claimed) done.push(await this.deliver(run));
    return done;
  }

  private async deliver(run: DigestRun): Promise<DigestRun> {
    const { db, clock, runs, messengers, conversations, logger } = this.deps;
    const log = logger.child({ digestRun: run.id, platform: run.platform, workspace: run.workspaceId });
    const conversation = await conversations.find(run.platform, run.workspaceId, run.conversationId);
    const sender = messengers.sender(run.platform);
    if (!conversation || !sender) {
      const error = `Earshot cannot reach ${run.conversationId}: send a digest command in that channel again`;
      await runs.markFailed(run.id, error, null);
      log.warn({ conversation: run.conversationId }, 'digest has nowhere to go');
      return { ...run, status: 'failed', lastError: error };
    }
    try {
      const digest = await buildDigest(
        { db, clock },
        {
          workspaceId: run.workspaceId,
          from: run.periodFrom,
          to: run.periodTo,
          topics: run.topics,
          forCurators: run.forCurators,
          shownIn: digestConversationKey(run),
        },
      );
      const sent = await sender.send(conversation, {
        kind: 'digest',
        digest,
        timeZone: run.timeZone,
        late: run.late,
        preview: false,
        showCommand: showCommandFor(digest),
      });
      await runs.markPosted(run.id, sent.messageId, clock.now());
      log.info({ late: run.late, empty: digest.empty }, 'digest posted');
      return { ...run, status: 'posted', messageId: sent.messageId ?? null };
    } catch (error) {
      const delay = RETRY_DELAYS_MS[run.attempts - 1];
      const retryAt = delay === undefined ? null : new Date(clock.now().getTime() + delay);
      const message = error instanceof Error ? error.message : String(error);
      await runs.markFailed(run.id, message, retryAt);
      log.warn({ err: error, attempts: run.attempts, retryAt }, 'digest could not be posted');
      return { ...run, status: 'failed', lastError: message };
    }
  }
}

/** Where a digest ending at `to` starts: the channel's last digest, else `firstFrom`; at most four weeks back. */
export function periodStart(lastEnd: Date | null, to: Date, firstFrom: Date): Date {
  const earliest = new Date(to.getTime() - LONGEST_PERIOD_MS);
  const from = lastEnd ?? firstFrom;
  return from < earliest ? earliest : from;
}

/** The conversation a digest is posted in, as private audiences name it (`slack:C0123`). */
export function digestConversationKey(
  channel: Pick<DigestRun, 'platform' | 'conversationId'>,
): string | undefined {
  const { platform, conversationId } = channel;
  return platform === 'slack' || platform === 'teams' ? conversationKey(platform, conversationId) : undefined;
}
