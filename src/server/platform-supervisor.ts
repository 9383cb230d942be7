import type { Logger } from '../logger.ts';
import type { ReadinessState } from './readiness.ts';

/** A chat platform's adapter as the supervisor runs it. */
export interface Connected {
  stop(): Promise<void>;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

/**
 * Keeps one chat platform connected without letting it take the server down: a platform that cannot
 * be reached or refuses its credentials at start is retried with backoff while everything else serves,
 * with one log line per distinct reason (saying what to fix), and `/readyz` says how it is doing.
 */
export class PlatformSupervisor<A extends Connected> {
  private adapter: A | undefined;
  private state: ReadinessState = { ok: false, state: 'starting' };
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastReason: string | undefined;
  private failures = 0;

  constructor(
    private readonly options: {
      name: string;
      logger: Logger;
      /** Builds, checks and starts the adapter; throws when the platform cannot be used now. */
      connect(): Promise<A>;
      /** One sentence: what is wrong and how to fix it (never a secret). */
      explain(error: unknown): string;
      onReady?(adapter: A): void;
    },
  ) {}

  /**
   * Tries once now; resolves after this try whatever its outcome (later tries run on a timer), or after
   * `waitMs` when the try takes longer (it goes on in the background).
   */
  async start(options: { waitMs?: number } = {}): Promise<void> {
    const attempt = this.attempt();
    if (options.waitMs === undefined) return attempt;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, options.waitMs);
    });
    await Promise.race([attempt, waited]);
    clearTimeout(timer);
  }

  current(): A | undefined {
    return this.adapter;
  }

  readiness(): ReadinessState {
    return this.state;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.adapter?.stop();
  }

  private async attempt() {
    const { name, logger } = this.options;
    try {
      const adapter = await this.options.connect();
      if (this.stopped) {
        await adapter.stop();
        return;
      }
      this.adapter = adapter;
      this.state = { ok: true, state: 'ready' };
      if (this.failures > 0) logger.info({ platform: name }, `${name} is connected now`);
      this.options.onReady?.(adapter);
    } catch (error) {
      if (this.stopped) return;
      const reason = this.options.explain(error);
      const delay = Math.min(FIRST_DELAY_MS * 2 ** this.failures, MAX_DELAY_MS);
      this.failures += 1;
      this.state = { ok: false, state: `failing: ${reason}` };
      if (reason !== this.lastReason) {
        logger.error(
          { platform: name, retryInMs: delay },
          `${reason}; the rest of Earshot keeps serving and ${name} is retried`,
        );
        this.lastReason = reason;
      } else {
        logger.debug({ platform: name, retryInMs: delay }, `${name} still failing: ${reason}`);
      }
      this.timer = setTimeout(() => void this.attempt(), delay);
    }
  }
}
