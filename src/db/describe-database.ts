import type { Config } from '../config.ts';
import { describeTarget } from './connection-error.ts';
import type { DatabaseLocation } from './database.ts';
import { describeOwner } from './open-data-dir.ts';

/** Where the configured database is, for `--verbose` and `db status`: never a password. */
export function describeDatabase(config: Config): string {
  const { database } = config;
  if (database.kind === 'pglite') return `embedded PGlite in ${database.dataDir}`;
  return `PostgreSQL server ${describeTarget(database.url) ?? '(DATABASE_URL)'}`;
}

/** How an open database handle reaches it: by itself, or through the process that owns the data dir. */
export function describeAccess(location: DatabaseLocation | undefined): string {
  if (!location || location.kind === 'postgres') return 'connected to the server';
  if (location.access === 'owner' && location.owner) {
    return `served by ${describeOwner(location.owner)}; this command went through it (${location.owner.socket})`;
  }
  return 'no Earshot server is running on it; this command opened it itself';
}
