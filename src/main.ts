/** `npm start`: migrate, load demo data on first start, serve the API and the web app on one port. */
import fs from 'node:fs';
import { startRuntime } from './bootstrap';
import { loadConfig } from './config';
import { demoBusinessWanted, describeDemoAccounts, describeDemoLoad, loadDemoData } from './db/seed/demo-business';
import { buildApp } from './server/app';
import { DEMO_IN_PRODUCTION_MESSAGE, serverHasDemoAccounts } from './services/auth';
import { testClockFromEnv } from './test-clock';

const testClock = testClockFromEnv(process.env);
if (!testClock.ok) {
  console.error(testClock.message);
  process.exit(1);
}
const config = loadConfig();
fs.mkdirSync(config.dataDir, { recursive: true });
const runtime = await startRuntime(config, testClock.clock ?? undefined);
const { deps } = runtime;

if (config.loadDemoData) {
  const started = Date.now();
  const demo = await loadDemoData(deps, { business: demoBusinessWanted() });
  if (demo) {
    console.log(`\n${describeDemoLoad(demo).join('\n')}\n  （用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    const table = describeDemoAccounts(demo.accounts);
    console.log(table.note);
    console.table(table.rows);
  }
}

if (config.production && (await serverHasDemoAccounts(deps.db))) {
  console.error(DEMO_IN_PRODUCTION_MESSAGE);
  await runtime.close();
  process.exit(1);
}

const app = await buildApp(deps, {
  logger: {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
  },
  serveWeb: true,
});
await app.listen({ port: config.port, host: config.host });
console.log(
  `\n惠企 Huiqi 已启动：http://localhost:${config.port}  （接口文档：http://localhost:${config.port}/api/docs）`,
);
console.log(`数据库：${config.databaseUrl ? 'PostgreSQL（DATABASE_URL）' : `内嵌 PGlite（${config.dataDir}/pg）`}`);

// Graceful shutdown (a rolling restart loses no request): report not ready at once so the load balancer moves new
// requests elsewhere, keep serving for the grace period, then stop accepting, finish the requests in flight, stop the
// audit chainer and close the database pool.
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    if (deps.draining) deps.draining.value = true;
    console.log(`收到 ${sig}：停止接收新请求，处理完进行中的请求后退出`);
    if (config.shutdownGraceMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs));
    try {
      await app.close();
      await runtime.close();
      process.exit(0);
    } catch (err) {
      console.error(`停机未能正常完成：${(err as Error).message}`);
      process.exit(1);
    }
  });
}
