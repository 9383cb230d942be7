import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';

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
