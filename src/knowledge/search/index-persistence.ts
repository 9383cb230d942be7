import type { Logger } from '../../logger.ts';
import type { PackedSections } from './binary-sections.ts';
import { decodeSnapshot, encodeSnapshot, type IndexSnapshot } from './index-snapshot.ts';
import type { SnapshotStore } from './snapshot-store.ts';

/**
 * Loads and saves workspaces' search indexes through a store. A snapshot that is missing, damaged,
 * from another version or another workspace is reported and ignored: the caller builds from the
 * database instead. Saving never fails a search: a failed save is logged and the next one tries again.
 */
export class IndexPersistence {
  private readonly saving = new Set<Promise<void>>();

  constructor(
    private readonly store: SnapshotStore,
    private readonly logger?: Logger,
  ) {}

  async load(workspaceId: string): Promise<IndexSnapshot | null> {
    const started = performance.now();
    let bytes: Uint8Array | null;
    try {
      bytes = await this.store.read(workspaceId);
    } catch (error) {
      this.logger?.warn(
        { err: error, workspaceId, where: this.store.where },
        'saved search index unreadable; rebuilding',
      );
      return null;
    }
    if (!bytes) return null;
    const readMs = Math.round(performance.now() - started);
    const decoded = decodeSnapshot(bytes, workspaceId);
    if ('unusable' in decoded) {
      this.logger?.info({ workspaceId, why: decoded.unusable }, 'saved search index not used; rebuilding');
      return null;
    }
    this.logger?.debug(
      {
        workspaceId,
        entries: decoded.snapshot.index.size,
        bytes: bytes.length,
        readMs,
        ms: Math.round(performance.now() - started),
      },
      'search index loaded',
    );
    return decoded.snapshot;
  }

  /** Says why a snapshot that decoded fine is not used after all. */
  discarded(workspaceId: string, why: string): void {
    this.logger?.info({ workspaceId, why }, 'saved search index not used; rebuilding');
  }

  /** Encodes now (the index keeps changing) and writes in the background; `flush` waits for it. */
  save(snapshot: IndexSnapshot): void {
    let packed: PackedSections;
    try {
      packed = encodeSnapshot(snapshot);
    } catch (error) {
      this.logger?.warn({ err: error, workspaceId: snapshot.workspaceId }, 'search index not saved');
      return;
    }
    const writing = this.store
      .write(snapshot.workspaceId, packed.chunks)
      .catch((error: unknown) => {
        this.logger?.warn(
          { err: error, workspaceId: snapshot.workspaceId, where: this.store.where },
          'search index not saved',
        );
      })
      .finally(() => this.saving.delete(writing));
    this.saving.add(writing);
  }

  /** Waits for saves under way (before the database closes). */
  async flush(): Promise<void> {
    await Promise.all([...this.saving]);
  }
}
