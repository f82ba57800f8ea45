/**
 * Benchmark: the platform's HTTP answers beside a bare Fastify hello-world, in the same run, interleaved.
 *
 * Two server processes, each as `npm start` runs it (one Node.js process): the platform (PGlite, or a throwaway
 * PostgreSQL database when DATABASE_URL is set; rate limits raised out of the way, demo data loaded) and a bare
 * Fastify answering `{"hello":"world"}`. autocannon drives each from this process with 200 connections, for
 * several rounds: bare Fastify, then the public GET of filing windows, the public POST of the 政银保 calculator and the
 * signed-in list of declarations (an enterprise user's session cookie). Figures: rounds' min and median of requests
 * per second, p99 latency, and each measure's ratio to the bare server measured in the same round.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../src/db/seed/demo';
import { createThrowawayDatabase } from '../tests/helpers/throwaway-db';
import { fmt, median, ROUNDS } from './lib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const BARE_SERVER = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server not ready in time:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface Server {
  url: string;
  stop(): Promise<void>;
}

function spawnServer(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return { child, output: () => out };
}

function stopper(child: ChildProcess, after?: () => Promise<void>): () => Promise<void> {
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await after?.();
  };
}

async function startBare(): Promise<Server> {
  const port = await freePort();
  const { child, output } = spawnServer(['--input-type=module', '-e', BARE_SERVER], { PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, child, output);
  return { url, stop: stopper(child) };
}

async function startPlatform(): Promise<Server & { database: string }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-bench-http-'));
  const db = process.env.DATABASE_URL ? await createThrowawayDatabase(process.env.DATABASE_URL, 'huiqi_bench') : null;
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    HOST: '127.0.0.1',
    HUIQI_DATA_DIR: dataDir,
    HUIQI_DEMO_DATA: 'true',
    HUIQI_REQUIRE_TWO_FACTOR: 'false',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    // The bench measures the answers, not the refusals: every limit far above what it sends.
    HUIQI_RATE_LIMITS: 'public=1000000000,reference=1000000000,login=1000',
  };
  if (db) env.DATABASE_URL = db.url;
  else env.DATABASE_URL = '';
  const { child, output } = spawnServer(['--import', 'tsx', 'src/main.ts'], env);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health/ready`, child, output);
  return {
    url,
    database: db ? 'PostgreSQL' : 'PGlite',
    stop: stopper(child, async () => {
      await db?.drop().catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    }),
  };
}

/** Signs the demo enterprise user in; its session cookie. */
async function sessionCookie(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'qiye', password: DEMO_PASSWORD }),
  });
  const set = res.headers.get('set-cookie') ?? '';
  const cookie = /huiqi_session=[^;]+/.exec(set)?.[0];
  if (!res.ok || !cookie) throw new Error(`sign-in for the bench failed: ${res.status} ${await res.text()}`);
  return cookie;
}

interface Measure {
  perSecond: number;
  p99Ms: number;
  non2xx: number;
  /** The statuses other than 2xx, and errors, with their counts (e.g. "429×12"). */
  others: string;
}

async function cannon(opts: autocannon.Options): Promise<Measure> {
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts });
  const others = Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, v]) => `${code}×${(v as { count: number }).count}`);
  if (r.errors) others.push(`errors×${r.errors}`);
  if (r.timeouts) others.push(`timeouts×${r.timeouts}`);
  return {
    perSecond: r.requests.average,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx + r.errors + r.timeouts,
    others: others.join(' '),
  };
}

export async function benchHttp(): Promise<Record<string, number>> {
  const bare = await startBare();
  const platform = await startPlatform();
  try {
    const cookie = await sessionCookie(platform.url);
    const measures = {
      bare: () => cannon({ url: `${bare.url}/` }),
      filingWindows: () => cannon({ url: `${platform.url}/api/v1/filing-windows?year=2026` }),
      calculator: () =>
        cannon({
          url: `${platform.url}/api/v1/calculators/zyb-subsidy`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            interestPaid: '50000.00',
            yearIndex: 1,
            digitalInvestment: '3000000.00',
            loanAmount: '5000000.00',
            receivedSoFar: '0.00',
          }),
        }),
      signedInList: () => cannon({ url: `${platform.url}/api/v1/declarations`, headers: { cookie } }),
    };
    type Name = keyof typeof measures;
    const rounds: Record<Name, Measure[]> = { bare: [], filingWindows: [], calculator: [], signedInList: [] };
    const ratios: Record<Exclude<Name, 'bare'>, number[]> = { filingWindows: [], calculator: [], signedInList: [] };
    console.log(
      `  ${CONNECTIONS} connections, ${SECONDS} s a measure, ${ROUNDS} rounds; platform on ${platform.database}`,
    );
    // Warm-up: each once, briefly.
    await cannon({ url: `${bare.url}/`, duration: 1 });
    await cannon({ url: `${platform.url}/api/v1/filing-windows?year=2026`, duration: 1 });
    await cannon({ url: `${platform.url}/api/v1/declarations`, headers: { cookie }, duration: 1 });
    for (let round = 1; round <= ROUNDS; round++) {
      const b = await measures.bare();
      rounds.bare.push(b);
      const line = [`  round ${round}: bare Fastify ${fmt(b.perSecond)}/s (p99 ${b.p99Ms} ms)`];
      for (const name of ['filingWindows', 'calculator', 'signedInList'] as const) {
        const m = await measures[name]();
        rounds[name].push(m);
        ratios[name].push(m.perSecond / b.perSecond);
        line.push(`${name} ${fmt(m.perSecond)}/s (p99 ${m.p99Ms} ms${m.non2xx ? `, not 2xx: ${m.others}` : ''})`);
      }
      console.log(line.join(' · '));
    }
    const summary = (name: Exclude<Name, 'bare'>) => {
      const rs = ratios[name];
      const ps = rounds[name].map((m) => m.p99Ms);
      console.log(
        `  ${name}: ${(Math.min(...rs) * 100).toFixed(1)}% min, ${(median(rs) * 100).toFixed(1)}% median of bare Fastify; p99 median ${median(ps)} ms`,
      );
    };
    summary('filingWindows');
    summary('calculator');
    summary('signedInList');
    const bad = Object.values(rounds)
      .flat()
      .reduce((n, m) => n + m.non2xx, 0);
    if (bad) console.log(`  note: ${bad} answers were not 2xx (the figures count only what was answered)`);
    return {
      publicVsBareFastify: Number(median(ratios.filingWindows).toFixed(3)),
      calculatorVsBareFastify: Number(median(ratios.calculator).toFixed(3)),
      listVsBareFastify: Number(median(ratios.signedInList).toFixed(3)),
      listP99Ms: median(rounds.signedInList.map((m) => m.p99Ms)),
    };
  } finally {
    await platform.stop();
    await bare.stop();
  }
}
