import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { OwnerThreadMessage, OwnerThreadOptions } from './pglite-owner-protocol.ts';

export interface OwnerThread {
  /** Stops serving, closes PGlite (flushing it to disk) and ends the thread. */
  close(): Promise<void>;
}

// The thread's entry point beside this module: TypeScript when running from sources, the bundle's
// own entry when running from dist/ (scripts/build.mjs builds both).
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const ENTRY = new URL(
  FROM_SOURCES ? './pglite-owner-thread.ts' : './pglite-owner-thread.mjs',
  import.meta.url,
);

/**
 * Starts the thread that owns the embedded database and serves it on `socket`; resolves once it
 * listens. A thread that dies later (PGlite aborting) calls `onLost`: the database is gone for this
 * process, which should stop rather than keep failing every request.
 */
export async function startOwnerThread(
  options: OwnerThreadOptions & { onLost(error: Error): void },
): Promise<OwnerThread> {
  const workerData = { dataDir: options.dataDir, socket: options.socket } satisfies OwnerThreadOptions;
  const worker = FROM_SOURCES
    ? // A worker does not inherit the main thread's TypeScript loader: it registers its own.
      new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ENTRY.href)}); })`,
        { eval: true, workerData },
      )
    : new Worker(ENTRY, { workerData });
  let closing = false;
  const first = await Promise.race([
    once(worker, 'message') as Promise<[OwnerThreadMessage]>,
    once(worker, 'error').then(([error]) => ({ type: 'failed', error }) as const),
    once(worker, 'exit').then(([code]) => ({
      type: 'failed',
      error: { message: `the database thread exited (${code}) before it was ready` },
    })),
  ]);
  const message = Array.isArray(first) ? first[0] : first;
  if (message.type !== 'ready') {
    await worker.terminate();
    const failure = message.type === 'failed' ? message.error : { message: 'unexpected message' };
    throw Object.assign(new Error(failure.message), failure);
  }
  worker.on('error', (error) => {
    if (!closing) options.onLost(error);
  });
  worker.on('exit', (code) => {
    if (!closing) options.onLost(new Error(`the embedded database thread stopped (exit code ${code})`));
  });
  return {
    close: async () => {
      if (closing) return;
      closing = true;
      const closed = once(worker, 'message');
      worker.postMessage('close');
      await Promise.race([closed, once(worker, 'exit')]);
      await worker.terminate();
    },
  };
}
