import { type FileHandle, open } from 'node:fs/promises';
import { importError } from './import-problems.ts';

/** Opens a file for reading, turning "no such file" and "is a directory" into messages a user can act on. */
export async function openImportFile(path: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw importError(`${path}: cannot read the file (${describeFsError(error)}); check the path`, error);
  }
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw importError(`${path}: is not a file; pass the path of the import file itself`);
  }
  return handle;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
