import { createHash } from 'node:crypto';
import { chmod, mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EarshotError } from '../errors.ts';

/** pg connects to `<host dir>/.s.PGSQL.<port>`; the port only names the file. */
export const SOCKET_PORT = 5432;
// Unix socket paths are limited to about 107 bytes; longer data dirs get theirs under the temp dir.
const MAX_SOCKET_PATH = 100;

/** Where the owner of a data dir serves it: inside the data dir, or in the temp dir when that is too long. */
export function socketPathFor(dataDir: string): string {
  const inside = path.join(dataDir, `.s.PGSQL.${SOCKET_PORT}`);
  if (Buffer.byteLength(inside) <= MAX_SOCKET_PATH) return inside;
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return path.join(tmpdir(), `earshot-${hash}`, `.s.PGSQL.${SOCKET_PORT}`);
}

/**
 * Creates the data dir if needed, closes it to other users, and proves it takes writes, so a read-only
 * or full disk is reported with the directory and the fix before the database starts (PGlite itself
 * would abort half-way).
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  const probe = path.join(dataDir, `.earshot-write-check-${process.pid}`);
  try {
    await mkdir(dataDir, { recursive: true });
    await closeToOthers(dataDir);
    // No fsync: a full disk already refuses the write, and an fsync costs every command on a busy disk.
    await writeFile(probe, 'ok');
  } catch (error) {
    throw dataDirError(dataDir, error) ?? error;
  } finally {
    await unlink(probe).catch(() => {});
  }
}

// PGlite writes the database's files readable and writable by everyone (0666), so the directory
// is what keeps other users of the host out, as PostgreSQL's own data dir must be 0700.
const OTHERS = 0o077;

/**
 * Takes the group's and others' access away from the data dir, also from one an earlier version left
 * 0755, and grants nothing: a dir its owner made read-only stays so. One owned by another user is left
 * to the write check.
 */
async function closeToOthers(dataDir: string): Promise<void> {
  try {
    const { mode } = await stat(dataDir);
    if (mode & OTHERS) await chmod(dataDir, mode & 0o777 & ~OTHERS);
  } catch (error) {
    if (!READ_ONLY.has(errorCode(error) ?? '')) throw error;
  }
}

const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);
const FULL = new Set(['ENOSPC', 'EDQUOT']);
const NOT_A_DIRECTORY = new Set(['ENOTDIR', 'EEXIST']);
// PGlite's file system reports Emscripten errno numbers, not the host's codes.
const EMSCRIPTEN_CODES: Record<number, string> = {
  2: 'EACCES',
  63: 'EPERM',
  69: 'EROFS',
  51: 'ENOSPC',
  19: 'EDQUOT',
};

/** The error for a data dir Earshot cannot write to, naming the directory and the fix; null for other failures. */
export function dataDirError(dataDir: string, cause: unknown): EarshotError | null {
  const code = errorCode(cause);
  if (!code) return null;
  const where = `the data directory ${dataDir}`;
  const setDir = 'or set EARSHOT_DATA_DIR to a directory you can write to';
  let message: string | undefined;
  if (READ_ONLY.has(code)) {
    message = `Cannot write to ${where} (${code}: read-only or not yours). Give this user write access to it (e.g. chown or chmod u+w), ${setDir}. Nothing was changed.`;
  } else if (FULL.has(code)) {
    message = `The disk holding ${where} is full (${code}). Free some space and run the command again, ${setDir}. Nothing was changed.`;
  } else if (NOT_A_DIRECTORY.has(code)) {
    message = `${where} is not a directory (${code}). Point EARSHOT_DATA_DIR at a directory, or remove the file in its place.`;
  }
  return message ? new EarshotError({ code: 'database_failed', message, cause }) : null;
}

function errorCode(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { code, errno, name } = cause as { code?: unknown; errno?: unknown; name?: unknown };
  if (typeof code === 'string') return code;
  if (name === 'ErrnoError' && typeof errno === 'number') return EMSCRIPTEN_CODES[errno];
  return undefined;
}
