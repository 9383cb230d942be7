import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import { SLACK_LIMITS } from './block-limits.ts';

/**
 * Reads a button's `value` (or a modal's private_metadata) as JSON checked against `schema`. Anyone
 * can post an interaction payload, so a value that does not parse is refused with `userMessage`.
 */
export function parseButtonValue<T>(schema: z.ZodType<T>, raw: string | undefined, userMessage: string): T {
  const stale = (reason: string, cause?: unknown) =>
    new EarshotError({
      code: 'invalid_input',
      message: `Invalid button value (${reason}): ${JSON.stringify(raw?.slice(0, 200) ?? null)}`,
      userMessage,
      cause,
    });
  if (raw === undefined || raw.length > SLACK_LIMITS.buttonValue) throw stale('missing or too long');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw stale('not JSON', error);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw stale(z.prettifyError(parsed.error).replace(/\n/g, ' '), parsed.error);
  return parsed.data;
}
