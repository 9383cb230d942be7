const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);
// Prisma: can't reach / timed out / connection closed / pool timeout.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// PostgreSQL: shutting down, starting up, too many connections, serialization failure, deadlock.
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '40001', '40P01']);
const MESSAGES =
  /Connection terminated|connection error|Connection refused|timeout exceeded when trying to connect/i;

/**
 * Whether an error says "not now" rather than "never": the database or a network peer is unreachable
 * or restarting. Such work is worth retrying in a moment; anything else would fail the same way again.
 */
export function isTransient(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; original?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08')) {
    return true;
  }
  // @slack/web-api: the request never got an answer (Slack or the network is down).
  if (code === 'slack_webapi_request_error') return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isTransient(inner, depth + 1))) {
    return true;
  }
  return isTransient(e.cause, depth + 1) || isTransient(e.original, depth + 1);
}
