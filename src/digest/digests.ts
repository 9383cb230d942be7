import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { ConversationRefs, StoredConversation } from '../delivery/conversation-refs.ts';
import type { Messengers } from '../delivery/messengers.ts';
import { CronJobs } from '../jobs/cron-jobs.ts';
import type { Logger } from '../logger.ts';
import { buildDigest } from './build-digest.ts';
import { type CuratorChannels, isCuratorsChannel } from './curators-channel.ts';
import { type DigestMessage, showCommandFor } from './digest-message.ts';
import { DigestPoster, digestConversationKey, periodStart } from './digest-poster.ts';
import { type DigestRun, DigestRuns } from './digest-runs.ts';
import { DigestScheduler } from './digest-scheduler.ts';
import { type DigestChannel, type DigestSubscription, DigestSubscriptions } from './digest-subscriptions.ts';
import { nextOccurrence, type WeeklySchedule } from './weekly-schedule.ts';

const WEEK_MS = 7 * 24 * 60 * 60_000;

export interface DigestStatus {
  subscription: DigestSubscription;
  next: Date;
  last: DigestRun | null;
}

/**
 * Weekly digests for the adapters and the CLI: subscribe a channel, preview, post one now, and the
 * scheduler that posts each subscription's digests on time, once.
 */
export class Digests {
  readonly subscriptions: DigestSubscriptions;
  readonly runs: DigestRuns;
  readonly scheduler: DigestScheduler;
  private readonly poster: DigestPoster;

  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      messengers: Messengers;
      conversations: ConversationRefs;
      logger: Logger;
      /** The digest in an organization's curators' channel always carries the content gaps. */
      curators: CuratorChannels;
    },
  ) {
    this.subscriptions = new DigestSubscriptions(deps.db);
    this.runs = new DigestRuns(deps.db);
    this.poster = new DigestPoster({ ...deps, runs: this.runs });
    this.scheduler = new DigestScheduler({
      subscriptions: this.subscriptions,
      runs: this.runs,
      poster: this.poster,
      jobs: new CronJobs(deps.logger),
      messengers: deps.messengers,
      logger: deps.logger,
    });
  }

  /**
   * Subscribes the conversation (or changes its schedule). The conversation is remembered so the
   * digest can reach it from any process; the first digest covers the week before its time.
   */
  async subscribe(request: {
    conversation: StoredConversation;
    schedule: WeeklySchedule;
    topics: string[];
    forCurators: boolean;
    createdBy: string;
  }): Promise<DigestStatus> {
    const { conversation } = request;
    await this.deps.conversations.save(conversation);
    const now = this.deps.clock.now();
    const subscription = await this.subscriptions.subscribe({
      platform: conversation.platform,
      workspaceId: conversation.workspaceId,
      conversationId: conversation.conversationId,
      schedule: request.schedule,
      topics: request.topics,
      forCurators: request.forCurators || (await isCuratorsChannel(this.deps.curators, conversation)),
      createdBy: request.createdBy,
      now,
    });
    this.scheduler.scheduled(subscription);
    return {
      subscription,
      next: nextOccurrence(subscription.schedule, now),
      last: await this.lastRun(conversation),
    };
  }

  async unsubscribe(channel: DigestChannel): Promise<boolean> {
    const subscription = await this.subscriptions.find(channel);
    if (!subscription) return false;
    await this.subscriptions.unsubscribe(channel);
    this.scheduler.unscheduled(subscription.id);
    return true;
  }

  /**
   * Changes the organization's subscription `id` (the console's form): the same rules as subscribing
   * again in chat, and the curators' channel always gets the curators' digest. Null when it has none.
   */
  async change(
    id: number,
    workspaceId: string,
    change: { schedule: WeeklySchedule; topics: string[]; forCurators: boolean },
  ): Promise<DigestSubscription | null> {
    const current = await this.subscriptions.byId(id);
    if (!current || current.workspaceId !== workspaceId) return null;
    const changed = await this.subscriptions.change(id, workspaceId, {
      ...change,
      forCurators: change.forCurators || (await isCuratorsChannel(this.deps.curators, current)),
      now: this.deps.clock.now(),
    });
    if (changed) this.scheduler.scheduled(changed);
    return changed;
  }

  async status(channel: DigestChannel): Promise<DigestStatus | null> {
    const subscription = await this.subscriptions.find(channel);
    if (!subscription) return null;
    const next = nextOccurrence(subscription.schedule, this.deps.clock.now());
    return { subscription, next, last: await this.lastRun(channel) };
  }

  /**
   * What the channel's next digest would say if it were posted now, for the caller's eyes only:
   * its subscription's topics and audience, or every topic when it has none.
   */
  async preview(
    channel: DigestChannel,
    options: {
      timeZone: string;
      /** Shown outside the channel (the web console): questions asked privately there are only counted. */
      outsideChannel?: boolean;
    },
  ): Promise<DigestMessage> {
    const now = this.deps.clock.now();
    const subscription = await this.subscriptions.find(channel);
    const lastEnd = await this.runs.lastPeriodEnd(channel);
    const weekAgo = new Date(now.getTime() - WEEK_MS);
    const digest = await buildDigest(this.deps, {
      workspaceId: channel.workspaceId,
      // The same period `earshot digest run` would post now.
      from: periodStart(lastEnd && lastEnd < now ? lastEnd : null, now, weekAgo),
      to: now,
      topics: subscription?.topics,
      forCurators: subscription?.forCurators ?? (await isCuratorsChannel(this.deps.curators, channel)),
      // The channel's digest, as it would be posted there (the preview's reader is in that channel).
      shownIn: options.outsideChannel ? undefined : digestConversationKey(channel),
    });
    return {
      digest,
      timeZone: subscription?.schedule.timeZone ?? options.timeZone,
      late: false,
      preview: true,
      showCommand: showCommandFor(digest),
    };
  }

  /** `earshot digest run`: posts the channel's digest now, with its subscription's settings if any. */
  async postNow(channel: DigestChannel, options: { timeZone: string }): Promise<DigestRun> {
    const subscription = await this.subscriptions.find(channel);
    return this.poster.postNow(channel, {
      topics: subscription?.topics ?? [],
      forCurators: subscription?.forCurators ?? (await isCuratorsChannel(this.deps.curators, channel)),
      timeZone: subscription?.schedule.timeZone ?? options.timeZone,
    });
  }

  private async lastRun(channel: DigestChannel): Promise<DigestRun | null> {
    const [last] = await this.runs.recent(
      {
        platform: channel.platform,
        workspaceId: channel.workspaceId,
        conversationId: channel.conversationId,
      },
      1,
    );
    return last ?? null;
  }
}
