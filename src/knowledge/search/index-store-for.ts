import path from 'node:path';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import { IndexPersistence } from './index-persistence.ts';
import { FileSnapshotStore } from './snapshot-store.ts';
import { TableSnapshotStore } from './table-snapshot-store.ts';

/** The folder of the embedded database's data dir where search indexes are saved. */
export const SNAPSHOT_FOLDER = 'search-index';

/**
 * Where this database's search indexes are saved: files in the embedded database's data dir (every
 * process on it runs on this machine), or a table on a PostgreSQL server (shared by every replica).
 * A database opened without a known location (tests) saves none.
 */
export function indexPersistence(db: Database, logger: Logger): IndexPersistence | undefined {
  if (db.location?.kind === 'pglite') {
    return new IndexPersistence(
      new FileSnapshotStore(path.join(db.location.dataDir, SNAPSHOT_FOLDER)),
      logger,
    );
  }
  if (db.location?.kind === 'postgres') return new IndexPersistence(new TableSnapshotStore(db), logger);
  return undefined;
}
