import type { Database } from './database.ts';

/**
 * Rows written at once after which the planner's statistics are refreshed: below this the old
 * estimates still hold well enough, above it plans go wrong (a cold ask at 300k entries without
 * statistics took 45 s instead of 26 s).
 */
export const LARGE_WRITE_ROWS = 1_000;

/**
 * Gathers planner statistics (`ANALYZE`). PGlite has no autovacuum, and a PostgreSQL server may run
 * without it (the development server does), so Earshot does it itself after large writes.
 */
export async function analyzeTables(db: Database, tables?: string[]): Promise<void> {
  await db.query(tables?.length ? `ANALYZE ${tables.map(quoteIdentifier).join(', ')}` : 'ANALYZE');
}

/**
 * After a write of `rows` rows into `tables`: gathers their statistics when the write was large. Runs
 * after the write committed, so a failure here loses nothing (the hourly job retries).
 */
export async function refreshStatisticsAfterWrite(
  db: Database,
  rows: number,
  tables: string[],
): Promise<void> {
  if (rows >= LARGE_WRITE_ROWS) await analyzeTables(db, tables);
}

/**
 * Analyzes the tables where many rows changed since their statistics were gathered, by anyone
 * (autovacuum too: where it runs, this finds nothing to do). The threshold follows autovacuum's
 * (a share of the table plus a floor). Returns the tables analyzed.
 */
export async function analyzeStaleTables(
  db: Database,
  options: { minRows?: number; share?: number } = {},
): Promise<string[]> {
  const { minRows = LARGE_WRITE_ROWS, share = 0.1 } = options;
  const stale = await db.query<{ table: string }>(
    `SELECT relname AS table FROM pg_stat_user_tables
     WHERE schemaname = current_schema() AND n_mod_since_analyze >= $1::float8 + $2::float8 * GREATEST(n_live_tup, 0)
     ORDER BY relname`,
    [minRows, share],
  );
  const tables = stale.map((row) => row.table);
  if (tables.length > 0) await analyzeTables(db, tables);
  return tables;
}

/** A table or column name as SQL reads it, whatever its characters. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
