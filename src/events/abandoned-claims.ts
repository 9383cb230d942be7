import type { Logger } from '../logger.ts';
import type { Claim, EventClaims, EventPlatform } from './event-claims.ts';
import type { EventJob, EventRunner } from './event-runner.ts';

/**
 * Every `intervalMs`, takes over this platform's events whose holder let the lease run out (it crashed
 * mid-answer, or was cut off from the database) and runs them again from what their claim stored.
 */
export function watchAbandonedClaims<P>(options: {
  claims: EventClaims;
  runner: EventRunner;
  platform: EventPlatform;
  logger: Logger;
  /** Rebuilds the job from the stored payload; null when it cannot (the claim is then settled as failed). */
  jobOf(claim: Claim): EventJob<P> | null;
  intervalMs?: number;
}): { stop(): void } {
  const { claims, runner, platform, logger } = options;
  const intervalMs = options.intervalMs ?? Math.min(30_000, Math.max(1_000, claims.leaseMs / 4));
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      for (const claim of await claims.takeAbandoned(platform)) {
        const job = options.jobOf(claim);
        logger.warn(
          {
            platform,
            workspace: claim.key.workspaceId,
            eventId: claim.key.eventId,
            attempts: claim.attempts,
          },
          'taking over an event whose handler stopped before finishing',
        );
        if (job) await runner.run(job, claim);
        else await claims.settle(claim, 'failed');
      }
    } catch (error) {
      logger.debug({ err: error, platform }, 'could not look for abandoned events; trying again later');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  void sweep();
  return { stop: () => clearInterval(timer) };
}
