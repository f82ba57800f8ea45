/**
 * Database access: PGlite (embedded PostgreSQL) when no DATABASE_URL is set, node-postgres otherwise.
 * Both speak the same SQL and run the same committed drizzle-kit migrations.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type DbOrTx = Db | Tx;

/** A PostgreSQL pool's connections at this moment (for /metrics). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The pool's use (PostgreSQL only; PGlite has one in-process connection). */
  poolStats?: () => PoolStats;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite data; 'memory' for an in-memory database (tests). */
  pgliteDir?: string;
  poolSize?: number;
  /** Told when an idle pooled connection fails (it is discarded either way). */
  onIdleError?: (err: Error) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection that the server ends (restart, failover, a dropped database) must not crash the process;
    // the pool discards it and the next query opens a new one.
    pool.on('error', (err) => {
      opts.onIdleError?.(err);
    });
    // Timestamps and dates are read as strings where the schema says so; keep `date` as 'YYYY-MM-DD'.
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    const max = opts.poolSize ?? 10;
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max });
    return { db, kind: 'postgres', poolStats, close: () => pool.end() };
  }
  const dir = opts.pgliteDir ?? 'memory';
  const client = dir === 'memory' ? new PGlite() : new PGlite(dir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

/** Runs the committed migrations. On PostgreSQL an advisory lock lets several app instances start at once. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the PGlite-typed drizzle instance
    await migratePglite(database.db as any, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  // biome-ignore lint/suspicious/noExplicitAny: node-postgres drizzle instance exposes its pool as $client
  const pool = (database.db as any).$client as pg.Pool;
  const conn = await pool.connect();
  try {
    await conn.query('SELECT pg_advisory_lock(7300001)');
    await migrateNodePg(drizzleNodePg(conn, { schema }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await conn.query('SELECT pg_advisory_unlock(7300001)').catch(() => {});
    conn.release();
  }
}

/** The rows of a raw `db.execute(sql…)` answer: node-postgres returns `{ rows }`, PGlite's driver the same or an array. */
export function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] } | T[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}
