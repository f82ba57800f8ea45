/**
 * What every use case receives: its dependencies and the request's context (actor, clock, client address).
 * Use cases load, let the pure domain decide, then persist and audit inside one transaction (`inTx`).
 */
import type { Config } from '../config';
import type { Lang } from '../contracts/validation';
import type { Db, PoolStats, Tx } from '../db/client';
import type { Actor } from '../domain/access/actor';
import type { DataCipher } from './crypto/data-cipher';
import type { FileStorage } from './storage/file-storage';

export interface Deps {
  db: Db;
  /** Optional read replica for reports and public pages; falls back to `db`. */
  readDb: Db;
  config: Config;
  clock: () => Date;
  cipher: DataCipher;
  storage: FileStorage;
  /** The database pool's use, where there is a pool (PostgreSQL); read by /metrics. */
  poolStats?: () => PoolStats;
  /** Set once the server is draining for shutdown: readiness then answers 503. */
  draining?: { value: boolean };
}

export interface Ctx {
  deps: Deps;
  actor: Actor | null;
  /** The request's instant, read once so a use case sees one consistent "now". */
  now: Date;
  clientIp: string | null;
  requestId: string | null;
  lang: Lang;
}

export function systemCtx(deps: Deps, name = 'system'): Ctx {
  return {
    deps,
    actor: {
      id: name,
      name,
      role: 'city_admin',
      via: 'session',
      districtCode: null,
      institutionId: null,
      enterpriseId: null,
      isEnterpriseAdmin: false,
    },
    now: deps.clock(),
    clientIp: null,
    requestId: null,
    lang: 'zh',
  };
}

/** Runs `fn` in one database transaction: all of its writes and audit events commit together or not at all. */
export function inTx<T>(ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.deps.db.transaction((tx) => fn(tx as Tx));
}
