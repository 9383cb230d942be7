/**
 * Variables whose values are settings, never credentials: a config error repeats them because seeing
 * the wrong value helps. Every other variable is named with its rule but its value is never printed,
 * since a token pasted into the wrong place, or a URL with a password, would otherwise land in a
 * terminal, a CI log or a support ticket.
 */
export const ECHOED_VARIABLES: ReadonlySet<string> = new Set([
  'NODE_ENV',
  'LOG_LEVEL',
  'PORT',
  'OPENAI_TIMEOUT_MS',
  'EARSHOT_EVENT_LEASE_SECONDS',
  'MICROSOFT_APP_TYPE',
  'EARSHOT_QUIET_HOURS',
  'EARSHOT_DEFAULT_TIME_ZONE',
  'EARSHOT_CAPTURE_EMOJI',
  'EARSHOT_STALE_ENTRIES',
  'EARSHOT_TEAMS_DEV_NO_AUTH',
]);

// A secret pasted into a settings variable (a shifted line in .env) must not be echoed either.
const LOOKS_LIKE_A_CREDENTIAL = /xox[a-z]-|xapp-|sk-|:\/\/|@|[A-Za-z0-9+/=_-]{20,}/;

/** One line of a config error: the variable and the rule it broke, and its value only when that is safe. */
export function describeConfigIssue(name: string, rule: string, value: unknown): string {
  const shown =
    ECHOED_VARIABLES.has(name) && typeof value === 'string' && !LOOKS_LIKE_A_CREDENTIAL.test(value)
      ? ` (got ${JSON.stringify(value)})`
      : ECHOED_VARIABLES.has(name)
        ? ''
        : ' (value not shown: it may be a secret)';
  return `- ${name}: ${rule}${shown}`;
}

/** Credentials never belong in a URL variable other than DATABASE_URL: libraries echo URLs in their errors. */
export function hasNoCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  } catch {
    return true;
  }
}
