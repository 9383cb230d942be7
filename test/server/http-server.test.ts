import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Route, type RunningServer, startHttpServer } from '../../src/server/http-server.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { freePort } from '../helpers/serve-process.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the HTTP server', () => {
  let running: RunningServer | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  async function start(routes: Record<string, Route>, prefixes: Record<string, Route> = {}) {
    const logs = captureLogs();
    running = await startHttpServer({ port: 0, routes, prefixes, logger: logs.logger });
    return { logs, base: `http://127.0.0.1:${running.port}` };
  }

  it('turns a handler that throws or rejects into a 500 naming the request, logs it once and keeps serving', async () => {
    const { logs, base } = await start({
      '/throws': {
        methods: ['POST'],
        maxBodyBytes: 100,
        handle: () => {
          throw new Error('sync boom');
        },
      },
      '/rejects': {
        methods: ['POST'],
        maxBodyBytes: 100,
        handle: async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          throw new Error('async boom');
        },
      },
    });
    for (const path of ['/throws', '/rejects']) {
      const response = await fetch(`${base}${path}`, { method: 'POST', body: '{}' });
      const requestId = response.headers.get('x-request-id');
      expect(response.status).toBe(500);
      expect(requestId).toMatch(UUID);
      expect(await response.json()).toEqual({ error: 'internal_error', requestId });
      const lines = logs.lines.filter((line) => line.requestId === requestId);
      expect(lines.map((line) => [line.level, line.msg, line.path])).toEqual([[50, 'request failed', path]]);
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('answers wrong methods with 405 and Allow, unknown paths with 404, large bodies with 413', async () => {
    const seen: string[] = [];
    const { base } = await start({
      '/hook': {
        methods: ['POST'],
        maxBodyBytes: 10,
        handle: (req, res) => {
          seen.push(req.method ?? '');
          res.writeHead(204).end();
        },
      },
    });
    const health = await fetch(`${base}/healthz`, { method: 'POST' });
    expect([health.status, health.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect((await fetch(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
    const wrong = await fetch(`${base}/hook`, { method: 'DELETE' });
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await fetch(`${base}/hook/more`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/constructor`)).status).toBe(404);
    expect((await fetch(`${base}/hook`, { method: 'POST', body: 'x'.repeat(11) })).status).toBe(413);
    expect((await fetch(`${base}/hook?x=1`, { method: 'POST', body: 'small' })).status).toBe(204);
    expect(seen).toEqual(['POST']);
  });

  it('hands a prefix and every path under it to its route, checking methods and sizes there too', async () => {
    const seen: string[] = [];
    const { base } = await start(
      {
        '/console/exact': {
          methods: ['GET'],
          maxBodyBytes: 0,
          handle: (_req, res) => {
            res.writeHead(200).end('exact');
          },
        },
      },
      {
        '/console': {
          methods: ['GET', 'POST'],
          maxBodyBytes: 10,
          handle: (req, res) => {
            seen.push(`${req.method} ${req.url}`);
            res.writeHead(200).end('console');
          },
        },
      },
    );
    for (const path of ['/console', '/console/', '/console/review?x=1', '/console/a/b']) {
      expect(await (await fetch(`${base}${path}`)).text()).toBe('console');
    }
    expect(await (await fetch(`${base}/console/exact`)).text()).toBe('exact');
    expect((await fetch(`${base}/consoles`)).status).toBe(404);
    expect((await fetch(`${base}/x/console`)).status).toBe(404);
    const wrong = await fetch(`${base}/console/review`, { method: 'DELETE' });
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET, POST']);
    const large = await fetch(`${base}/console/review`, { method: 'POST', body: 'x'.repeat(11) });
    expect(large.status).toBe(413);
    expect(seen).toEqual(['GET /console', 'GET /console/', 'GET /console/review?x=1', 'GET /console/a/b']);
  });
});

describe('the process-level error handlers', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill();
  });

  it('log an error no code caught with its request id, answer that request with 500 and keep serving', async () => {
    const port = await freePort();
    child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/leaky-server.ts')],
      {
        env: { ...process.env, PORT: String(port) },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const base = `http://127.0.0.1:${port}`;
    await expect
      .poll(
        () =>
          fetch(`${base}/healthz`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 30_000, interval: 200 },
      )
      .toBe(200);

    for (const [route, kind] of [
      ['/timer-throw', 'uncaughtException'],
      ['/floating-rejection', 'unhandledRejection'],
    ]) {
      const response = await fetch(`${base}${route}`);
      const requestId = response.headers.get('x-request-id');
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'internal_error', requestId });
      await expect.poll(() => stderr).toContain(requestId);
      const line = stderr
        .split('\n')
        .filter((text) => text.includes(`"requestId":"${requestId}"`))
        .map((text) => JSON.parse(text) as { level: number; kind: string });
      expect(line.map(({ level, kind }) => [level, kind])).toEqual([[50, kind]]);
    }
    expect(child.exitCode).toBeNull();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
