/** What a running server reports: /metrics (Prometheus text), liveness and readiness, and draining for shutdown. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/services/audit';
import { systemCtx } from '../src/services/context';
import { anonymous } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => {
  await p.close();
});

/** The value of one sample line (`name{labels} value`) whose text contains every fragment, or null. */
function sample(text: string, name: string, ...fragments: string[]): number | null {
  const line = text
    .split('\n')
    .find((l) =>
      l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? fragments.every((f) => l.includes(f)) : false,
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

async function metrics(headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') {
  return p.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
}

describe('/metrics', () => {
  it('reports request latency per route template, answers by class and rate-limit refusals', async () => {
    const s = anonymous(p.app);
    for (let i = 0; i < 3; i++) expect((await s.get('/api/v1/reference/districts')).statusCode).toBe(200);
    expect((await s.get('/api/v1/no-such-thing')).statusCode).toBe(404);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises/register',
        payload: { bad: true },
        remoteAddress: '10.8.8.8',
      });
      codes.push(r.statusCode);
    }
    expect(codes).toContain(429);

    const res = await metrics();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(
      sample(text, 'huiqi_http_request_duration_seconds_count', 'route="/api/v1/reference/districts"', 'status="200"'),
    ).toBe(3);
    expect(sample(text, 'huiqi_http_errors_total', 'route="unmatched"', 'class="4xx"')).toBe(1);
    expect(sample(text, 'huiqi_rate_limit_rejections_total', 'route="/api/v1/enterprises/register"')).toBe(1);
    // Process figures from prom-client's default collectors.
    expect(text).toContain('huiqi_process_cpu_seconds_total');
  });

  it('reports the outbox backlog and the audit events not yet chained', async () => {
    const before = (await metrics()).body;
    const backlog = sample(before, 'huiqi_outbox_backlog') ?? -1;
    const unchained = sample(before, 'huiqi_audit_unchained_events') ?? -1;
    expect(backlog).toBeGreaterThanOrEqual(0);
    expect(unchained).toBeGreaterThanOrEqual(0);

    await p.deps.db.execute(sql`
      INSERT INTO notification_outbox (channel, address_enc, address_masked, subject, body, kind, status, next_attempt_at, created_at)
      VALUES ('sms', 'x', '138****0000', '测试', '测试', 'test', 'pending', now(), ${new Date(p.clock().getTime() - 90_000).toISOString()}::timestamptz)`);
    // One audited write, recorded the way every use case records it (the chaining step does not run in tests).
    await p.deps.db.transaction(async (tx) => {
      await recordAudit(tx, systemCtx(p.deps), { action: 'system.metrics_test', objectType: 'system', objectId: 'm' });
    });

    const after = (await metrics()).body;
    expect(sample(after, 'huiqi_outbox_backlog')).toBe(backlog + 1);
    expect(sample(after, 'huiqi_outbox_oldest_seconds')).toBeGreaterThanOrEqual(90);
    expect(sample(after, 'huiqi_audit_unchained_events')).toBe(unchained + 1);
  });

  it('answers only this machine, or a scraper with the configured token', async () => {
    const far = await metrics({}, '203.0.113.9');
    expect(far.statusCode).toBe(403);
    expect(far.json().error.message).toContain('运行指标仅向监控系统开放');
    p.deps.config.metricsToken = 'scrape-secret';
    try {
      expect((await metrics({ authorization: 'Bearer wrong-secret' }, '203.0.113.9')).statusCode).toBe(403);
      expect((await metrics({}, '127.0.0.1')).statusCode).toBe(403);
      expect((await metrics({ authorization: 'Bearer scrape-secret' }, '203.0.113.9')).statusCode).toBe(200);
    } finally {
      p.deps.config.metricsToken = undefined;
    }
  });
});

describe('health', () => {
  it('is live, and ready once every migration has run', async () => {
    const s = anonymous(p.app);
    const live = await s.get('/api/health/live');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await s.get('/api/health/ready');
    expect(ready.statusCode).toBe(200);
    const body = ready.json();
    expect(body.status).toBe('ready');
    expect(body.migrations.expected).toBeGreaterThan(10);
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.reason).toBeNull();
  });

  it('says it is not ready while draining for shutdown, and asks keep-alive clients to reconnect', async () => {
    p.deps.draining = { value: true };
    try {
      const s = anonymous(p.app);
      const ready = await s.get('/api/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().draining).toBe(true);
      expect(ready.json().reason).toContain('停机排空');
      expect(ready.headers.connection).toBe('close');
      // Still answering everything else meanwhile.
      expect((await s.get('/api/v1/reference/districts')).statusCode).toBe(200);
      expect((await s.get('/api/health/live')).statusCode).toBe(200);
    } finally {
      p.deps.draining = { value: false };
    }
  });

  it('is not ready before the migrations have run', async () => {
    const { rows } = (await p.deps.db.execute(
      sql`SELECT id, hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id DESC LIMIT 1`,
    )) as unknown as { rows: { id: number; hash: string; created_at: string }[] };
    const last = rows[0]!;
    await p.deps.db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = ${last.id}`);
    try {
      const ready = await anonymous(p.app).get('/api/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().reason).toContain('数据库迁移尚未完成');
    } finally {
      await p.deps.db.execute(
        sql`INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at) VALUES (${last.id}, ${last.hash}, ${last.created_at})`,
      );
    }
  });
});
