import type { IncomingMessage } from 'node:http';
import { EarshotError } from '../errors.ts';

/** Reads and parses a JSON request body; one that is too large or not JSON is refused with a reason. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      throw new EarshotError({
        code: 'invalid_input',
        message: `request body larger than ${maxBytes} bytes; send fewer events per request`,
      });
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new EarshotError({
      code: 'invalid_input',
      message: 'request body is not valid JSON',
      cause: error,
    });
  }
}
