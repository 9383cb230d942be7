/** One check's verdict: `ok` plus the word shown for it (`ok`, `ready`, `starting`, `failing: …`). */
export interface ReadinessState {
  ok: boolean;
  state: string;
}

export type ReadinessCheck = () => ReadinessState | Promise<ReadinessState>;

const CHECK_TIMEOUT_MS = 2_000;

/**
 * What `GET /readyz` reports: named checks registered by the composition root (the database, each
 * configured platform, and whatever else must be ready before traffic is welcome).
 */
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck) {
    this.checks.set(name, check);
  }

  /** Runs every check at once, each bounded in time; a check that throws or hangs is failing. */
  async report(): Promise<{ ready: boolean; states: Record<string, string> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await bounded(check)] as const),
    );
    return {
      ready: entries.every(([, verdict]) => verdict.ok),
      states: Object.fromEntries(entries.map(([name, verdict]) => [name, verdict.state])),
    };
  }
}

async function bounded(check: ReadinessCheck): Promise<ReadinessState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadinessState>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, state: 'failing: no answer within 2 s' }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch (error) {
    return { ok: false, state: `failing: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}
