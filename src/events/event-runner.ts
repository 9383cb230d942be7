import type { Logger } from '../logger.ts';
import type { Claim, EventClaims, EventKey, Settlement } from './event-claims.ts';
import { isTransient } from './transient-error.ts';

/** What a job sees of its claim while it works. */
export interface EventWork<P> {
  /** 1 on the first try in this process; more on in-memory retries. */
  readonly attempt: number;
  /** What is stored with the claim (e.g. the placeholder already posted), as the last `note` left it. */
  readonly payload: P;
  /** Stores `payload` with the claim, so a process taking over after a crash continues from there. */
  note(payload: P): Promise<void>;
  /** Asked right before the user sees anything: false when another process has taken the event over. */
  stillOurs(): Promise<boolean>;
}

/** One inbound event's work: done at least once, never by two processes at once, or apologised for. */
export interface EventJob<P> {
  key: EventKey;
  /** Stored with the claim; all a takeover has to go on. JSON only. */
  payload: P;
  /** Throws to fail; a transient failure (database or network unreachable) is retried. */
  work(work: EventWork<P>): Promise<void>;
  /** Tells the user it could not be done; a no-op for events nobody waits on (captures). */
  apologise(payload: P): Promise<void>;
  /** The adapter's logger, when it has its own. */
  logger?: Logger;
}

/** Thrown by `note` when the claim was taken over: the work stops without a word. */
class ClaimLost extends Error {}

export interface EventRunnerOptions {
  claims: EventClaims;
  logger: Logger;
  /** How long transient failures are retried in memory before the apology. */
  retryWindowMs: number;
  /** An event whose holders keep dying (this many takeovers) is apologised for instead of tried again. */
  maxTakeovers?: number;
}

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/**
 * Runs event jobs so that no question is lost: the claim and the work are retried in memory while the
 * database (or the network) is down, for up to the retry window, then the user gets an apology. The
 * claim's lease covers a crash: another process (or this one, restarted) takes the job over.
 */
export class EventRunner {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly options: EventRunnerOptions) {}

  /** Tries the job now; resolves after this first try (retries run later, on timers). */
  run<P>(job: EventJob<P>, taken?: Claim): Promise<void> {
    if (taken && taken.attempts > (this.options.maxTakeovers ?? 3)) {
      return this.giveUp(job, taken, new Error(`abandoned ${taken.attempts - 1} times`));
    }
    return this.attempt(job, { claim: taken, attempt: 1, since: Date.now(), warned: false });
  }

  /** Accepts work again after `stop` (a server started again on the same Earshot). */
  start() {
    this.stopped = false;
  }

  /** Cancels pending retries (their claims' leases expire, so another process or a restart takes them). */
  stop() {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt<P>(
    job: EventJob<P>,
    state: { claim: Claim | undefined; attempt: number; since: number; warned: boolean },
  ): Promise<void> {
    const { claims } = this.options;
    const log = this.logOf(job);
    try {
      if (!state.claim) {
        const claim = await claims.claim(job.key, job.payload);
        if (!claim) {
          log.info('skipping an event already handled');
          return;
        }
        state.claim = claim;
      } else if (!(await claims.renew(state.claim))) {
        log.info('another process took this event over');
        return;
      }
      const claim = state.claim;
      await job.work({
        attempt: state.attempt,
        payload: (claim.payload ?? job.payload) as P,
        note: async (payload) => {
          if (!(await claims.renew(claim, payload))) throw new ClaimLost();
        },
        stillOurs: async () => {
          const ours = await claims.renew(claim);
          if (!ours) log.info('another process took this event over');
          return ours;
        },
      });
    } catch (error) {
      if (error instanceof ClaimLost) {
        log.info('another process took this event over');
        return;
      }
      const delay = Math.min(FIRST_DELAY_MS * 2 ** (state.attempt - 1), MAX_DELAY_MS);
      const retry =
        isTransient(error) && !this.stopped && Date.now() - state.since + delay <= this.options.retryWindowMs;
      if (!retry) return this.giveUp(job, state.claim, error);
      if (!state.warned) {
        log.warn(
          { err: error, retryForMs: this.options.retryWindowMs },
          'could not handle an event yet (database or network unreachable); retrying',
        );
        state.warned = true;
      }
      this.later(delay, () => this.attempt(job, { ...state, attempt: state.attempt + 1 }));
      return;
    }
    await this.settle(job as EventJob<unknown>, state.claim, 'done', Date.now());
  }

  private async giveUp<P>(job: EventJob<P>, claim: Claim | undefined, error: unknown) {
    this.logOf(job).error({ err: error }, 'gave up on an event; apologising');
    try {
      await job.apologise((claim?.payload ?? job.payload) as P);
    } catch (apologyError) {
      this.logOf(job).error({ err: apologyError }, 'could not apologise either');
    }
    if (claim) await this.settle(job as EventJob<unknown>, claim, 'failed', Date.now());
  }

  /** Settling is retried too: an unsettled claim would be taken over and the answer redone in place. */
  private async settle(job: EventJob<unknown>, claim: Claim | undefined, status: Settlement, since: number) {
    if (!claim) return;
    try {
      await this.options.claims.settle(claim, status);
    } catch (error) {
      if (this.stopped || Date.now() - since > this.options.retryWindowMs) {
        this.logOf(job).warn({ err: error }, 'could not record an event as settled');
        return;
      }
      this.later(MAX_DELAY_MS / 4, () => this.settle(job, claim, status, since));
    }
  }

  private later(delayMs: number, work: () => Promise<void>) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work().catch((error: unknown) => this.options.logger.error({ err: error }, 'event retry failed'));
    }, delayMs);
    this.timers.add(timer);
  }

  private logOf(job: { key: EventKey; logger?: Logger }) {
    return (job.logger ?? this.options.logger).child({
      platform: job.key.platform,
      workspace: job.key.workspaceId,
      eventId: job.key.eventId,
    });
  }
}
