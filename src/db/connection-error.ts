import { EarshotError } from '../errors.ts';
import { redactSecrets } from '../secret-values.ts';

/**
 * The error for a PostgreSQL server Earshot cannot reach: it names DATABASE_URL and where it points
 * (user, host, port, database) but never the password, which drivers may repeat in their messages.
 */
export function databaseConnectionError(url: string, cause: unknown): EarshotError {
  const target = describeTarget(url);
  const reason = redactSecrets(cause instanceof Error ? cause.message : String(cause), [
    url,
    ...passwordForms(url),
  ]);
  return new EarshotError({
    code: 'database_failed',
    message:
      `Could not connect to the PostgreSQL server in DATABASE_URL${target ? ` (${target})` : ''}: ${reason}. ` +
      "Check that the server is running and that DATABASE_URL's host, port, database, user and password are right.",
    cause,
  });
}

/** `user@host:port/database` of a PostgreSQL URL: never its password. */
export function describeTarget(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    return `${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

function passwordForms(url: string): string[] {
  try {
    const { password } = new URL(url);
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}
