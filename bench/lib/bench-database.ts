import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/db/database.ts';

export type BenchBackend = 'pglite' | 'postgres';

/** The PostgreSQL server benchmarks use; a role that may create databases. */
export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

/** A fresh, empty database for one benchmark run, and how to throw it away. */
export async function benchDatabase(
  backend: BenchBackend,
): Promise<{ config: DatabaseConfig; dispose: () => Promise<void> }> {
  if (backend === 'pglite') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-bench-'));
    return {
      config: { kind: 'pglite', dataDir },
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `earshot_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString() },
    dispose: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** The wanted backends, without the server when it cannot be reached (said once on stderr). */
export async function reachableBackends(wanted: BenchBackend[]): Promise<BenchBackend[]> {
  if (!wanted.includes('postgres') || (await serverReachable())) return wanted;
  console.error('PostgreSQL server not reachable: skipping it (set BENCH_DATABASE_URL).');
  return wanted.filter((backend) => backend !== 'postgres');
}

export async function serverReachable(): Promise<boolean> {
  return adminQuery('SELECT 1').then(
    () => true,
    () => false,
  );
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: BENCH_SERVER_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
