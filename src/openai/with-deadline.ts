import { EarshotError } from '../errors.ts';

/**
 * Runs `work` with a signal that aborts after `ms`, and rejects with `model_failed` at that moment
 * even if the SDK is still sleeping before a retry (it honours Retry-After without watching the signal).
 */
export async function withDeadline<T>(
  what: string,
  ms: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new EarshotError({
        code: 'model_failed',
        message: `${what} took longer than ${ms} ms; gave up`,
        userMessage: 'The language model took too long to answer.',
      });
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
