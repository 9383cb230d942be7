import { readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { EarshotError } from '../errors.ts';

/** The file in the data dir that names the one process that has the embedded database open. */
export const OWNER_LOCK_FILE = 'earshot-owner.json';

const ownerSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  /** Process start time in clock ticks since boot (Linux): tells a live owner from a reused pid. */
  startTicks: z.string().nullable(),
  command: z.string(),
  since: z.string(),
  /** Where the owner serves the database to other processes; null for a one-shot command. */
  socket: z.string().nullable(),
});
export type DatabaseOwner = z.infer<typeof ownerSchema>;

export type LockOutcome =
  | { acquired: true; release: () => Promise<void> }
  | { acquired: false; owner: DatabaseOwner };

/**
 * Makes this process the owner of the data dir unless a live process already is. The lock is written
 * whole to a temporary file and hard-linked into place, which fails if the lock exists: no reader ever
 * sees half a lock, and of two processes starting together exactly one wins. A lock whose process is
 * gone (killed, crashed, machine restarted) is taken over.
 */
export async function acquireOwnerLock(
  dataDir: string,
  claim: { command: string; socket: string | null },
): Promise<LockOutcome> {
  const lockPath = path.join(dataDir, OWNER_LOCK_FILE);
  const me: DatabaseOwner = {
    pid: process.pid,
    host: hostname(),
    startTicks: startTicks(process.pid),
    command: claim.command,
    since: new Date().toISOString(),
    socket: claim.socket,
  };
  const text = `${JSON.stringify(me)}\n`;
  const temporary = `${lockPath}.${process.pid}.tmp`;
  // Readable by all: it names a process, so another user's command can say who has the database.
  await writeFile(temporary, text, { mode: 0o644 });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(temporary, lockPath);
        const release = onceReleased(lockPath, text);
        return { acquired: true, release };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = await readLock(lockPath);
      if (current === null) continue;
      const owner = parseOwner(current);
      if (owner && isAlive(owner)) return { acquired: false, owner };
      // Remove the stale lock only if it is still the one just read, so a fresh owner is never removed.
      const again = await readLock(lockPath);
      if (again === current) await unlink(lockPath).catch(() => {});
    }
    throw new EarshotError({
      code: 'database_failed',
      message: `Could not take the lock ${lockPath}: other processes keep changing it. Run the command again.`,
    });
  } finally {
    await unlink(temporary).catch(() => {});
  }
}

/** The live process that has the data dir open, if any. */
export async function readOwner(dataDir: string): Promise<DatabaseOwner | null> {
  const text = await readLock(path.join(dataDir, OWNER_LOCK_FILE)).catch(() => null);
  const owner = text === null ? null : parseOwner(text);
  return owner && isAlive(owner) ? owner : null;
}

/** The lock's text, or null when there is none; a lock this user may not read is an error naming it. */
async function readLock(lockPath: string): Promise<string | null> {
  try {
    return await readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new EarshotError({
      code: 'database_failed',
      message: `Cannot read ${lockPath} (${(error as NodeJS.ErrnoException).code}): another user's Earshot may be using this database. Run Earshot as the user who owns ${path.dirname(lockPath)}.`,
      cause: error,
    });
  }
}

function parseOwner(text: string): DatabaseOwner | null {
  try {
    const parsed = ownerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isAlive(owner: DatabaseOwner): boolean {
  // A process on another machine sharing the directory cannot be checked: assume it is running.
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const ticks = startTicks(owner.pid);
  return owner.startTicks === null || ticks === null || ticks === owner.startTicks;
}

/** Field 22 of /proc/PID/stat; null where there is no /proc. */
function startTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; fields after it are plain.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Removes the lock once, on close or at the latest when the process exits, if it is still ours. */
function onceReleased(lockPath: string, text: string): () => Promise<void> {
  let released = false;
  const releaseNow = () => {
    if (released) return;
    released = true;
    process.off('exit', releaseNow);
    try {
      if (readFileSync(lockPath, 'utf8') === text) unlinkSync(lockPath);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', releaseNow);
  return async () => releaseNow();
}
