import type { Clock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createLogger } from '../../src/logger.ts';
import { createEarshot, type Earshot } from '../../src/main.ts';

/** Earshot on a test database, built through the real composition root, with logs silenced. */
export function testEarshot(
  db: Database,
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<Earshot> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  return createEarshot({ config, logger: createLogger('silent'), db, clock: options.clock });
}
