import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config } from '../config.ts';
import { PrismaClient } from '../generated/prisma/client.ts';
import { databaseConnectionError } from './connection-error.ts';
import { yieldingPglite } from './yielding-pglite.ts';

/** A raw SQL session on the driver beneath Prisma, for migrations and statements Prisma cannot express. */
export interface SqlSession {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  prisma: PrismaClient;
  /** Runs `work` in one driver-level transaction. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export type DatabaseConfig = Config['database'];

/** Opens the embedded PGlite database or a PostgreSQL server connection pool. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'postgres' ? openPostgres(config.url) : openPglite(config.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  return wrapPglite(await createPglite({ dataDir }));
}

/** A PGlite instance with pgvector available; `loadDataDir` starts it from a dump instead of running initdb. */
export async function createPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  const { vector } = await import('@electric-sql/pglite-pgvector');
  // PostgreSQL's default 128 MB of shared buffers lives inside the WebAssembly heap and counts fully
  // against RSS; PGlite reads through the OS page cache anyway, so a small pool costs little speed.
  return PGlite.create({ ...options, extensions: { vector }, postgresqlconf: ['shared_buffers=16MB'] });
}

export function wrapPglite(raw: PGlite): Database {
  const pglite = yieldingPglite(raw);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const session = (runner: Pick<PGlite, 'exec' | 'query'>): SqlSession => ({
    exec: async (sql) => {
      await runner.exec(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) => (await runner.query<Row>(sql, params)).rows,
  });
  return {
    kind: 'pglite',
    prisma,
    transaction: (work) => pglite.transaction((tx) => work(session(tx))),
    query: session(pglite).query,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Idle clients that lose their server emit errors; without a listener that would crash the process.
  pool.on('error', () => {});
  // Connect once now, so a wrong DATABASE_URL fails here with an error that names it and hides its password.
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw databaseConnectionError(url, error);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const session = (client: pg.Pool | pg.PoolClient): SqlSession => ({
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params as unknown[])).rows as Row[],
  });
  return {
    kind: 'postgres',
    prisma,
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(session(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    query: session(pool).query,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
