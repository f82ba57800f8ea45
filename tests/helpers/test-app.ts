/**
 * A freshly migrated platform for one test file: in-memory PGlite by default, or, with DATABASE_URL set,
 * a throwaway database on that PostgreSQL server (created here, dropped on close). A settable clock
 * lets tests move time (lockouts, idle sessions, filing windows) without sleeping.
 */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { type Database, openDatabase, runMigrations } from '../../src/db/client';
import { seedReference } from '../../src/db/seed/reference';
import { type App, buildApp } from '../../src/server/app';
import type { Deps } from '../../src/services/context';
import { createDataCipher } from '../../src/services/crypto/data-cipher';
import { MemoryFileStorage } from '../../src/services/storage/file-storage';
import { createThrowawayDatabase } from './throwaway-db';

export interface TestClock {
  (): Date;
  set(iso: string | Date): void;
  advance(ms: number): void;
}

export function testClock(start: string | Date = '2026-11-21T02:00:00Z'): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (t) => {
    now = new Date(t);
  };
  clock.advance = (ms) => {
    now = new Date(now.getTime() + ms);
  };
  return clock;
}

async function openTestDatabase(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ pgliteDir: 'memory' });
    return { database, dispose: () => database.close() };
  }
  const db = await createThrowawayDatabase(url, 'huiqi_t');
  const database = await openDatabase({ databaseUrl: db.url, poolSize: 10 });
  return {
    database,
    dispose: async () => {
      await database.close();
      await db.drop();
    },
  };
}

export interface TestPlatform {
  app: App;
  deps: Deps;
  database: Database;
  clock: TestClock;
  close(): Promise<void>;
}

export async function createTestPlatform(
  opts: { now?: string; requireTwoFactor?: boolean; secureCookies?: boolean } = {},
): Promise<TestPlatform> {
  const { database, dispose } = await openTestDatabase();
  await runMigrations(database);
  await seedReference(database.db);
  const clock = testClock(opts.now);
  const config = {
    ...loadConfig({}),
    dataDir: '/nonexistent',
    filesDir: '/nonexistent',
    // Most tests sign in with accounts made by factories; the two-factor tests switch the obligation on.
    requireTwoFactor: opts.requireTwoFactor ?? false,
    ...(opts.secureCookies === undefined ? {} : { secureCookies: opts.secureCookies }),
  };
  const deps: Deps = {
    db: database.db,
    readDb: database.db,
    config,
    clock,
    cipher: createDataCipher(randomBytes(32)),
    storage: new MemoryFileStorage(),
  };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    database,
    clock,
    async close() {
      await app.close();
      await dispose();
    },
  };
}
