import { isTransient } from './transient-error.ts';

/**
 * Runs `work` again while it fails transiently (database or network unreachable), backing off from
 * 0.5 s to 10 s, for up to `windowMs`; then lets the last error through. For requests Slack will not
 * redeliver and that hold no claim, such as slash commands.
 */
export async function retryWhileTransient<T>(work: () => Promise<T>, windowMs: number): Promise<T> {
  const since = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const delay = Math.min(500 * 2 ** attempt, 10_000);
      if (!isTransient(error) || Date.now() - since + delay > windowMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
