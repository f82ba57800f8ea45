/** Runtime configuration, read from the environment once at start-up and passed down (domain code never reads env). */
import path from 'node:path';

/** The kinds of rate limit a route can name, with their default limits per client address and window. */
export const RATE_LIMIT_DEFAULTS = {
  /** Public (anonymous) endpoints: per minute. */
  public: 60,
  /** Public reference data the web app reads on every page: per minute. */
  reference: 600,
  /** The API documentation: per minute. */
  docs: 120,
  /** Sign-in attempts: per minute. */
  login: 20,
  /** Enterprise self-registration: per minute. */
  registration: 10,
  /** Objections to a public notice: per 10 minutes. */
  objection: 5,
  /** Objection look-ups by case number: per 10 minutes. */
  objectionLookup: 20,
} as const;
export type RateLimitKind = keyof typeof RATE_LIMIT_DEFAULTS;
export type RateLimits = Record<RateLimitKind, number>;

/**
 * HUIQI_RATE_LIMITS="public=120,login=10": the limits to change, each a whole number ≥ 1; the others keep their
 * defaults. A wrong entry stops the start with a message naming it (a typo must not silently leave a default).
 */
export function parseRateLimits(text: string | undefined): RateLimits {
  const limits: RateLimits = { ...RATE_LIMIT_DEFAULTS };
  for (const entry of (text ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [name, value] = entry.split('=').map((p) => p.trim());
    if (!name || !(name in RATE_LIMIT_DEFAULTS)) {
      throw new Error(
        `HUIQI_RATE_LIMITS 中的“${entry}”无法识别：可设置的限流种类为 ${Object.keys(RATE_LIMIT_DEFAULTS).join('、')}`,
      );
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`HUIQI_RATE_LIMITS 中“${name}”的值应为不小于 1 的整数，现为“${value ?? ''}”`);
    }
    limits[name as RateLimitKind] = n;
  }
  return limits;
}

export interface Config {
  port: number;
  host: string;
  /** postgres://… when set; otherwise the embedded PGlite under dataDir/pg. */
  databaseUrl: string | undefined;
  /** Pool size per app instance on PostgreSQL. */
  databasePoolSize: number;
  /** Optional read replica for reporting queries. */
  databaseReadUrl: string | undefined;
  dataDir: string;
  filesDir: string;
  maxUploadBytes: number;
  /** Base64 32-byte key for encrypting personal data at rest; generated into dataDir when unset. */
  dataKey: string | undefined;
  /** Base64 keys retired by a rotation (comma-separated): they only decrypt, until `huiqi crypto reencrypt` ran. */
  retiredDataKeys: string[];
  /** Secure cookies (HTTPS deployments). */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  /**
   * The staff roles that must sign in with two factors may do nothing but enrol until they have (demo accounts
   * excepted). On unless HUIQI_REQUIRE_TWO_FACTOR=false.
   */
  requireTwoFactor: boolean;
  /** NODE_ENV=production: a server holding demo accounts refuses to start. */
  production: boolean;
  loadDemoData: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** HUIQI_METRICS_TOKEN: the bearer token a scraper sends for /metrics; unset, only this machine may read it. */
  metricsToken: string | undefined;
  /**
   * HUIQI_SHUTDOWN_GRACE_MS: on SIGTERM the server first reports itself not ready for this long (so a load balancer
   * takes it out of rotation), then stops accepting and finishes the requests in flight.
   */
  shutdownGraceMs: number;
  /** HUIQI_RATE_LIMITS: requests per client address and window, by kind of route (see RATE_LIMIT_DEFAULTS). */
  rateLimits: RateLimits;
  /**
   * HUIQI_REFERENCE_CACHE_MS: how long the calendar, approved policy versions and approved rulings stay in memory
   * outside transactions; another instance's change is seen within this time (ADR 0026). 0 turns it off.
   */
  referenceCacheMs: number;
  /**
   * An OpenAI-compatible large-language-model service that reads financing needs typed in plain Chinese
   * (HUIQI_LLM_BASE_URL, HUIQI_LLM_MODEL, HUIQI_LLM_API_KEY, HUIQI_LLM_TIMEOUT_MS). Off (null) unless the base
   * URL and the model are set; the offline reader stays the default and the fallback.
   */
  needReader: { baseUrl: string; model: string; apiKey: string | undefined; timeoutMs: number } | null;
}

function parseReferenceCacheMs(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 2000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`HUIQI_REFERENCE_CACHE_MS 应为不小于 0 的整数（毫秒），现为“${raw}”`);
  return ms;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.HUIQI_DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: Number(env.DATABASE_POOL_SIZE ?? 10),
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir,
    filesDir: path.resolve(env.HUIQI_FILES_DIR ?? path.join(dataDir, 'files')),
    maxUploadBytes: Number(env.HUIQI_MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
    dataKey: env.HUIQI_DATA_KEY || undefined,
    retiredDataKeys: (env.HUIQI_DATA_KEYS_RETIRED ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    secureCookies: env.HUIQI_SECURE_COOKIES === 'true',
    sessionIdleMinutes: Number(env.HUIQI_SESSION_IDLE_MINUTES ?? 30),
    requireTwoFactor: env.HUIQI_REQUIRE_TWO_FACTOR !== 'false',
    production: env.NODE_ENV === 'production',
    loadDemoData: env.HUIQI_DEMO_DATA !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.HUIQI_TRUST_PROXY === 'true',
    metricsToken: env.HUIQI_METRICS_TOKEN || undefined,
    shutdownGraceMs: Number(env.HUIQI_SHUTDOWN_GRACE_MS ?? 0),
    rateLimits: parseRateLimits(env.HUIQI_RATE_LIMITS),
    referenceCacheMs: parseReferenceCacheMs(env.HUIQI_REFERENCE_CACHE_MS),
    needReader:
      env.HUIQI_LLM_BASE_URL && env.HUIQI_LLM_MODEL
        ? {
            baseUrl: env.HUIQI_LLM_BASE_URL.replace(/\/+$/, ''),
            model: env.HUIQI_LLM_MODEL,
            apiKey: env.HUIQI_LLM_API_KEY || undefined,
            timeoutMs: Number(env.HUIQI_LLM_TIMEOUT_MS ?? 8000),
          }
        : null,
  };
}
