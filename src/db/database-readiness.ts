import { isTransient } from '../events/transient-error.ts';
import type { ReadinessState } from '../server/readiness.ts';
import type { Database } from './database.ts';

/** `/readyz`'s database check: one trivial query (the report bounds its time). */
export async function databaseReadiness(db: Database): Promise<ReadinessState> {
  try {
    await db.query('SELECT 1');
    return { ok: true, state: 'ok' };
  } catch (error) {
    // Driver messages can carry the connection string; the code and a fixed phrase say enough.
    const code = (error as { code?: unknown }).code;
    const reason = isTransient(error) ? 'unreachable' : 'query failed';
    return { ok: false, state: `failing: ${reason}${typeof code === 'string' ? ` (${code})` : ''}` };
  }
}
