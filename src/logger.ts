import { type Logger, pino } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear, so secrets never reach the logs. */
const REDACTED = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'apiKey',
  'password',
  'authorization',
  '*.token',
  '*.apiKey',
  '*.password',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

/** Logs go to stderr so that command output on stdout stays machine-readable. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACTED, censor: '[redacted]' } }, pino.destination(2));
}
