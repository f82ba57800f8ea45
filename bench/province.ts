/**
 * Benchmark at province scale (ADR 0027): `npm run bench -- --scale province`, on PostgreSQL only.
 *
 * A throwaway database on DATABASE_URL gets, with set-based inserts, 200,000 enterprises with five numbered
 * projects each, one loan a project, 1,000,000 verified applications in one campaign, and 10,000,000 audit events
 * (BENCH_PROVINCE_ENTERPRISES, BENCH_PROVINCE_APPLICATIONS, BENCH_PROVINCE_AUDIT change the sizes). Then it
 * measures, on one server, what the ADR's single-server headroom rests on:
 * - the list pages as the use cases serve them (first page and page 500, city-wide and one district's scope):
 *   the median and the slowest of several calls each;
 * - the chaining step linking the 10,000,000 events, and `audit verify` walking the whole chain;
 * - last, the allocation's dry run over the 1,000,000 applications (load, rank, decide, fund: everything but
 *   writing) — last because its load holds every application in memory at once;
 * - the size of the audit and application tables and their indexes.
 * Skips with a message when PostgreSQL is unreachable.
 */
import { sql } from 'drizzle-orm';
import { ZDeclarationListQuery } from '../src/contracts/projects';
import { ZApplicationListQuery } from '../src/contracts/subsidy';
import { openDatabase, runMigrations } from '../src/db/client';
import { seedReference } from '../src/db/seed/reference';
import type { Actor } from '../src/domain/access/actor';
import { chainAuditEvents, verifyAuditChain } from '../src/services/audit';
import { listDeclarations } from '../src/services/projects';
import { listApplications, runAllocation } from '../src/services/subsidy';
import { seed } from './allocation-db';
import { benchCtx, fmt, median, throwawayPostgres } from './lib';

const ENTERPRISES = Number(process.env.BENCH_PROVINCE_ENTERPRISES ?? 200_000);
const APPLICATIONS = Number(process.env.BENCH_PROVINCE_APPLICATIONS ?? 1_000_000);
const AUDIT_EVENTS = Number(process.env.BENCH_PROVINCE_AUDIT ?? 10_000_000);
const CALLS = 7;
const CAMPAIGN = '00000000-0000-4000-8000-000000002025';

function ms(t0: number): number {
  return Math.round(performance.now() - t0);
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: ms(t0), value };
}

/** `calls` calls of `f` after one warm-up: the median and the slowest, in milliseconds. */
async function latency(f: () => Promise<unknown>, calls = CALLS): Promise<{ median: number; max: number }> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) times.push((await timed(f)).ms);
  return { median: median(times), max: Math.max(...times) };
}

/** Audit events as the use cases write them (an actor, its scope, an object, before and after), unchained. */
async function seedAuditEvents(db: Awaited<ReturnType<typeof openDatabase>>['db'], total: number): Promise<void> {
  const CHUNK = 1_000_000;
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await db.execute(sql`
      insert into audit_events (occurred_at, actor_id, actor_name, actor_role, scope, action, object_type, object_id,
                                before, after, client_ip, request_id)
      select timestamptz '2024-01-01T00:00:00Z' + i * interval '3 seconds', 'u' || (i % 5000), '用户' || (i % 5000),
             (array['enterprise','district_reviewer','city_reviewer','bank_officer'])[1 + i % 4],
             jsonb_build_object('districtCode', (array['440703','440704','440705','440781','440783','440784','440785'])[1 + i % 7]),
             (array['declaration.saved','declaration.submitted','application.submitted','loan.recorded'])[1 + i % 4],
             (array['project_declaration','project_declaration','subsidy_application','loan'])[1 + i % 4],
             md5('o' || (i % 400000))::uuid::text,
             jsonb_build_object('state', 'draft', 'version', i % 9),
             jsonb_build_object('state', 'submitted', 'version', i % 9 + 1, 'name', '数字化改造项目' || (i % 400000)),
             '10.0.' || (i % 250) || '.' || (i % 200), md5('r' || i)::uuid::text
      from generate_series(${from}::int, ${to}::int) i`);
  }
}

async function tableSizes(db: Awaited<ReturnType<typeof openDatabase>>['db']): Promise<string> {
  const r = (await db.execute(sql`
    select relname as name, pg_size_pretty(pg_table_size(oid)) as data, pg_size_pretty(pg_indexes_size(oid)) as idx
    from pg_class where relname in ('audit_events', 'subsidy_applications', 'enterprises', 'project_declarations')
    order by relname`)) as unknown as { rows: { name: string; data: string; idx: string }[] };
  return r.rows.map((x) => `${x.name} ${x.data} + indexes ${x.idx}`).join(' · ');
}

export async function benchProvince(): Promise<Record<string, number | boolean>> {
  const target = await throwawayPostgres('province');
  if (!target) return { skipped: true };
  const database = await openDatabase({ databaseUrl: target.url, poolSize: 4 });
  try {
    await runMigrations(database);
    await seedReference(database.db);
    const db = database.db;
    console.log(
      `  ${fmt(ENTERPRISES)} enterprises, ${fmt(APPLICATIONS)} applications, ${fmt(AUDIT_EVENTS)} audit events on PostgreSQL`,
    );
    const seeded = await timed(() => seed(db, APPLICATIONS, ENTERPRISES));
    const audit = await timed(() => seedAuditEvents(db, AUDIT_EVENTS));
    const analysed = await timed(() => db.execute(sql`vacuum analyze`));
    console.log(
      `  seed: applications and their chain ${fmt(seeded.ms)} ms · audit events ${fmt(audit.ms)} ms · vacuum analyze ${fmt(analysed.ms)} ms`,
    );
    console.log(`  sizes: ${await tableSizes(db)}`);

    const city = benchCtx(db, '2025-05-10T02:00:00Z');
    const districtActor: Actor = {
      ...city.actor,
      id: 'bench-district',
      role: 'district_reviewer',
      districtCode: '440703',
    };
    const district = { ...city, actor: districtActor };
    const pages = {
      declarationsCityFirst: () => listDeclarations(city, ZDeclarationListQuery.parse({})),
      declarationsCityPage500: () => listDeclarations(city, ZDeclarationListQuery.parse({ page: 500 })),
      declarationsDistrictFirst: () => listDeclarations(district, ZDeclarationListQuery.parse({})),
      applicationsCityFirst: () => listApplications(city, ZApplicationListQuery.parse({ campaignId: CAMPAIGN })),
      applicationsDistrictFirst: () =>
        listApplications(district, ZApplicationListQuery.parse({ campaignId: CAMPAIGN })),
      applicationsCityPage500: () =>
        listApplications(city, ZApplicationListQuery.parse({ campaignId: CAMPAIGN, page: 500 })),
    };
    const figures: Record<string, number | boolean> = { skipped: false };
    for (const [name, f] of Object.entries(pages)) {
      const l = await latency(f);
      figures[`${name}Ms`] = l.median;
      console.log(`  list ${name.padEnd(28)} median ${fmt(l.median).padStart(6)} ms · slowest ${fmt(l.max)} ms`);
    }

    const chained = await timed(async () => {
      let n = 0;
      for (;;) {
        const pass = await chainAuditEvents(db, { maxWaitMs: 1000 });
        n += pass.chained;
        if (pass.chained === 0) return n;
      }
    });
    figures.chainEventsPerSecond = Math.round(chained.value / (chained.ms / 1000));
    console.log(
      `  chaining step: linked ${fmt(chained.value)} events in ${fmt(chained.ms)} ms (${fmt(figures.chainEventsPerSecond)} /s)`,
    );
    const verified = await timed(() => verifyAuditChain(db));
    figures.verifyEventsPerSecond = Math.round(AUDIT_EVENTS / (verified.ms / 1000));
    figures.verifyMs = verified.ms;
    console.log(
      `  audit verify: ${verified.value.intact ? 'intact' : 'NOT intact'}, ${fmt(verified.value.checked)} events in ${fmt(verified.ms)} ms (${fmt(figures.verifyEventsPerSecond)} /s)`,
    );
    // Last: at a million applications the use case's load may exhaust the default heap (see ADR 0027).
    const dry = await timed(() => runAllocation(city, CAMPAIGN, { dryRun: true }));
    figures.allocationDryRunMs = dry.ms;
    console.log(
      `  allocation dry run over ${fmt(APPLICATIONS)} applications: ${fmt(dry.ms)} ms (awarded ${dry.value.totalAwarded}, funded ${fmt(dry.value.fundedCount)})`,
    );

    return figures;
  } finally {
    await database.close();
    await target.drop();
  }
}
