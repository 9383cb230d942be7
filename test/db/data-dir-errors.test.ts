import { open } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dataDirError } from '../../src/db/data-dir.ts';

/** The error the operating system gives for a write to a full disk (/dev/full always is one). */
async function fullDiskError(): Promise<unknown> {
  const file = await open('/dev/full', 'w');
  try {
    await file.writeFile('x');
    await file.sync();
  } catch (error) {
    return error;
  } finally {
    await file.close();
  }
  throw new Error('/dev/full accepted a write');
}

describe('errors of a data dir that takes no writes', () => {
  it('says the disk is full, names the directory and the fix', async () => {
    const error = dataDirError('/srv/earshot/data', await fullDiskError());
    expect(error?.message).toMatch(
      /^The disk holding the data directory \/srv\/earshot\/data is full \(ENOSPC\)/,
    );
    expect(error?.message).toContain('Free some space');
  });

  it("understands PGlite's own file-system errors, which are not Error objects", () => {
    // What PGlite threw for a read-only data dir, printed as "unexpected error: [object Object]".
    const pgliteError = Object.assign(Object.create({ name: 'ErrnoError' }), {
      name: 'ErrnoError',
      errno: 2,
    });
    expect(dataDirError('/d', pgliteError)?.message).toContain(
      'Cannot write to the data directory /d (EACCES',
    );
  });

  it('leaves other failures alone', () => {
    expect(dataDirError('/d', new Error('boom'))).toBeNull();
  });
});
