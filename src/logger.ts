import { type Logger, pino } from 'pino';
import { terminalSafeText } from './render/terminal-safe-text.ts';
import { redactSecrets } from './secret-values.ts';

export type { Logger };

const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'webhookToken',
  'apiKey',
  'password',
  'appPassword',
  'clientSecret',
  'stateSecret',
  'encryptionKey',
  'access_token',
  'refresh_token',
  'authorization',
  'cookie',
];

/** Paths pino blanks out, at the top and two levels down (a config or request logged whole). */
const REDACTED = [
  ...['', '*.', '*.*.'].flatMap((prefix) => SECRET_KEYS.map((key) => `${prefix}${key}`)),
  'headers.authorization',
  '*.headers.authorization',
  'database.url',
  '*.database.url',
];

/**
 * Logs go to stderr so that command output on stdout stays machine-readable. Redaction by path misses
 * secrets inside messages (a library's error that repeats a URL or header), so each line is also
 * scrubbed of the configured secret values themselves.
 */
export function createLogger(level: string, secrets: readonly string[] = []): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED, censor: '[redacted]' },
      // Lines are JSON, so escaping C1 and bidi controls is lossless and keeps a terminal tailing them safe.
      hooks: { streamWrite: (line) => redactSecrets(terminalSafeText(line), secrets) },
    },
    pino.destination(2),
  );
}
