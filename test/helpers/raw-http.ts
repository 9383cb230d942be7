import { request } from 'node:http';

export interface RawRequest {
  method: string;
  path: string;
  /** An array value sends the header once per element. */
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Sends the body in this many pieces with a pause between them. */
  slow?: { pieces: number; pauseMs: number };
  /** Sends the headers (declaring the whole body) and half of the body, then drops the connection. */
  abort?: boolean;
  /** Sends the headers (declaring the whole body) and half of the body, then waits for an answer. */
  stall?: boolean;
}

/** The status, or how the exchange ended without one. */
export type RawOutcome = { status: number } | { status: 'aborted' } | { status: 'failed'; error: string };

/**
 * One request over its own loopback connection, with full control of what is sent: any method, duplicate
 * or oversized headers, bodies that trickle in or stop halfway. Never rejects.
 */
export function sendRaw(origin: string, raw: RawRequest, timeoutMs = 20_000): Promise<RawOutcome> {
  const body = raw.body === undefined ? undefined : Buffer.from(raw.body);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    // Keep-alive, so a server that answers before reading the whole body (413) drains it rather than
    // closing the socket under a client still writing; the socket is dropped once the answer is in.
    const headers: Record<string, string | string[]> = { connection: 'keep-alive', ...raw.headers };
    if (body && !raw.slow) headers['content-length'] = String(body.length);
    const half = body?.subarray(0, Math.floor(body.length / 2)) ?? '';
    const req = request(`${origin}${raw.path}`, { method: raw.method, headers, agent: false }, (res) => {
      res.resume();
      res.on('error', () => {});
      res.on('end', () => req.destroy());
      settle({ status: res.statusCode ?? 0 });
    });
    const timer = setTimeout(() => {
      req.destroy();
      settle({ status: 'failed', error: 'timeout' });
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      settle(raw.abort ? { status: 'aborted' } : { status: 'failed', error: error.code ?? error.message });
    });
    if (raw.stall) {
      req.write(half);
      return;
    }
    if (raw.abort) {
      req.write(half);
      setTimeout(() => {
        req.destroy();
        settle({ status: 'aborted' });
      }, 100);
      return;
    }
    if (!body) {
      req.end();
      return;
    }
    if (!raw.slow) {
      req.end(body);
      return;
    }
    void writeSlowly(req, body, raw.slow);
  });
}

async function writeSlowly(
  req: ReturnType<typeof request>,
  body: Buffer,
  slow: { pieces: number; pauseMs: number },
) {
  const size = Math.ceil(body.length / slow.pieces);
  for (let start = 0; start < body.length; start += size) {
    if (req.destroyed) return;
    req.write(body.subarray(start, start + size));
    await new Promise((resolve) => setTimeout(resolve, slow.pauseMs));
  }
  req.end();
}
