import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';
import { EarshotError } from '../errors.ts';

const MAX_BODY_BYTES = 1_000_000;

/** Reads and parses a JSON request body; a body that is too large or not JSON is refused. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new EarshotError({ code: 'invalid_input', message: 'request body too large' });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new EarshotError({ code: 'invalid_input', message: 'request body is not JSON', cause: error });
  }
}

/** botbuilder's CloudAdapter wants express-like objects; these adapt plain node:http ones. */
export function botRequest(req: IncomingMessage, body: unknown): Request {
  return { body: body as Record<string, unknown>, headers: req.headers, method: req.method };
}

export function botResponse(res: ServerResponse): Response {
  const response: Response = {
    socket: res.socket,
    end: (...args: unknown[]) => {
      if (!res.writableEnded) res.end(...(args as []));
      return response;
    },
    header: (name: string, value: unknown) => {
      res.setHeader(name, value as string);
      return response;
    },
    send: (body?: unknown) => {
      if (
        body !== undefined &&
        !res.headersSent &&
        !res.getHeader('content-type') &&
        typeof body === 'object'
      ) {
        res.setHeader('content-type', 'application/json');
      }
      res.write(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));
      return response;
    },
    status: (code: number) => {
      res.statusCode = code;
      return response;
    },
  };
  return response;
}
