import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readiness } from './readiness.ts';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * Earshot's one HTTP server: liveness (`/healthz`, always 200 while the process serves), readiness
 * (`/readyz`, 503 with the reasons until every registered check passes) and whatever the adapters
 * mount (path → handler).
 */
export async function startHttpServer(options: {
  port: number;
  routes: Record<string, Route>;
  readiness?: Readiness;
}): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (req.method === 'GET' && path === '/readyz' && options.readiness) {
      options.readiness.report().then(({ ready, states }) => {
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(states));
      });
      return;
    }
    const route = options.routes[path];
    if (route) {
      route(req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, resolve);
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
