import type { Database } from '../db/database.ts';
import { analyzeStaleTables } from '../db/planner-statistics.ts';
import type { Logger } from '../logger.ts';
import type { Job } from './cron-jobs.ts';

export const ANALYZE_JOB_ID = 'db:analyze';

/**
 * Hourly: refreshes planner statistics of tables where many rows changed since they were last
 * gathered. PGlite has no autovacuum; on a server whose autovacuum runs, it finds nothing to do.
 */
export function analyzeJob(deps: { db: Database; logger: Logger }): Job {
  return {
    id: ANALYZE_JOB_ID,
    schedule: '41 * * * *',
    handler: async () => {
      const started = performance.now();
      const tables = await analyzeStaleTables(deps.db);
      if (tables.length > 0) {
        deps.logger.info(
          { tables, ms: Math.round(performance.now() - started) },
          'planner statistics refreshed',
        );
      }
    },
  };
}
