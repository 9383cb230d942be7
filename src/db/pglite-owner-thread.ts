/**
 * The embedded database's own thread (a worker of `earshot serve`): opens PGlite and serves it on the
 * data dir's Unix socket. PGlite runs PostgreSQL on the thread that calls it and never yields while a
 * query runs, so on the main thread every query and index-build page held up Slack's and Teams' acks.
 * Here it holds up nothing but itself; the main thread connects through the socket like any client.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPglite } from './database.ts';
import type { OwnerThreadMessage, OwnerThreadOptions } from './pglite-owner-protocol.ts';
import { sharePglite } from './pglite-socket.ts';

const { dataDir, socket } = workerData as OwnerThreadOptions;
const port = parentPort;
if (!port) throw new Error('pglite-owner-thread runs only as a worker thread');
const send = (message: OwnerThreadMessage) => port.postMessage(message);

try {
  const pglite = await createPglite({ dataDir });
  const shared = await sharePglite(pglite, socket);
  port.on('message', async (message: unknown) => {
    if (message !== 'close') return;
    try {
      await shared.close();
      await pglite.close();
    } finally {
      send({ type: 'closed' });
    }
  });
  send({ type: 'ready' });
} catch (error) {
  const { message, name, code, errno } = error as {
    message?: string;
    name?: string;
    code?: unknown;
    errno?: unknown;
  };
  send({ type: 'failed', error: { message: String(message ?? error), name, code, errno } });
}
