/** Wires configuration, database, storage and encryption into the dependencies every use case receives. */
import path from 'node:path';
import type { Config } from './config';
import { type Database, openDatabase, runMigrations } from './db/client';
import { seedReference } from './db/seed/reference';
import { startAuditChainer } from './services/audit';
import type { Deps } from './services/context';
import { createDataCipher, loadDataKey } from './services/crypto/data-cipher';
import { LocalFileStorage } from './services/storage/file-storage';

export interface Runtime {
  deps: Deps;
  database: Database;
  readDatabase: Database | null;
  close(): Promise<void>;
}

export async function startRuntime(config: Config, clock: () => Date = () => new Date()): Promise<Runtime> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pg'),
    poolSize: config.databasePoolSize,
    onIdleError: (err) => console.warn(`数据库空闲连接中断，已丢弃并将重连：${err.message}`),
  });
  await runMigrations(database);
  await seedReference(database.db);
  const readDatabase = config.databaseReadUrl
    ? await openDatabase({
        databaseUrl: config.databaseReadUrl,
        poolSize: config.databasePoolSize,
        onIdleError: (err) => console.warn(`只读副本空闲连接中断：${err.message}`),
      })
    : null;
  const deps: Deps = {
    db: database.db,
    readDb: readDatabase?.db ?? database.db,
    config,
    clock,
    cipher: createDataCipher(
      loadDataKey(config.dataKey, config.dataDir),
      config.retiredDataKeys.map((k) => Buffer.from(k, 'base64')),
    ),
    storage: new LocalFileStorage(config.filesDir),
    ...(database.poolStats ? { poolStats: database.poolStats } : {}),
    draining: { value: false },
  };
  // Links committed audit events into the SM3 chain a moment after commit (ADR 0015); one instance at a time.
  const chainer = startAuditChainer(database.db, {
    onError: (err) => console.warn(`审计日志入链暂未完成，稍后重试：${err.message}`),
  });
  return {
    deps,
    database,
    readDatabase,
    async close() {
      await chainer.stop();
      await readDatabase?.close();
      await database.close();
    },
  };
}
