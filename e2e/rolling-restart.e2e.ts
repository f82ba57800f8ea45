/**
 * Graceful shutdown, on the real server processes (`npm start`): on SIGTERM an instance reports itself not ready at
 * once, keeps answering through its grace period, then stops accepting, finishes what it holds and exits 0. No request
 * that reached it is left without an answer. With PostgreSQL (DATABASE_URL) two instances share one database and a
 * balancer that follows readiness moves every request to the second one: the rolling restart loses none.
 */
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { type E2EServer, startServer, throwawayDatabase } from './fixtures';

const GRACE_MS = 1500;

interface Outcome {
  target: string;
  status: number | null;
  /** A connection the server never accepted (ECONNREFUSED): the balancer may send it elsewhere; nothing was lost. */
  refused: boolean;
  /** Any other failure: the request reached the server and got no answer. */
  lost: string | null;
  endedAt: number;
}

/** One GET on a new connection (no keep-alive), so "accepted" and "answered" are each plain to see. */
function get(baseUrl: string, path: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.get(`${baseUrl}${path}`, { agent: false, headers: { connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ target: baseUrl, status: res.statusCode ?? null, refused: false, lost: null, endedAt: Date.now() }),
      );
      res.on('error', (e) =>
        resolve({ target: baseUrl, status: null, refused: false, lost: e.message, endedAt: Date.now() }),
      );
    });
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({
        target: baseUrl,
        status: null,
        refused: e.code === 'ECONNREFUSED',
        lost: e.code === 'ECONNREFUSED' ? null : `${e.code ?? ''} ${e.message}`,
        endedAt: Date.now(),
      }),
    );
  });
}

/**
 * A sign-in whose body arrives in two halves `pauseMs` apart: the request is in flight on the server for that long
 * (its headers read, its body not yet), which is what a drain must finish rather than cut.
 */
function slowSignIn(baseUrl: string, pauseMs: number): Promise<Outcome> {
  const body = JSON.stringify({ username: 'nobody_here', password: 'Wrong@pass1' });
  return new Promise((resolve) => {
    const req = http.request(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' },
    });
    const end = (o: Partial<Outcome>) =>
      resolve({ target: baseUrl, status: null, refused: false, lost: null, endedAt: Date.now(), ...o });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => end({ status: res.statusCode ?? null }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => end({ lost: `${e.code ?? ''} ${e.message}` }));
    req.write(body.slice(0, 10));
    setTimeout(() => req.end(body.slice(10)), pauseMs);
  });
}

const servers: E2EServer[] = [];
let dropDatabase: (() => Promise<void>) | null = null;

afterAll(async () => {
  for (const s of servers) await s.close().catch(() => {});
  await dropDatabase?.().catch(() => {});
});

describe('rolling restart', () => {
  it('a draining instance answers everything it accepted and exits 0; with two instances no request is lost', async () => {
    const db = await throwawayDatabase();
    dropDatabase = db?.drop ?? null;
    const env = { HUIQI_SHUTDOWN_GRACE_MS: String(GRACE_MS) };
    const a = await startServer({ env, ...(db ? { databaseUrl: db.url } : {}) });
    servers.push(a);
    const b = db ? await startServer({ env, databaseUrl: db.url }) : null;
    if (b) servers.push(b);

    const ready = await get(a.baseUrl, '/api/health/ready');
    expect(ready.status).toBe(200);

    // The balancer: polls readiness every 100 ms and sends each request to an instance it last saw ready.
    const instances = [a, b].filter((s): s is E2EServer => s !== null);
    const inRotation = new Map(instances.map((s) => [s.baseUrl, true]));
    let running = true;
    const poller = (async () => {
      while (running) {
        for (const s of instances)
          inRotation.set(s.baseUrl, (await get(s.baseUrl, '/api/health/ready')).status === 200);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    // Balanced traffic, over both instances when there are two.
    const balanced: Outcome[] = [];
    let next = 0;
    const balancedWorker = async () => {
      while (running) {
        const live = instances.filter((s) => inRotation.get(s.baseUrl));
        const target = live[next++ % Math.max(1, live.length)];
        if (target) balanced.push(await get(target.baseUrl, '/api/health'));
        else await new Promise((r) => setTimeout(r, 20));
      }
    };
    const workers = [balancedWorker(), balancedWorker(), balancedWorker(), balancedWorker()];

    await new Promise((r) => setTimeout(r, 500));
    const signalledAt = Date.now();
    const stopped = a.terminate();
    // Within the grace period the instance says it is not ready, and still answers.
    await new Promise((r) => setTimeout(r, 300));
    const duringGrace = await get(a.baseUrl, '/api/health/ready');
    expect(duringGrace.status).toBe(503);
    expect((await get(a.baseUrl, '/api/health')).status).toBe(200);
    // A request that starts before the instance stops accepting and whose body arrives after: it is answered.
    const inFlight = slowSignIn(a.baseUrl, GRACE_MS);
    const exitCode = await stopped;
    const exitedAt = Date.now();
    const slow = await inFlight;
    const afterExit = await get(a.baseUrl, '/api/health');
    running = false;
    await Promise.all(workers);
    await poller;

    expect(exitCode).toBe(0);
    expect(exitedAt - signalledAt).toBeGreaterThanOrEqual(GRACE_MS);
    expect(a.output()).toContain('收到 SIGTERM');
    expect(slow.lost).toBeNull();
    expect(slow.status).toBe(401);
    expect(slow.endedAt).toBeGreaterThan(signalledAt + GRACE_MS);
    expect(afterExit.refused).toBe(true);
    // Nothing the balancer sent was lost or refused: it stopped sending to the instance before it stopped accepting.
    expect(balanced.filter((o) => o.lost || o.refused)).toEqual([]);
    expect(balanced.every((o) => o.status === 200)).toBe(true);

    if (b) {
      expect(balanced.length).toBeGreaterThan(20);
      // After the first instance left, the second one carried the traffic.
      expect(balanced.filter((o) => o.target === b.baseUrl && o.endedAt > exitedAt).length).toBeGreaterThan(0);
    }
  });
});
