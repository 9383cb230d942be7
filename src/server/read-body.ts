import type { IncomingMessage } from 'node:http';
import { EarshotError } from '../errors.ts';

/**
 * Reads a request body up to `maxBytes`; a larger one is refused (code `too_large`) as soon as it
 * passes the limit, declared or streamed, without buffering the rest. A body the client aborts is
 * `invalid_input`, not an internal error.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new EarshotError({ code: 'too_large', message: `request body larger than ${maxBytes} bytes` });
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof EarshotError) throw error;
    throw new EarshotError({
      code: 'invalid_input',
      message: 'request body was not received completely',
      cause: error,
    });
  }
  return Buffer.concat(chunks);
}
