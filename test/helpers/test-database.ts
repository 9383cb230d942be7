import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { createPglite, type Database, openDatabase, wrapPglite } from '../../src/db/database.ts';
import { quoteIdentifier } from '../../src/db/planner-statistics.ts';
import { ReusableDatabases } from './reusable-databases.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set (as .ci/run does). */
export const DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

let dump: Promise<ArrayBuffer> | undefined;
/** The global setup's dump, read once per test worker (it keeps its modules from file to file). */
function migratedDump(): Promise<ArrayBuffer> {
  dump ??= readFile(inject('pgliteDump')).then((bytes) => new Uint8Array(bytes).buffer);
  return dump;
}

/**
 * The dump as the Blob PGlite asks for. PGlite reads a Blob once, with arrayBuffer(), and only reads
 * the bytes. Node 20's Blob copies them out in small chunks: 0.3 s for each test's 27 MB, which this
 * Blob hands over without a copy.
 */
class PreloadedBlob extends Blob {
  constructor(private readonly contents: ArrayBuffer) {
    super([]);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.contents);
  }
}

/**
 * A migrated, empty database of its own for one test. PGlite starts from a migrated dump made once
 * by the global setup (initdb takes seconds); on the server each new one is a copy of a database the
 * global setup migrated. A worker reuses the databases its earlier tests closed, reset to that state.
 */
export function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  return reusable[kind].lease();
}

/** A new migrated database, not one an earlier test used. */
export function openNewTestDatabase(kind: DatabaseKind): Promise<Database> {
  return kind === 'pglite' ? openPgliteDatabase() : openServerDatabase();
}

// Two idle databases of each kind per worker: a few tests open two at once.
const reusable: Record<DatabaseKind, ReusableDatabases> = {
  pglite: new ReusableDatabases(openPgliteDatabase, 2),
  postgres: new ReusableDatabases(openServerDatabase, 2),
};

async function openPgliteDatabase(): Promise<Database> {
  return wrapPglite(await createPglite({ loadDataDir: new PreloadedBlob(await migratedDump()) }));
}

async function openServerDatabase(): Promise<Database> {
  const url = await createServerDatabase(inject('postgresTemplate'));
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      await dropServerDatabase(url);
    },
  };
}

/**
 * Several connection pools on one new server database, as several Earshot processes would have, for
 * tests of what must happen exactly once. Closing the last one drops the database.
 */
export async function openSharedServerDatabase(count: number): Promise<Database[]> {
  const url = await createServerDatabase(inject('postgresTemplate'));
  const handles = await Promise.all(
    Array.from({ length: count }, () => openDatabase({ kind: 'postgres', url: url.toString() })),
  );
  let open = count;
  return handles.map((db) => {
    const close = db.close;
    return {
      ...db,
      close: async () => {
        await close();
        if (--open === 0) await dropServerDatabase(url);
      },
    };
  });
}

/**
 * A new database on the PostgreSQL server of TEST_DATABASE_URL: empty, for a child process to migrate,
 * or a copy of the database named `template`.
 */
export async function createServerDatabase(template?: string): Promise<URL> {
  // Copies are named after their template, so the global teardown finds those workers kept open.
  const name = `${template ? `${template}_copy` : 'earshot_test'}_${randomBytes(6).toString('hex')}`;
  await asAdmin((client) =>
    client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`),
  );
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return url;
}

export async function dropServerDatabase(url: URL) {
  await asAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${url.pathname.slice(1)} WITH (FORCE)`));
}

/** Drops the databases whose names match a LIKE pattern. */
export async function dropServerDatabasesLike(pattern: string) {
  await asAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [pattern],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    }
  });
}

/** Runs `work` on a connection to the TEST_DATABASE_URL database, closed after it. */
async function asAdmin(work: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? '' });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
