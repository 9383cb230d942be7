import type { Clock } from '../clock.ts';
import type { ConversationThreads } from '../knowledge/threads/conversation-threads.ts';
import { THREAD_LIMITS } from '../knowledge/threads/thread-state.ts';
import type { Logger } from '../logger.ts';
import type { Job } from './cron-jobs.ts';

export const FORGET_THREADS_JOB_ID = 'threads:forget-idle';

/**
 * Daily: deletes the state of threads idle past the follow-up limit. Nothing reads it any more (a
 * mention there starts afresh), and a private conversation's questions are not kept longer than needed.
 */
export function forgetThreadsJob(deps: { threads: ConversationThreads; clock: Clock; logger: Logger }): Job {
  return {
    id: FORGET_THREADS_JOB_ID,
    schedule: '17 3 * * *',
    handler: async () => {
      const before = new Date(deps.clock.now().getTime() - THREAD_LIMITS.idleMs);
      const forgotten = await deps.threads.forgetIdle(before);
      if (forgotten > 0) deps.logger.info({ forgotten }, 'idle conversation threads forgotten');
    },
  };
}
