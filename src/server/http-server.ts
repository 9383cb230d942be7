import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EarshotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Readiness } from './readiness.ts';
import { replyJson } from './reply.ts';
import { runInRequest } from './request-context.ts';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** One path of the server; method and declared size are checked here, before the handler sees the request. */
export interface Route {
  /** Any other method gets 405 with `Allow`. */
  methods: readonly string[];
  /** A larger `Content-Length` gets 413; handlers still cap what they read, for chunked bodies. */
  maxBodyBytes: number;
  handle: RouteHandler;
}

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

const HEALTH_PATH = '/healthz';
const READY_PATH = '/readyz';
const HEALTH_METHODS = ['GET', 'HEAD'];
// A client that trickles its headers or body is cut off instead of holding a socket for minutes.
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
// How often Node looks for connections past those timeouts (its default, 30 s, would double them).
const TIMEOUT_CHECK_MS = 2_000;

/**
 * Earshot's one HTTP server: liveness (`/healthz`, always 200 while the process serves), readiness
 * (`/readyz`, 503 with the reasons until every registered check passes) and whatever the adapters
 * mount: exact paths (path → route), and prefixes (`/console` takes `/console` and everything under
 * `/console/`) for an adapter with its own router. Every
 * request gets an id (`x-request-id`), and any request gets a status code: a handler that throws or
 * rejects gives 500 and one error log line, and the server keeps serving.
 */
export async function startHttpServer(options: {
  port: number;
  routes: Record<string, Route>;
  /** Routes for a path and everything under it; exact routes win. */
  prefixes?: Record<string, Route>;
  logger: Logger;
  readiness?: Readiness;
}): Promise<RunningServer> {
  const { logger } = options;
  const server = createServer({ connectionsCheckingInterval: TIMEOUT_CHECK_MS }, (req, res) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const fail = (error: unknown) => {
      logger.error({ err: error, requestId, method: req.method, path }, 'request failed');
      replyJson(res, 500, { error: 'internal_error', requestId });
      if (!res.writableEnded) res.destroy();
    };
    runInRequest({ requestId, response: res }, () => {
      try {
        const outcome = dispatch(options, path, req, res);
        if (outcome) outcome.catch(fail);
      } catch (error) {
        fail(error);
      }
    });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, options.port)));
    server.listen(options.port, resolve);
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function dispatch(
  {
    routes,
    prefixes = {},
    readiness,
  }: { routes: Record<string, Route>; prefixes?: Record<string, Route>; readiness?: Readiness },
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): void | Promise<void> {
  const method = req.method ?? '';
  if (path === HEALTH_PATH) {
    if (!HEALTH_METHODS.includes(method)) return methodNotAllowed(res, HEALTH_METHODS);
    return replyJson(res, 200, { ok: true });
  }
  if (path === READY_PATH && readiness) {
    if (!HEALTH_METHODS.includes(method)) return methodNotAllowed(res, HEALTH_METHODS);
    return readiness.report().then(({ ready, states }) => replyJson(res, ready ? 200 : 503, states));
  }
  const route = Object.hasOwn(routes, path) ? routes[path] : prefixRoute(prefixes, path);
  if (!route) return replyJson(res, 404, { error: 'not_found' });
  if (!route.methods.includes(method)) return methodNotAllowed(res, route.methods);
  if (Number(req.headers['content-length'] ?? 0) > route.maxBodyBytes) {
    return replyJson(res, 413, {
      error: 'too_large',
      message: `request body larger than ${route.maxBodyBytes} bytes`,
    });
  }
  return route.handle(req, res);
}

/** The route of the prefix the path is, or lies under (`/console/x` is under `/console`, `/consoles` is not). */
function prefixRoute(prefixes: Record<string, Route>, path: string): Route | undefined {
  for (const [prefix, route] of Object.entries(prefixes)) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return route;
  }
  return undefined;
}

function methodNotAllowed(res: ServerResponse, methods: readonly string[]) {
  replyJson(
    res,
    405,
    { error: 'method_not_allowed', message: `use ${methods.join(' or ')}` },
    { allow: methods.join(', ') },
  );
}

/** A port that cannot be listened on is a set-up problem with a fix, not an unexpected error. */
function listenError(error: NodeJS.ErrnoException, port: number): Error {
  const problems: Record<string, string> = {
    EADDRINUSE: `port ${port} is already in use by another process: stop it, or set PORT to a free port`,
    EACCES: `port ${port} needs privileges this process does not have: set PORT to 1024 or above`,
  };
  const problem = error.code ? problems[error.code] : undefined;
  return problem ? new EarshotError({ code: 'config_invalid', message: problem, cause: error }) : error;
}
