import type { IncomingMessage } from 'node:http';
import { EarshotError } from '../errors.ts';
import { readBody } from './read-body.ts';

/** Reads and parses a JSON request body; one that is too large (`too_large`) or not JSON is refused with a reason. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const body = await readBody(req, maxBytes);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new EarshotError({
      code: 'invalid_input',
      message: 'request body is not valid JSON',
      cause: error,
    });
  }
}
