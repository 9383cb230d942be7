import { afterEach, describe, expect, it, vi } from 'vitest';
import { CronJobs } from '../../src/jobs/cron-jobs.ts';
import { createLogger } from '../../src/logger.ts';

describe('cron jobs on node-cron', () => {
  let jobs: CronJobs | undefined;

  afterEach(() => {
    jobs?.stop();
    vi.useRealTimers();
  });

  async function firings(options: { schedule: string; timeZone: string; from: string; days: number }) {
    vi.useFakeTimers({ now: new Date(options.from) });
    const fired: string[] = [];
    jobs = new CronJobs(createLogger('silent'));
    jobs.set({
      id: 'weekly',
      schedule: options.schedule,
      timeZone: options.timeZone,
      handler: async () => {
        fired.push(new Date().toISOString().slice(0, 16));
      },
    });
    for (let hour = 0; hour < options.days * 24; hour += 1) await vi.advanceTimersByTimeAsync(3_600_000);
    return fired;
  }

  it("fires a weekly job at the same local time on both sides of a DST change, in the job's zone", async () => {
    const fired = await firings({
      schedule: '0 9 * * 1',
      timeZone: 'Europe/Berlin',
      from: '2026-10-18T00:00:00Z',
      days: 14,
    });
    // 09:00 summer time, then 09:00 winter time.
    expect(fired).toEqual(['2026-10-19T07:00', '2026-10-26T08:00']);
  });

  it('replaces a job whose schedule changed and stops a removed one', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T00:00:00Z') });
    const fired: string[] = [];
    jobs = new CronJobs(createLogger('silent'));
    const handler = (name: string) => async () => {
      fired.push(`${name} ${new Date().toISOString().slice(11, 16)}`);
    };
    jobs.set({ id: 'a', schedule: '0 6 * * *', timeZone: 'UTC', handler: handler('first') });
    jobs.set({ id: 'a', schedule: '0 7 * * *', timeZone: 'UTC', handler: handler('second') });
    jobs.set({ id: 'b', schedule: '30 6 * * *', timeZone: 'UTC', handler: handler('b') });
    jobs.remove('b');
    await vi.advanceTimersByTimeAsync(8 * 3_600_000);
    expect(fired).toEqual(['second 07:00']);
    expect(jobs.ids()).toEqual(['a']);
  });

  it('keeps running after a handler fails', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T00:00:00Z') });
    let calls = 0;
    jobs = new CronJobs(createLogger('silent'));
    jobs.set({
      id: 'flaky',
      schedule: '0 * * * *',
      handler: async () => {
        calls += 1;
        throw new Error('boom');
      },
    });
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(calls).toBe(3);
  });
});
