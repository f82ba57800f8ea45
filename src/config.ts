/** Runtime configuration, read from the environment once at start-up and passed down (domain code never reads env). */
import path from 'node:path';

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
  /**
   * An OpenAI-compatible large-language-model service that reads financing needs typed in plain Chinese
   * (HUIQI_LLM_BASE_URL, HUIQI_LLM_MODEL, HUIQI_LLM_API_KEY, HUIQI_LLM_TIMEOUT_MS). Off (null) unless the base
   * URL and the model are set; the offline reader stays the default and the fallback.
   */
  needReader: { baseUrl: string; model: string; apiKey: string | undefined; timeoutMs: number } | null;
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
