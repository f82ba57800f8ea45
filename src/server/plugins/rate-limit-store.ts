/**
 * Rate limits shared by every app instance (ADR 0025). The budget lives in PostgreSQL (table `rate_limit_counters`,
 * one row per route and client, fixed window), but a request does not write there each time: an instance claims a
 * lease of the window's budget in one atomic upsert — a tenth of the limit, or one request at a time when little is
 * left — and admits requests from it in memory. Leases never add up to more than the limit, so the limit holds across
 * any number of instances (a lease left unused on an idle instance can only make the others refuse a little early).
 * Once a claim finds the window spent, the instance refuses locally until the window ends, writing nothing.
 * Expired rows are deleted lazily, at most once a minute per instance. Limited answers are 429 with a Chinese message
 * and `retry-after`.
 *
 * The limits themselves are settings (HUIQI_RATE_LIMITS, see config.ts); a route names its kind:
 * `{ config: publicRateLimit, schema: … }` (anonymous/public endpoints) or `loginRateLimit`, and so on.
 */

import type { FastifyRateLimitOptions, FastifyRateLimitStoreCtor, RateLimitPluginOptions } from '@fastify/rate-limit';
import { lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { RateLimitKind } from '../../config';
import { rateLimitCounters } from '../../db/schema';
import type { Deps } from '../../services/context';
import { AppError } from '../../services/errors';

/** A route's limit, read from the deployment's settings for each request (so a changed setting needs no release). */
function limitOf(kind: RateLimitKind) {
  return (request: FastifyRequest) => request.server.deps.config.rateLimits[kind];
}

/** For public (anonymous) endpoints: 60 requests a minute per client address by default. */
export const publicRateLimit = { rateLimit: { max: limitOf('public'), timeWindow: '1 minute' } } as const;
/** For public reference data the web app reads on every page: generous, but a flood from one address stops. */
export const referenceRateLimit = { rateLimit: { max: limitOf('reference'), timeWindow: '1 minute' } } as const;
/** For the API documentation (the OpenAPI document and its browsable pages). */
export const docsRateLimit = { rateLimit: { max: limitOf('docs'), timeWindow: '1 minute' } } as const;
/** For sign-in: 20 attempts a minute per client address (the account lockout covers slow guessing). */
export const loginRateLimit = { rateLimit: { max: limitOf('login'), timeWindow: '1 minute' } } as const;
/** For self-registration of an enterprise: 10 a minute per address. */
export const registrationRateLimit = { rateLimit: { max: limitOf('registration'), timeWindow: '1 minute' } } as const;
/** For objections to a public notice: 5 per 10 minutes per address, whatever their outcome. */
export const objectionRateLimit = { rateLimit: { max: limitOf('objection'), timeWindow: '10 minutes' } } as const;
/** For looking an objection up by its case number: 20 per 10 minutes per address. */
export const objectionLookupRateLimit = {
  rateLimit: { max: limitOf('objectionLookup'), timeWindow: '10 minutes' },
} as const;

const CLEANUP_EVERY_MS = 60_000;
const MAX_KEY_LENGTH = 400;

/** Within this many leases of the limit, an instance takes one request at a time (less left unused elsewhere). */
const EXACT_ZONE = 2;

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface RouteInfo {
  method?: string | string[];
  url?: string;
}

/** What this instance holds of one key's window. */
interface Lease {
  /** Requests this instance may still admit without asking the shared row. */
  tokens: number;
  /** The shared count after this instance's last claim (every instance's claims up to then). */
  claimed: number;
  resetAt: number;
  /** The shared row said the window is spent: refuse until it ends. */
  spent: boolean;
}

/** A store class for @fastify/rate-limit bound to this deployment's database and clock. */
export interface RateLimitStoreOptions {
  /** Told of each claim on the shared row (the writes this store makes), for /metrics. */
  onClaim?: () => void;
}

export function postgresRateLimitStore(
  deps: Pick<Deps, 'db' | 'clock'>,
  opts: RateLimitStoreOptions = {},
): FastifyRateLimitStoreCtor {
  const state = { lastCleanup: 0 };
  const leases = new Map<string, Lease>();
  /** One claim at a time per key: requests that arrive meanwhile wait for it, then use what it brought. */
  const claiming = new Map<string, Promise<void>>();

  async function cleanup(now: Date): Promise<void> {
    if (now.getTime() - state.lastCleanup < CLEANUP_EVERY_MS) return;
    state.lastCleanup = now.getTime();
    for (const [key, l] of leases) if (l.resetAt <= now.getTime()) leases.delete(key);
    await deps.db.delete(rateLimitCounters).where(lt(rateLimitCounters.resetAt, now));
  }

  /**
   * Claims `want` requests of the window from the shared row in one atomic upsert (starting a new window if the
   * last one ended). The row counts every claim; what this instance may use is what was left below the limit.
   */
  async function claim(key: string, want: number, max: number, timeWindow: number, now: Date): Promise<void> {
    const nowIso = now.toISOString();
    const resetAt = new Date(now.getTime() + timeWindow);
    const expired = sql`${rateLimitCounters.resetAt} <= ${nowIso}::timestamptz`;
    const [row] = await deps.db
      .insert(rateLimitCounters)
      .values({ key, hits: want, resetAt })
      .onConflictDoUpdate({
        target: rateLimitCounters.key,
        set: {
          hits: sql`CASE WHEN ${expired} THEN ${want} ELSE ${rateLimitCounters.hits} + ${want} END`,
          resetAt: sql`CASE WHEN ${expired} THEN excluded.reset_at ELSE ${rateLimitCounters.resetAt} END`,
        },
      })
      .returning({ hits: rateLimitCounters.hits, resetAt: rateLimitCounters.resetAt });
    opts.onClaim?.();
    const before = row!.hits - want;
    const granted = Math.max(0, Math.min(want, max - before));
    leases.set(key, { tokens: granted, claimed: row!.hits, resetAt: row!.resetAt.getTime(), spent: granted === 0 });
  }

  async function incr(key: string, timeWindow: number, max: number): Promise<{ current: number; ttl: number }> {
    const now = deps.clock();
    const t = now.getTime();
    for (;;) {
      const lease = leases.get(key);
      if (lease && lease.resetAt <= t) leases.delete(key);
      const l = leases.get(key);
      if (l && l.tokens > 0) {
        l.tokens--;
        return { current: Math.min(max, l.claimed - l.tokens), ttl: Math.max(0, l.resetAt - t) };
      }
      if (l?.spent) return { current: max + 1, ttl: Math.max(0, l.resetAt - t) };
      const pending = claiming.get(key);
      if (pending) {
        await pending;
        continue;
      }
      // A tenth of the limit at a time, one at a time near it (so little is left unused on other instances).
      const batch = Math.max(1, Math.floor(max / 10));
      const want = l && max - l.claimed <= EXACT_ZONE * batch ? 1 : batch;
      const work = claim(key, want, max, timeWindow, now);
      const settled = work.catch(() => {});
      claiming.set(key, settled);
      try {
        await work;
      } finally {
        claiming.delete(key);
      }
      await cleanup(now).catch(() => {});
      const got = leases.get(key)!;
      if (got.spent) return { current: max + 1, ttl: Math.max(0, got.resetAt - t) };
    }
  }

  async function read(key: string): Promise<{ current: number; ttl: number }> {
    const now = deps.clock();
    const [row] = await deps.db.select().from(rateLimitCounters).where(sql`${rateLimitCounters.key} = ${key}`).limit(1);
    const unused = leases.get(key)?.tokens ?? 0;
    if (!row || row.resetAt <= now) return { current: 0, ttl: 0 };
    return { current: Math.max(0, row.hits - unused), ttl: row.resetAt.getTime() - now.getTime() };
  }

  class PostgresRateLimitStore {
    constructor(
      _options?: FastifyRateLimitOptions,
      private readonly prefix = 'global',
    ) {}

    private fullKey(key: string): string {
      return `${this.prefix}|${key}`.slice(0, MAX_KEY_LENGTH);
    }

    incr(key: string, callback: IncrCallback, timeWindow: number, max?: number): void {
      // @fastify/rate-limit passes the route's limit for this request (it may be a setting read per request).
      const limit = typeof max === 'number' ? max : 1;
      incr(this.fullKey(key), timeWindow, limit).then(
        (r) => callback(null, r),
        (err: Error) => callback(err),
      );
    }

    read(key: string, callback: IncrCallback): void {
      read(this.fullKey(key)).then(
        (r) => callback(null, r),
        (err: Error) => callback(err),
      );
    }

    child(routeOptions: { routeInfo?: RouteInfo; groupId?: string }): PostgresRateLimitStore {
      const info = routeOptions.routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : info.method;
      const prefix = routeOptions.groupId ?? (info.url ? `${method ?? ''} ${info.url}` : 'custom');
      return new PostgresRateLimitStore(undefined, prefix);
    }
  }
  return PostgresRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}

/** Plugin options for @fastify/rate-limit: no global limit (routes opt in), PostgreSQL store, Chinese 429. */
export function rateLimitPluginOptions(
  deps: Pick<Deps, 'db' | 'clock'>,
  opts: RateLimitStoreOptions = {},
): RateLimitPluginOptions {
  return {
    global: false,
    store: postgresRateLimitStore(deps, opts),
    // If the counter table cannot be reached, serve the request rather than fail it (the database is then
    // failing for the request itself anyway, which the error mapper reports).
    skipOnError: true,
    errorResponseBuilder: (_request: FastifyRequest, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(
        'RATE_LIMITED',
        429,
        {
          zh: `请求过于频繁，请 ${seconds} 秒后再试`,
          en: `Too many requests; retry in ${seconds} seconds`,
        },
        [],
        { retryAfterSeconds: seconds, limit: context.max },
      );
    },
  };
}
