import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { EarshotError } from '../errors.ts';
import { dataDirError, prepareDataDir, SOCKET_PORT, socketPathFor } from './data-dir.ts';
import type { Database, DatabaseLocation, OpenOptions } from './database.ts';
import { acquireOwnerLock, type DatabaseOwner } from './owner-lock.ts';
import { type OwnerThread, startOwnerThread } from './pglite-owner.ts';

/** How database.ts opens a PGlite and a pg pool; passed in so this file does not import it back. */
export interface Openers {
  createPglite(options: { dataDir: string }): Promise<PGlite>;
  wrapPglite(pglite: PGlite): Database;
  openPostgres(
    config: pg.PoolConfig,
    connectFailed: (error: unknown) => Error,
    kind: Database['kind'],
  ): Promise<Database>;
}

// Statements through the owner run one at a time anyway; a few connections let a transaction and the
// queries queued behind it wait in the owner instead of in this process.
const CLIENT_POOL_SIZE = 4;
// The serving process's own connections: its answers, captures and index reads queue here, not in the owner.
const OWN_POOL_SIZE = 8;
// An owner that has just started may not listen yet (initdb takes seconds on first start).
const CONNECT_PATIENCE_MS = 60_000;
// The owner's own queries wait for each of our transactions: 2,000 entries take about 0.3 s to write.
const OWNER_BULK_ROWS = 2_000;
/** How long a process waits for a one-shot command that has the data dir open before it gives up. */
export const LOCK_PATIENCE_MS = 20_000;

/**
 * Opens the embedded database in `dataDir` so that exactly one process has it open: this one, when no
 * live process owns it (taking over a lock left by a dead one), or else the owner, as a PostgreSQL
 * client through the owner's socket. A second sharer (`earshot serve`) is refused with a message naming
 * the owner; a process finding a one-shot command (which serves no socket) owning the data dir waits up
 * to LOCK_PATIENCE_MS for it, then is refused the same way.
 */
export async function openDataDir(
  dataDir: string,
  options: OpenOptions,
  openers: Openers,
): Promise<Database> {
  await prepareDataDir(dataDir);
  const command = options.command ?? 'earshot';
  const socket = options.share ? socketPathFor(dataDir) : null;
  const connectDeadline = Date.now() + CONNECT_PATIENCE_MS;
  const lockDeadline = Date.now() + LOCK_PATIENCE_MS;
  let waitingFor: number | null = null;
  for (;;) {
    const lock = await acquireOwnerLock(dataDir, { command, socket });
    if (lock.acquired) return openAsOwner(dataDir, socket, lock.release, options, openers);
    const { owner } = lock;
    if (options.share && owner.socket) throw ownedElsewhere(dataDir, owner, true);
    if (!owner.socket) {
      // Another one-shot command: most take seconds, so wait for it before giving up.
      if (Date.now() > lockDeadline) throw ownedElsewhere(dataDir, owner, options.share === true);
      if (waitingFor !== owner.pid) options.onWait?.(describeOwner(owner));
      waitingFor = owner.pid;
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      return await connectToOwner(dataDir, owner, owner.socket, openers);
    } catch (error) {
      // The owner may still be starting (not listening yet), or may have died: look again.
      if (!notListening(error) || Date.now() > connectDeadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function openAsOwner(
  dataDir: string,
  socket: string | null,
  releaseLock: () => Promise<void>,
  options: OpenOptions,
  openers: Openers,
): Promise<Database> {
  if (socket) return openThroughOwnThread(dataDir, socket, releaseLock, options, openers);
  let pglite: PGlite;
  try {
    pglite = await openers.createPglite({ dataDir });
  } catch (error) {
    await releaseLock();
    throw dataDirError(dataDir, error) ?? error;
  }
  const db = openers.wrapPglite(pglite);
  return {
    ...db,
    location: { kind: 'pglite', dataDir, access: 'own', owner: null },
    close: async () => {
      try {
        await db.close();
      } finally {
        await releaseLock();
      }
    },
  };
}

/**
 * The sharing owner (`earshot serve`): PGlite runs on a thread of its own that serves the socket, and
 * this thread reaches it through the socket like any other client, so no query blocks its event loop.
 */
async function openThroughOwnThread(
  dataDir: string,
  socket: string,
  releaseLock: () => Promise<void>,
  options: OpenOptions,
  openers: Openers,
): Promise<Database> {
  let thread: OwnerThread | undefined;
  try {
    await mkdir(path.dirname(socket), { recursive: true, mode: 0o700 });
    thread = await startOwnerThread({
      dataDir,
      socket,
      onLost: options.onDatabaseLost ?? exitOnLostDatabase,
    });
    const db = await openers.openPostgres(
      socketClient(socket, OWN_POOL_SIZE),
      (error) =>
        new EarshotError({
          code: 'database_failed',
          message: `The embedded database thread did not answer on ${socket}`,
          cause: error,
        }),
      'pglite',
    );
    const owned = thread;
    return {
      ...db,
      location: { kind: 'pglite', dataDir, access: 'own', owner: null },
      close: async () => {
        try {
          await db.close();
          await owned.close();
        } finally {
          await releaseLock();
        }
      },
    };
  } catch (error) {
    await thread?.close().catch(() => {});
    await releaseLock();
    throw dataDirError(dataDir, error) ?? error;
  }
}

function exitOnLostDatabase(error: Error): void {
  process.stderr.write(`earshot: the embedded database stopped (${error.message}); exiting\n`);
  process.exit(1);
}

async function connectToOwner(
  dataDir: string,
  owner: DatabaseOwner,
  socket: string,
  openers: Openers,
): Promise<Database> {
  const db = await openers.openPostgres(
    socketClient(socket, CLIENT_POOL_SIZE),
    (error) => {
      const denied = (error as NodeJS.ErrnoException).code === 'EACCES';
      const fix = denied
        ? 'It serves only the user it runs as: run the command as that user.'
        : `If it is stuck, stop it (kill ${owner.pid}) and run the command again.`;
      return new EarshotError({
        code: 'database_failed',
        message: `${describeOwner(owner)} owns the database in ${dataDir} but did not answer on ${socket}: ${
          error instanceof Error ? error.message : String(error)
        }. ${fix}`,
        cause: error,
      });
    },
    'pglite',
  );
  return { ...db, location: { kind: 'pglite', dataDir, access: 'owner', owner }, bulkRows: OWNER_BULK_ROWS };
}

/**
 * A command that went through the owner and lost it half-way (the server stopped or was killed): says
 * so instead of the driver's "Connection terminated unexpectedly". Other errors pass through.
 */
export function explainLostOwner(location: DatabaseLocation | undefined, error: unknown): unknown {
  if (location?.kind !== 'pglite' || location.access !== 'owner' || !location.owner) return error;
  if (error instanceof EarshotError) return error;
  const message = error instanceof Error ? error.message : '';
  if (!/Connection terminated|ECONNRESET|EPIPE|Client has encountered a connection error/i.test(message)) {
    return error;
  }
  return new EarshotError({
    code: 'database_failed',
    message: `${describeOwner(location.owner)}, which serves the database in ${location.dataDir}, stopped while this command was running (${message}). What the command stored before then is kept; run it again.`,
    cause: error,
  });
}

/** A pg pool's settings for the owner's Unix socket. */
function socketClient(socket: string, max: number): pg.PoolConfig {
  return { host: path.dirname(socket), port: SOCKET_PORT, user: 'postgres', database: 'postgres', max };
}

/** No socket yet, or nobody behind it: worth another look; anything else (a refused permission) is not. */
function notListening(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNREFUSED' || code === 'ENOENT';
}

function ownedElsewhere(dataDir: string, owner: DatabaseOwner, wantsToShare: boolean): EarshotError {
  const who = describeOwner(owner);
  const message = owner.socket
    ? `${who} already has the database in ${dataDir} open and serves it. ` +
      'Only one `earshot serve` can use an embedded database: stop the other one first, give this one ' +
      'its own EARSHOT_DATA_DIR, or run several servers on one PostgreSQL server (DATABASE_URL).'
    : `${who} is still using the database in ${dataDir} after ${LOCK_PATIENCE_MS / 1000} s. ` +
      `Wait for it to finish and run ${wantsToShare ? '`earshot serve`' : 'the command'} again; ` +
      'while `earshot serve` runs, commands go through it and do not wait for each other.';
  return new EarshotError({ code: 'database_failed', message });
}

/** "`earshot import` (pid 123 since 2026-11-30 10:31:02 UTC)" */
export function describeOwner(owner: DatabaseOwner): string {
  const since = owner.since.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const host = owner.host === hostname() ? '' : ` on ${owner.host}`;
  return `\`${owner.command}\` (pid ${owner.pid}${host} since ${since})`;
}
