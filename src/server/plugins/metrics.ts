/**
 * `/metrics` in Prometheus text format (prom-client): request latency per route, answers by class, rate-limit
 * refusals, the database pool's use and its waiting clients, the notification outbox's backlog and the audit chain's
 * lag. Each app instance has its own registry (tests build several in one process).
 *
 * Who may read it: with HUIQI_METRICS_TOKEN set, a scraper that sends `Authorization: Bearer <token>`; without it,
 * only the machine itself (loopback), so a deployment never publishes its figures by accident.
 */

import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Deps } from '../../services/context';
import { AppError } from '../../services/errors';
import { readSystemGauges, type SystemGauges } from '../../services/metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function mayRead(request: FastifyRequest, token: string | undefined): boolean {
  if (!token) return LOOPBACK.has(request.socket.remoteAddress ?? '');
  const sent = Buffer.from(String(request.headers.authorization ?? ''));
  const wanted = Buffer.from(`Bearer ${token}`);
  return sent.length === wanted.length && timingSafeEqual(sent, wanted);
}

export interface AppMetrics {
  registry: Registry;
  /** Counts the rate-limit store's claims on the shared counters (its database writes). */
  rateLimitClaim: () => void;
}

export function registerMetrics(app: FastifyInstance, deps: Deps): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'huiqi_' });
  const registers = [registry];

  const duration = new Histogram({
    name: 'huiqi_http_request_duration_seconds',
    help: 'Time to answer a request, by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const errors = new Counter({
    name: 'huiqi_http_errors_total',
    help: 'Answers with a 4xx or 5xx status, by route template and class',
    labelNames: ['method', 'route', 'class'] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: 'huiqi_rate_limit_rejections_total',
    help: 'Requests refused by a rate limit (429), by route template',
    labelNames: ['route'] as const,
    registers,
  });
  const claims = new Counter({
    name: 'huiqi_rate_limit_claims_total',
    help: 'Leases of a rate-limit budget claimed from the shared counters (one database write each)',
    registers,
  });
  new Gauge({
    name: 'huiqi_db_pool_connections',
    help: 'Database pool connections by state (PostgreSQL; PGlite has one in-process connection)',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const s = deps.poolStats?.();
      if (!s) return;
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'max' }, s.max);
    },
  });
  new Gauge({
    name: 'huiqi_db_pool_waiting_clients',
    help: 'Queries waiting for a free database connection',
    registers,
    collect() {
      const s = deps.poolStats?.();
      if (s) this.set(s.waiting);
    },
  });

  // One read of the tables per scrape, shared by the gauges below.
  let scrape: Promise<SystemGauges | null> | null = null;
  const gauges = () => {
    scrape ??= readSystemGauges(deps.db, deps.clock()).catch(() => null);
    return scrape;
  };
  const systemGauge = (name: string, help: string, pick: (g: SystemGauges) => number) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const g = await gauges();
        if (g) this.set(pick(g));
      },
    });
  systemGauge('huiqi_outbox_backlog', 'Notifications waiting to be sent', (g) => g.outboxBacklog);
  systemGauge('huiqi_outbox_failed', 'Notifications that gave up after their last attempt', (g) => g.outboxFailed);
  systemGauge('huiqi_outbox_oldest_seconds', 'Age of the oldest notification waiting', (g) => g.outboxOldestSeconds);
  systemGauge('huiqi_audit_unchained_events', 'Audit events committed, not yet chained', (g) => g.auditUnchained);
  systemGauge(
    'huiqi_audit_chain_lag_seconds',
    'Age of the oldest audit event not yet chained',
    (g) => g.auditLagSeconds,
  );

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    duration.observe({ method: request.method, route, status: String(status) }, reply.elapsedTime / 1000);
    if (status >= 400) errors.inc({ method: request.method, route, class: `${Math.floor(status / 100)}xx` });
    if (status === 429) rateLimited.inc({ route });
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!mayRead(request, deps.config.metricsToken)) {
      throw new AppError('METRICS_FORBIDDEN', 403, {
        zh: '运行指标仅向监控系统开放：请在本机访问，或携带配置的监控令牌',
        en: 'Metrics are for the monitoring system: read them on this machine or send the configured token',
      });
    }
    scrape = null;
    const text = await registry.metrics();
    scrape = null;
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(text);
  });
  return { registry, rateLimitClaim: () => claims.inc() };
}
