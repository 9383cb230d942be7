import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.ts';

/** A scheduled job, declared as data and started explicitly: `schedule` is a cron expression in `timeZone`. */
export interface Job {
  id: string;
  schedule: string;
  timeZone?: string;
  handler: () => Promise<void>;
}

interface Running {
  job: Job;
  task: ScheduledTask;
}

/**
 * The process's cron jobs on node-cron, which applies each job's time zone (and its DST) itself.
 * Setting a job with the same id replaces it when its schedule changed; a failing handler is logged.
 */
export class CronJobs {
  private readonly running = new Map<string, Running>();

  constructor(private readonly logger: Logger) {}

  set(job: Job): void {
    const current = this.running.get(job.id);
    if (current) {
      if (current.job.schedule === job.schedule && current.job.timeZone === job.timeZone) {
        current.job = job;
        return;
      }
      this.remove(job.id);
    }
    const entry: Running = { job, task: undefined as unknown as ScheduledTask };
    entry.task = cron.schedule(
      job.schedule,
      async () => {
        try {
          await entry.job.handler();
        } catch (error) {
          this.logger.error({ err: error, job: job.id }, 'scheduled job failed');
        }
      },
      {
        name: job.id,
        timezone: job.timeZone,
        noOverlap: true,
        // Missed firings are the job's own business (digests catch up from the database).
        suppressMissedWarning: true,
        // A scheduled job never keeps the process alive on its own.
        unref: true,
      },
    );
    this.running.set(job.id, entry);
  }

  remove(id: string): void {
    const current = this.running.get(id);
    if (!current) return;
    this.running.delete(id);
    void current.task.destroy();
  }

  ids(): string[] {
    return [...this.running.keys()];
  }

  /** What is scheduled, for logs and checks. */
  declared(): Array<Omit<Job, 'handler'>> {
    return [...this.running.values()].map(({ job: { id, schedule, timeZone } }) => ({
      id,
      schedule,
      timeZone,
    }));
  }

  stop(): void {
    for (const id of this.ids()) this.remove(id);
  }
}
