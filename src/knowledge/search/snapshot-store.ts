import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Where saved search indexes live: one opaque byte string per workspace, written in chunks. */
export interface SnapshotStore {
  /** Where, for logs and the README's promise ("a file in the data dir"). */
  readonly where: string;
  read(workspaceId: string): Promise<Uint8Array | null>;
  /** Stores the chunks, in order, as one snapshot replacing the previous one. */
  write(workspaceId: string, chunks: readonly Uint8Array[]): Promise<void>;
}

/**
 * Snapshots as files in a directory (the embedded database's data dir). A write goes to a temporary
 * file renamed over the old one, so a reader in another process sees a whole snapshot or the previous
 * one, never half of one.
 */
export class FileSnapshotStore implements SnapshotStore {
  constructor(readonly where: string) {}

  async read(workspaceId: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.fileOf(workspaceId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async write(workspaceId: string, chunks: readonly Uint8Array[]): Promise<void> {
    await mkdir(this.where, { recursive: true });
    const file = this.fileOf(workspaceId);
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      const handle = await open(temporary, 'w');
      try {
        for (const chunk of chunks) await handle.write(chunk);
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await unlink(temporary).catch(() => {});
      throw error;
    }
  }

  /** Workspace ids come from chat platforms: hashed, so any id makes a safe file name. */
  private fileOf(workspaceId: string): string {
    const name = createHash('sha256').update(workspaceId).digest('hex').slice(0, 32);
    return path.join(this.where, `${name}.index`);
  }
}
