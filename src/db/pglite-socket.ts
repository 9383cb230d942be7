import { chmod, mkdtemp, rename, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { SessionQueue } from './session-queue.ts';

// PostgreSQL leaves idle transactions open forever by default; here one would stop the owner too.
const IDLE_IN_TRANSACTION_LIMIT_MS = 30_000;

export interface SharedPglite {
  /** Stops accepting clients and disconnects the connected ones (their open transactions roll back). */
  close(): Promise<void>;
}

/**
 * Serves a PGlite to other local processes as a PostgreSQL server on a Unix socket (never TCP), readable
 * and writable by this user only. Clients and the owner's own queries take turns through one queue.
 */
export async function sharePglite(
  pglite: PGlite,
  socketPath: string,
  options: { idleLimitMs?: number } = {},
): Promise<SharedPglite> {
  const handlers = new Set<PGLiteSocketHandler>();
  const queue = new SessionQueue(pglite, {
    idleLimitMs: options.idleLimitMs ?? IDLE_IN_TRANSACTION_LIMIT_MS,
    evict: (handlerId) => {
      const handler = [...handlers].find((candidate) => candidate.handlerId === handlerId);
      void handler?.detach(true);
    },
  });
  // A socket file left by a process that died is in the way of listen(); the lock says it is ours now.
  await rm(socketPath, { force: true });
  const server: Server = createServer((socket: Socket) => {
    const handler = new PGLiteSocketHandler({
      // The handler needs only enqueue/clearQueueForHandler/clearTransactionIfNeeded; the declared class
      // has private fields, so TypeScript cannot see that SessionQueue fits.
      queryQueue: queue as unknown as PGLiteSocketHandlerOptions['queryQueue'],
      closeOnDetach: true,
    });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  // Clients that disappear mid-message surface as socket errors; they must not take the owner down.
  server.on('error', () => {});
  await listenPrivately(server, socketPath);
  return {
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      await closed;
      await rm(socketPath, { force: true });
    },
  };
}

/**
 * Listens on `socketPath` so that nobody but this user can ever connect: the socket is made inside a
 * fresh directory only this user can enter, restricted, then moved into place (a Unix socket keeps
 * serving under its new name). `process.umask` would do it in one step, but worker threads cannot set it.
 */
async function listenPrivately(server: Server, socketPath: string): Promise<void> {
  const privateDir = await mkdtemp(path.join(path.dirname(socketPath), '.earshot-socket-'));
  try {
    const staged = path.join(privateDir, 's');
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(staged, () => {
        server.off('error', reject);
        resolve();
      });
    });
    await chmod(staged, 0o600);
    await rename(staged, socketPath);
  } finally {
    await rm(privateDir, { recursive: true, force: true });
  }
}
