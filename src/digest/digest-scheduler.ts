import type { Messengers } from '../delivery/messengers.ts';
import type { CronJobs, Job } from '../jobs/cron-jobs.ts';
import type { Logger } from '../logger.ts';
import type { DigestPoster } from './digest-poster.ts';
import type { DigestRuns } from './digest-runs.ts';
import type { DigestSubscription, DigestSubscriptions } from './digest-subscriptions.ts';
import { cronExpression } from './weekly-schedule.ts';

const SYNC_JOB_ID = 'digest:sync';

/**
 * Runs the digests on node-cron: one job per subscription, in its time zone, posts on time; a sync job
 * every minute picks up subscriptions other processes made or changed, posts any occurrence missed
 * while Earshot was down (once, marked late) and retries failed posts. The database decides who posts.
 */
export class DigestScheduler {
  private started = false;
  private syncing: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      subscriptions: DigestSubscriptions;
      runs: DigestRuns;
      poster: DigestPoster;
      jobs: CronJobs;
      messengers: Messengers;
      logger: Logger;
    },
  ) {}

  /** Declares the jobs and catches up on what is due; the returned promise settles after that sync. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.deps.jobs.set({ id: SYNC_JOB_ID, schedule: '* * * * *', handler: () => this.sync() });
    await this.sync();
  }

  stop(): void {
    this.started = false;
    this.deps.jobs.stop();
  }

  /** This process's node-cron jobs: the sync and one per subscription it can post to. */
  declaredJobs(): Array<Omit<Job, 'handler'>> {
    return this.deps.jobs.declared();
  }

  /** Keeps this process's jobs in step with the database and posts whatever is due now. */
  sync(): Promise<void> {
    // One sync at a time per process; a call during one waits for it rather than starting another.
    this.syncing ??= this.syncOnce().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  /** After a subscription changed in this process: its job now, not at the next sync. */
  scheduled(subscription: DigestSubscription): void {
    if (this.started) this.deps.jobs.set(this.jobFor(subscription));
  }

  unscheduled(subscriptionId: number): void {
    this.deps.jobs.remove(jobId(subscriptionId));
  }

  private async syncOnce(): Promise<void> {
    const { subscriptions, runs, poster, jobs, messengers, logger } = this.deps;
    const current = await subscriptions.all(messengers.platforms);
    if (this.started) {
      const wanted = new Set(current.map((subscription) => jobId(subscription.id)));
      for (const id of jobs.ids()) if (id !== SYNC_JOB_ID && !wanted.has(id)) jobs.remove(id);
      for (const subscription of current) jobs.set(this.jobFor(subscription));
    }
    const latest = await runs.latestScheduled(current.map((subscription) => subscription.id));
    for (const subscription of current) {
      try {
        await poster.postDue(subscription, latest.get(subscription.id));
      } catch (error) {
        logger.error({ err: error, subscription: subscription.id }, 'digest run failed');
      }
    }
    await poster.retryDue();
  }

  private jobFor(subscription: DigestSubscription): Job {
    return {
      id: jobId(subscription.id),
      schedule: cronExpression(subscription.schedule),
      timeZone: subscription.schedule.timeZone,
      handler: async () => {
        // Another process may have changed or removed it since this job was set.
        const fresh = await this.deps.subscriptions.byId(subscription.id);
        if (fresh) await this.deps.poster.postDue(fresh);
      },
    };
  }
}

function jobId(subscriptionId: number): string {
  return `digest:${subscriptionId}`;
}
