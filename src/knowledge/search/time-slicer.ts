import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Splits long synchronous work into slices of about `sliceMs`, giving the event loop a turn between
 * them: on PGlite every query runs on this thread, so an index build that never yields keeps HTTP
 * requests (Slack's 3 s ack deadline, health checks) waiting for seconds.
 */
export class TimeSlicer {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = 10) {}

  /** Yields to pending I/O when the current slice has run its time; otherwise returns at once. */
  async maybeYield(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await this.yield();
  }

  /** Always yields: before work whose length is not known in advance, such as a query. */
  async yield(): Promise<void> {
    await nextTurn();
    this.sliceStart = performance.now();
  }
}
