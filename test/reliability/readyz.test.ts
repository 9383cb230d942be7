import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { type Earshot, type EarshotServer, startServer } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

describe.each(DATABASE_KINDS)('GET /readyz on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let server: EarshotServer;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
    server = await startServer(earshot, { port: 0 });
  });
  afterEach(async () => {
    await server.close();
    await earshot.close();
  });

  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('is ready with the database alone when no chat platform is configured', async () => {
    expect(await get('/readyz')).toEqual({ status: 200, body: { database: 'ok' } });
    expect(await get('/healthz')).toEqual({ status: 200, body: { ok: true } });
  });

  it('reports every registered check by name, and is not ready until all pass', async () => {
    let warm = false;
    earshot.readiness.register('search index', () => ({ ok: warm, state: warm ? 'ok' : 'warming' }));
    expect(await get('/readyz')).toEqual({
      status: 503,
      body: { database: 'ok', 'search index': 'warming' },
    });
    warm = true;
    expect(await get('/readyz')).toEqual({ status: 200, body: { database: 'ok', 'search index': 'ok' } });
  });

  it('answers within about 2 s when a check hangs or throws, and liveness is unaffected', async () => {
    earshot.readiness.register('stuck', () => new Promise(() => {}));
    earshot.readiness.register('broken', () => {
      throw new Error('index file unreadable');
    });
    const started = Date.now();
    const report = await get('/readyz');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report).toEqual({
      status: 503,
      body: {
        database: 'ok',
        stuck: 'failing: no answer within 2 s',
        broken: 'failing: index file unreadable',
      },
    });
    expect((await get('/healthz')).status).toBe(200);
  });
});
