import { pino } from 'pino';
import type { Logger } from '../../src/logger.ts';

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A real pino logger whose lines land in `lines`, parsed, for asserting on what an operator would read. */
export function captureLogs(): { logger: Logger; lines: LogLine[]; warnings: () => LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => lines.push(JSON.parse(line) as LogLine) },
  );
  return { logger, lines, warnings: () => lines.filter((line) => line.level === 40) };
}
