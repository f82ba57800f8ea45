/**
 * Benchmark: compute and allocate 100,000 verified applications end to end on PostgreSQL.
 *
 * Seeds a throwaway database on DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) with set-based
 * inserts (generate_series): 50,000 enterprises with two numbered projects each, one loan per project, one
 * campaign, 100,000 verified applications. Then times the real allocation service — load, rank, decide each
 * application with the policy engine (S = I × R × C, cap, non-stacking), fund against the budget, persist awards,
 * per-loan years, cap ledger and statuses in one transaction — and prints the figures. Skips with a message
 * when PostgreSQL is unreachable. Run: `node --import tsx bench/allocation-db.ts` (or via bench/run.ts).
 */
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDatabase, runMigrations } from '../src/db/client';
import { seedReference } from '../src/db/seed/reference';
import { runAllocation } from '../src/services/subsidy/run-allocation';
import { benchCtx, throwawayPostgres } from './lib';

const N = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const ENTERPRISES = Math.ceil(N / 2);

function ms(t0: number): number {
  return Math.round(performance.now() - t0);
}

/** The tables a committed allocation writes row by row: what the COPY reference writes too. */
const AWARD_TABLES = ['subsidy_awards', 'subsidy_award_loans', 'subsidy_cap_ledger'] as const;

/**
 * The reference: the same award, award-loan and ledger rows the committed run wrote, written again with `COPY` into
 * tables shaped like them (columns, defaults, checks and indexes: `LIKE … INCLUDING ALL`) in one transaction.
 * The rows are read out first (not timed); the time is the COPY in and the commit.
 */
async function copyReferenceMs(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const dumps: { table: string; chunks: Buffer[] }[] = [];
    for (const table of AWARD_TABLES) {
      const chunks: Buffer[] = [];
      const out = client.query(copyTo(`COPY ${table} TO STDOUT`));
      for await (const chunk of out) chunks.push(chunk as Buffer);
      dumps.push({ table, chunks });
    }
    const t0 = performance.now();
    await client.query('BEGIN');
    for (const { table, chunks } of dumps) {
      await client.query(`CREATE TABLE ${table}_copy_ref (LIKE ${table} INCLUDING ALL)`);
      const sink = client.query(copyFrom(`COPY ${table}_copy_ref FROM STDIN`));
      await pipeline(
        (async function* () {
          yield* chunks;
        })(),
        sink,
      );
    }
    await client.query('COMMIT');
    return ms(t0);
  } finally {
    await client.end();
  }
}

export async function benchAllocationDb(): Promise<{
  skipped: boolean;
  allocateMs?: number;
  copyMs?: number;
  allocation100kVsCopy?: number;
}> {
  const target = await throwawayPostgres('allocation-db');
  if (!target) return { skipped: true };
  const database = await openDatabase({ databaseUrl: target.url, poolSize: 4 });
  try {
    await runMigrations(database);
    await seedReference(database.db);
    const db = database.db;
    const t0 = performance.now();
    await seed(db);
    const seedMs = ms(t0);
    await db.execute(sql`vacuum analyze`);

    const ctx = benchCtx(db, '2025-05-10T02:00:00Z');
    const campaignId = '00000000-0000-4000-8000-000000002025';
    const t1 = performance.now();
    const dry = await runAllocation(ctx, campaignId, { dryRun: true });
    const dryMs = ms(t1);
    const t2 = performance.now();
    const run = await runAllocation(ctx, campaignId, { dryRun: false, closeCampaign: true });
    const allocateMs = ms(t2);
    const counts = (await db.execute(
      sql`select (select count(*) from subsidy_awards)::int as awards, (select count(*) from subsidy_cap_ledger)::int as ledger,
                 (select count(*) from subsidy_applications where status in ('awarded','unfunded'))::int as decided,
                 (select count(*) from subsidy_awards where status = 'zero')::int as zero`,
    )) as unknown as { rows: { awards: number; ledger: number; decided: number; zero: number }[] };
    const c = counts.rows[0]!;
    const copyMs = await copyReferenceMs(target.url);
    const vsCopy = allocateMs / copyMs;
    console.log(
      [
        `allocation-db (PostgreSQL, ${N.toLocaleString('en')} applications, ${ENTERPRISES.toLocaleString('en')} enterprises)`,
        `  seed (set-based inserts):           ${seedMs} ms`,
        `  dry run (load + rank + decide + fund, nothing written but the run row): ${dryMs} ms`,
        `  committed run end to end:           ${allocateMs} ms  (service's own timing ${run.durationMs} ms)`,
        `  requested ${run.totalRequested} · budget ${run.budget} · awarded ${run.totalAwarded} (dry run ${dry.totalAwarded})`,
        `  funded ${run.fundedCount} · partial ${run.partialCount} · not funded ${run.unfundedCount} (of which 0-amount ${c.zero})`,
        `  rows written: ${c.awards} awards, ${c.ledger} cap-ledger entries, ${c.decided} application statuses`,
        `  reference: COPY of the same ${c.awards} awards, their loan years and ${c.ledger} ledger rows into like-shaped tables: ${copyMs} ms`,
        `  committed run ÷ COPY reference:     ${vsCopy.toFixed(2)}× (aim ≤ 2×)`,
      ].join('\n'),
    );
    return { skipped: false, allocateMs, copyMs, allocation100kVsCopy: Number(vsCopy.toFixed(2)) };
  } finally {
    await database.close();
    await target.drop();
  }
}

/** Seeds `n` verified applications of `e` enterprises (n / e projects each, one loan a project) with set-based inserts. */
export async function seed(db: Awaited<ReturnType<typeof openDatabase>>['db'], n = N, e = ENTERPRISES): Promise<void> {
  const E = e;
  await db.execute(sql`
    insert into institutions (id, kind, name, short_name) values
      ('00000000-0000-4000-8000-00000000b001', 'bank', '基准测试银行', '基准银行'),
      ('00000000-0000-4000-8000-00000000c001', 'insurer', '基准测试保险', '基准保险')`);
  await db.execute(sql`
    insert into enterprises (id, uscc, name, registered_address, operating_address, district_code, type, is_sme,
                             established_on, contact_name, contact_phone_enc)
    select md5('e' || i)::uuid, 'B' || lpad(i::text, 17, '0'), '基准测试制造企业' || i || '有限公司', '江门市', '江门市',
           (array['440703','440704','440705','440781','440783','440784','440785'])[1 + i % 7],
           'manufacturer', true, date '2018-01-01', '联系人', 'x'
    from generate_series(1, ${E}) i`);
  // Two projects per enterprise, declared in months 2024-02 … 2024-12 (after the rules took effect, inside each month's filing window).
  await db.execute(sql`
    insert into project_declarations (id, enterprise_id, district_code, form, state, name, categories, start_date,
                                      end_date, project_status, planned_total_fen, investment_made_fen, declared_on,
                                      declaration_month, created_by)
    select md5('d' || i)::uuid, md5('e' || ((i - 1) % ${E} + 1))::uuid,
           (array['440703','440704','440705','440781','440783','440784','440785'])[1 + ((i - 1) % ${E} + 1) % 7],
           'manufacturer', 'approved', '数字化改造项目' || i, '{digital_system}', date '2024-01-01', date '2026-12-31',
           'in_progress', 300000000, (i % 50 + 1) * 2000000,
           make_date(2024, 2 + i % 11, case when 2 + i % 11 = 2 then 21 else 12 end),
           to_char(make_date(2024, 2 + i % 11, 1), 'YYYY-MM'), '00000000-0000-4000-8000-0000000000aa'
    from generate_series(1, ${n}) i`);
  await db.execute(sql`
    insert into projects (id, library_number, number_year, number_seq, declaration_id, enterprise_id, district_code,
                          form, name, declaration_month, declared_on, approved_on, approved_at, approved_by,
                          investment_at_declaration_fen, planned_total_fen, resource_pool_led, start_date, end_date,
                          current_status, investment_to_date_fen)
    select md5('p' || d.n)::uuid, 'JMSZ-B-' || d.n, 2024, d.n, d.id, d.enterprise_id, d.district_code, d.form, d.name,
           d.declaration_month, d.declared_on, d.declared_on + 10, d.declared_on + interval '10 days',
           '00000000-0000-4000-8000-0000000000aa', d.investment_made_fen, d.planned_total_fen, false, d.start_date,
           d.end_date, 'in_progress', d.investment_made_fen
    from (select *, row_number() over (order by id) as n from project_declarations) d`);
  await db.execute(sql`
    insert into loans (id, bank_id, contract_no, enterprise_id, cover_institution_id, cover_kind, project_id, purpose,
                       amount_fen, annual_rate, term_months, disbursed_at, disbursed_on, maturity_date, created_via)
    select md5('l' || p.number_seq)::uuid, '00000000-0000-4000-8000-00000000b001', 'BENCH-' || p.number_seq,
           p.enterprise_id, '00000000-0000-4000-8000-00000000c001', 'insurer', p.id, 'equipment',
           (p.number_seq % 40 + 10) * 10000000, 0.036, 36,
           (p.declared_on + (p.number_seq % 60))::timestamp + (p.number_seq % 86400) * interval '1 second' - interval '8 hours',
           p.declared_on + (p.number_seq % 60), p.declared_on + (p.number_seq % 60) + interval '36 months', 'session'
    from projects p`);
  await db.execute(sql`
    insert into subsidy_campaigns (id, year, title, interest_from, interest_to, apply_from, apply_to, budget_fen,
                                   allocation_mode, notice_days, created_by)
    values ('00000000-0000-4000-8000-000000002025', 2025, '2025年度基准测试批次', '2024-01-01', '2024-12-31',
            '2025-03-01', '2025-04-30', 50000000000, 'partial', 7, 'bench')`);
  await db.execute(sql`
    insert into subsidy_applications (id, campaign_id, enterprise_id, project_id, district_code, status, interest_from,
                                      interest_to, declaration_month, investment_at_declaration_fen, new_investment_fen,
                                      progress_report, claimed_interest_fen, bank_interest_fen, first_disbursed_at,
                                      submitted_by, submitted_at)
    select md5('a' || p.number_seq)::uuid, '00000000-0000-4000-8000-000000002025', p.enterprise_id, p.id,
           p.district_code, 'verified', '2024-01-01', '2024-12-31', p.declaration_month,
           p.investment_at_declaration_fen, (p.number_seq % 30) * 5000000, '项目按计划推进。',
           (p.number_seq % 97 + 3) * 100000, (p.number_seq % 97 + 3) * 100000 - (p.number_seq % 3) * 100,
           l.disbursed_at, 'bench', timestamptz '2025-03-10T02:00:00Z' + (p.number_seq % 100000) * interval '1 second'
    from projects p join loans l on l.project_id = p.id`);
  await db.execute(sql`
    insert into subsidy_application_loans (application_id, loan_id, campaign_id, bank_id, claimed_interest_fen,
                                           bank_interest_fen, loan_amount_fen, disbursed_at)
    select a.id, l.id, a.campaign_id, l.bank_id, a.claimed_interest_fen, a.bank_interest_fen, l.amount_fen, l.disbursed_at
    from subsidy_applications a join loans l on l.project_id = a.project_id`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchAllocationDb().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
