import type { Config } from './config.ts';

// Shorter values (a placeholder key for a local model server) are not secrets, and blanking every
// occurrence of "x" would make logs unreadable.
const MIN_SECRET_LENGTH = 8;

/** The configured credentials, for scrubbing anything that is about to be printed or logged. */
export function secretValues(config: Config): string[] {
  const values = [
    config.slack?.botToken,
    config.slack?.appToken,
    config.slack?.signingSecret,
    config.slack?.oauth?.clientSecret,
    config.slack?.oauth?.stateSecret,
    config.slack?.oauth?.encryptionKey.toString('base64'),
    config.slack?.oauth?.encryptionKey.toString('hex'),
    config.slack?.oauth?.encryptionKey.toString('base64url'),
    config.webhookToken,
    config.openai?.apiKey,
    config.teams?.appPassword,
    config.database.kind === 'postgres' ? databasePassword(config.database.url) : undefined,
  ];
  return values.filter((value): value is string => (value?.length ?? 0) >= MIN_SECRET_LENGTH);
}

/** Replaces every secret, as written and as it appears inside JSON or a URL, with [redacted]. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) {
      redacted = redacted.replaceAll(form, '[redacted]');
    }
  }
  return redacted;
}

function databasePassword(url: string): string | undefined {
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}
