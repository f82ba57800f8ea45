/**
 * Rate limits shared by every app instance: counters live in PostgreSQL (table `rate_limit_counters`), one row per
 * route and client, advanced by one atomic upsert per request (fixed window). Expired rows are deleted lazily, at
 * most once a minute per instance. Limited answers are 429 with a Chinese message and `retry-after`.
 *
 * Use on a route: `{ config: publicRateLimit, schema: … }` (anonymous/public endpoints) or `loginRateLimit`.
 */

import type { FastifyRateLimitOptions, FastifyRateLimitStoreCtor, RateLimitPluginOptions } from '@fastify/rate-limit';
import { lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { rateLimitCounters } from '../../db/schema';
import type { Deps } from '../../services/context';
import { AppError } from '../../services/errors';

/** For public (anonymous) endpoints: 60 requests a minute per client address. */
export const publicRateLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } } as const;
/** For public reference data the web app reads on every page: generous, but a flood from one address stops. */
export const referenceRateLimit = { rateLimit: { max: 600, timeWindow: '1 minute' } } as const;
/** For the API documentation (the OpenAPI document and its browsable pages). */
export const docsRateLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } } as const;
/** For sign-in: 20 attempts a minute per client address (the account lockout covers slow guessing). */
export const loginRateLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } } as const;

const CLEANUP_EVERY_MS = 60_000;
const MAX_KEY_LENGTH = 400;

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface RouteInfo {
  method?: string | string[];
  url?: string;
}

/** A store class for @fastify/rate-limit bound to this deployment's database and clock. */
export function postgresRateLimitStore(deps: Pick<Deps, 'db' | 'clock'>): FastifyRateLimitStoreCtor {
  const state = { lastCleanup: 0 };

  async function cleanup(now: Date): Promise<void> {
    if (now.getTime() - state.lastCleanup < CLEANUP_EVERY_MS) return;
    state.lastCleanup = now.getTime();
    await deps.db.delete(rateLimitCounters).where(lt(rateLimitCounters.resetAt, now));
  }

  async function incr(key: string, timeWindow: number): Promise<{ current: number; ttl: number }> {
    const now = deps.clock();
    const nowIso = now.toISOString();
    const resetAt = new Date(now.getTime() + timeWindow);
    const expired = sql`${rateLimitCounters.resetAt} <= ${nowIso}::timestamptz`;
    const [row] = await deps.db
      .insert(rateLimitCounters)
      .values({ key, hits: 1, resetAt })
      .onConflictDoUpdate({
        target: rateLimitCounters.key,
        set: {
          hits: sql`CASE WHEN ${expired} THEN 1 ELSE ${rateLimitCounters.hits} + 1 END`,
          resetAt: sql`CASE WHEN ${expired} THEN excluded.reset_at ELSE ${rateLimitCounters.resetAt} END`,
        },
      })
      .returning({ hits: rateLimitCounters.hits, resetAt: rateLimitCounters.resetAt });
    await cleanup(now).catch(() => {});
    return { current: row!.hits, ttl: Math.max(0, row!.resetAt.getTime() - now.getTime()) };
  }

  async function read(key: string): Promise<{ current: number; ttl: number }> {
    const now = deps.clock();
    const [row] = await deps.db.select().from(rateLimitCounters).where(sql`${rateLimitCounters.key} = ${key}`).limit(1);
    if (!row || row.resetAt <= now) return { current: 0, ttl: 0 };
    return { current: row.hits, ttl: row.resetAt.getTime() - now.getTime() };
  }

  class PostgresRateLimitStore {
    constructor(
      _options?: FastifyRateLimitOptions,
      private readonly prefix = 'global',
    ) {}

    private fullKey(key: string): string {
      return `${this.prefix}|${key}`.slice(0, MAX_KEY_LENGTH);
    }

    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      incr(this.fullKey(key), timeWindow).then(
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
export function rateLimitPluginOptions(deps: Pick<Deps, 'db' | 'clock'>): RateLimitPluginOptions {
  return {
    global: false,
    store: postgresRateLimitStore(deps),
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
