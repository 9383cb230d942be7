import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Runs at most `limit` tasks at once, and starts each waiting task in an event-loop turn of its own.
 * Forty questions arriving together would otherwise each run their CPU-bound search in the same turn,
 * back to back, while HTTP requests (Slack's acks among them) waited behind all forty.
 */
export class TurnLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T> | T): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      void this.handOver();
    }
  }

  /** Passes the slot on in a later turn, so pending I/O is served between one task and the next. */
  private async handOver() {
    await nextTurn();
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
