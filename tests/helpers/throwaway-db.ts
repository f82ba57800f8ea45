/** Test databases on the PostgreSQL server named by DATABASE_URL, and databases the CLI opens by itself. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client';

/** Creates an empty database `<prefix>_<pid>_<random>` next to the one `url` names; its URL and how to drop it. */
export async function createThrowawayDatabase(
  url: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export interface CliTarget {
  /** The environment the command runs with. */
  env: NodeJS.ProcessEnv;
  /** Opens the same database for the test's own writes and checks. */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/**
 * A database the CLI opens by itself, as an operator's cron job would: a PGlite database in a fresh data directory,
 * or (with DATABASE_URL) a throwaway PostgreSQL database `<prefix>_…`; `env` is added to the command's environment.
 */
export async function cliTarget(prefix: string, env: NodeJS.ProcessEnv = {}): Promise<CliTarget> {
  const url = process.env.DATABASE_URL;
  const base = { PORT: '9', HUIQI_DEMO_DATA: 'false', ...env };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/_/g, '-')}-`));
  const removeDir = async () => fs.rmSync(dir, { recursive: true, force: true });
  if (!url) {
    return {
      env: { ...base, HUIQI_DATA_DIR: dir },
      open: () => openDatabase({ pgliteDir: path.join(dir, 'pg') }),
      dispose: removeDir,
    };
  }
  const db = await createThrowawayDatabase(url, prefix);
  return {
    env: { ...base, HUIQI_DATA_DIR: dir, DATABASE_URL: db.url },
    open: () => openDatabase({ databaseUrl: db.url, poolSize: 2 }),
    dispose: async () => {
      await removeDir();
      await db.drop();
    },
  };
}
