import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPglite, type Database, wrapPglite } from '../../src/db/database.ts';
import { type SharedPglite, sharePglite } from '../../src/db/pglite-socket.ts';

/*
 * The owner's PGlite served over its socket: clients (a pg pool, as the command line uses) and the
 * owner's own queries share one PostgreSQL session, so whole transactions must take turns.
 */
describe('a PGlite shared over a Unix socket', () => {
  let dir: string;
  let owner: Database;
  let shared: SharedPglite;
  let pools: pg.Pool[];
  const socketDir = () => dir;
  const pool = (max = 4) => {
    const created = new pg.Pool({
      host: socketDir(),
      port: 5432,
      user: 'postgres',
      database: 'postgres',
      max,
    });
    created.on('error', () => {});
    pools.push(created);
    return created;
  };
  const client = async () => {
    const created = new pg.Client({ host: socketDir(), port: 5432, user: 'postgres', database: 'postgres' });
    created.on('error', () => {});
    await created.connect();
    return created;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earshot-shared-'));
    const pglite = await createPglite({ dataDir: 'memory://' });
    owner = wrapPglite(pglite);
    await owner.query('CREATE TABLE notes (id serial PRIMARY KEY, who text NOT NULL)');
    shared = await sharePglite(pglite, path.join(dir, '.s.PGSQL.5432'), { idleLimitMs: 1_500 });
    pools = [];
  });
  afterEach(async () => {
    for (const created of pools) await created.end();
    await shared.close();
    await owner.close();
    await rm(dir, { recursive: true, force: true });
  });

  const count = async (who: string) =>
    Number((await owner.query<{ n: string }>('SELECT count(*) AS n FROM notes WHERE who = $1', [who]))[0]?.n);

  it('is a socket only its user may open', async () => {
    expect((await stat(path.join(dir, '.s.PGSQL.5432'))).mode & 0o777).toBe(0o600);
  });

  it("never runs the owner's writes inside a client's transaction: the client's rollback leaves them", async () => {
    const c = await client();
    await c.query('BEGIN');
    await c.query("INSERT INTO notes (who) VALUES ('client')");
    // The owner writes while the client's transaction is open: it waits for the client, then commits alone.
    const ownerWrite = owner.query("INSERT INTO notes (who) VALUES ('owner')");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await c.query('ROLLBACK');
    await ownerWrite;
    expect(await count('owner')).toBe(1);
    expect(await count('client')).toBe(0);
    await c.end();
  });

  it('keeps every write of a pool and the owner working at once, with parameters intact', async () => {
    const clients = pool(4);
    const writes = [
      ...Array.from({ length: 40 }, (_, i) =>
        clients.query('INSERT INTO notes (who) VALUES ($1) RETURNING who', [`pool-${i}`]),
      ),
      ...Array.from({ length: 40 }, (_, i) =>
        owner.query<{ who: string }>('INSERT INTO notes (who) VALUES ($1) RETURNING who', [`owner-${i}`]),
      ),
      ...Array.from({ length: 10 }, async (_, i) => {
        const connection = await clients.connect();
        try {
          await connection.query('BEGIN');
          await connection.query('INSERT INTO notes (who) VALUES ($1)', [`tx-${i}`]);
          await connection.query('INSERT INTO notes (who) VALUES ($1)', [`tx-${i}`]);
          await connection.query('COMMIT');
        } finally {
          connection.release();
        }
      }),
      ...Array.from({ length: 10 }, (_, i) =>
        owner.transaction(async (session) => {
          await session.query('INSERT INTO notes (who) VALUES ($1)', [`otx-${i}`]);
          await session.query('INSERT INTO notes (who) VALUES ($1)', [`otx-${i}`]);
        }),
      ),
    ];
    await Promise.all(writes);
    const rows = await owner.query<{ who: string; n: string }>(
      'SELECT who, count(*) AS n FROM notes GROUP BY who',
    );
    const counts = new Map(rows.map((row) => [row.who, Number(row.n)]));
    for (let i = 0; i < 40; i++) {
      expect(counts.get(`pool-${i}`)).toBe(1);
      expect(counts.get(`owner-${i}`)).toBe(1);
    }
    for (let i = 0; i < 10; i++) {
      expect(counts.get(`tx-${i}`)).toBe(2);
      expect(counts.get(`otx-${i}`)).toBe(2);
    }
  });

  it('rolls back the open transaction of a client that disconnects, and the owner goes on', async () => {
    const c = await client();
    await c.query('BEGIN');
    await c.query("INSERT INTO notes (who) VALUES ('gone')");
    const ownerRead = owner.query('SELECT 1');
    (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await ownerRead;
    expect(await count('gone')).toBe(0);
    expect(await pool().query('SELECT 1 AS one')).toMatchObject({ rows: [{ one: 1 }] });
  });

  it('disconnects a client that keeps a transaction open without a word, so the owner is not held forever', async () => {
    const c = await client();
    await c.query('BEGIN');
    await c.query("INSERT INTO notes (who) VALUES ('stuck')");
    const started = Date.now();
    await owner.query("INSERT INTO notes (who) VALUES ('owner')");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    await expect(c.query('COMMIT')).rejects.toThrow();
    expect(await count('stuck')).toBe(0);
    expect(await count('owner')).toBe(1);
  });
});
