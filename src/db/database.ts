import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config } from '../config.ts';
import { PrismaClient } from '../generated/prisma/client.ts';
import { databaseConnectionError } from './connection-error.ts';
import { initdbTemplateFor } from './initdb-template.ts';
import { openDataDir } from './open-data-dir.ts';
import type { DatabaseOwner } from './owner-lock.ts';
import { yieldingPglite } from './yielding-pglite.ts';

/** A raw SQL session on the driver beneath Prisma, for migrations and statements Prisma cannot express. */
export interface SqlSession {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** Where a database handle reaches its data, for `db status` and `--verbose`. */
export type DatabaseLocation =
  | {
      kind: 'pglite';
      dataDir: string;
      /** `own`: this process opened the data dir; `owner`: it goes through the process that did. */
      access: 'own' | 'owner';
      owner: DatabaseOwner | null;
    }
  | { kind: 'postgres' };

export interface Database {
  kind: 'pglite' | 'postgres';
  /** Set by `openDatabase`; test databases opened otherwise leave it out. */
  location?: DatabaseLocation;
  /**
   * The most entries a bulk write should commit at once, where others wait for each transaction (an
   * embedded database reached through its owner); undefined: any number.
   */
  bulkRows?: number;
  prisma: PrismaClient;
  /** Runs `work` in one driver-level transaction. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export type DatabaseConfig = Config['database'];

export interface OpenOptions {
  /** Serve the embedded database to other Earshot processes (`earshot serve`); a second sharer is refused. */
  share?: boolean;
  /** What this process is, as other processes are told when they find it owning the data dir. */
  command?: string;
  /** Told once per owner when another one-shot command has the data dir open and this one waits for it. */
  onWait?: (owner: string) => void;
  /** When sharing: the embedded database's thread died. Default: say so on stderr and exit. */
  onDatabaseLost?: (error: Error) => void;
}

/**
 * Opens the PostgreSQL server of DATABASE_URL, or the embedded PGlite database: as its one owner, or
 * through the process that owns it (see open-data-dir.ts).
 */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  if (config.kind === 'pglite') {
    return openDataDir(config.dataDir, options, { createPglite, wrapPglite, openPostgres });
  }
  const db = await openPostgres({ connectionString: config.url }, (error) =>
    databaseConnectionError(config.url, error),
  );
  return { ...db, location: { kind: 'postgres' } };
}

/**
 * A PGlite instance with pgvector available; `loadDataDir` starts it from a dump instead of running
 * initdb, as a new data dir does from the build's initdb template.
 */
export async function createPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const loadDataDir =
    options.loadDataDir ?? (options.dataDir ? await initdbTemplateFor(options.dataDir) : undefined);
  // PostgreSQL's default 128 MB of shared buffers lives inside the WebAssembly heap and counts fully
  // against RSS; PGlite reads through the OS page cache anyway, so a small pool costs little speed.
  return PGlite.create({
    ...options,
    loadDataDir,
    extensions: { vector },
    postgresqlconf: ['shared_buffers=16MB'],
  });
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

/** A pg pool as a Database; `connectFailed` turns a failed first connection into the error to show. */
export async function openPostgres(
  config: pg.PoolConfig,
  connectFailed: (error: unknown) => Error,
  kind: Database['kind'] = 'postgres',
): Promise<Database> {
  // Loaded here, not with the module: a command on the embedded database never needs them (0.1 s).
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import('pg'), import('@prisma/adapter-pg')]);
  const pool = new pg.Pool({ max: 10, ...config });
  // Idle clients that lose their server emit errors; without a listener that would crash the process.
  pool.on('error', () => {});
  // Connect once now, so a wrong DATABASE_URL fails here with an error that names it and hides its password.
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw connectFailed(error);
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
    kind,
    prisma,
    transaction: async (work) => {
      const client = await pool.connect();
      // A checked-out client whose server goes away emits 'error' besides failing its query; unheard,
      // that event would crash the process instead of failing this transaction.
      const ignore = () => {};
      client.on('error', ignore);
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await work(session(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.off('error', ignore);
        // A client that could not even roll back is dropped, not handed to the next caller.
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    query: session(pool).query,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
