/**
 * Benchmark: first-come-first-served allocation of 1,000,000 applications (pure domain, no database).
 * Times the domain call from application objects (sort keys pre-computed into columns, ranking, awards), the
 * same from ready-made columns, and the full contract path (parsing yuan strings and ISO instants, allocating,
 * building the JSON awards list) for reference.
 */
import type { TAllocateInput } from '../src/contracts/calculators';
import {
  type AllocationApplication,
  allocateBudget,
  allocateColumns,
  toColumns,
} from '../src/domain/allocation/allocate';
import { fenToYuan } from '../src/domain/money/index';
import { allocateApi } from '../src/services/calculators';
import { fmt, prng } from './lib';

const N = Number(process.env.BENCH_ALLOCATIONS ?? 1_000_000);

function makeApplications(n: number): AllocationApplication[] {
  const rnd = prng(1_000_000);
  const base = Date.parse('2024-01-01T00:00:00+08:00');
  const apps = new Array<AllocationApplication>(n);
  for (let i = 0; i < n; i++) {
    const m = Math.floor(rnd() * 24);
    apps[i] = {
      id: `APP-${i.toString(36)}`,
      declarationMonth: `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
      // disbursements to the second over two years: plenty of exact ties to break
      loanDisbursedAtMs: base + Math.floor(rnd() * 2 * 365 * 86_400) * 1000,
      submittedAtMs: rnd() < 0.9 ? base + Math.floor(rnd() * 2 * 365 * 86_400) * 1000 : null,
      amount: BigInt(Math.floor(rnd() * 100_000_000)),
    };
  }
  return apps;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

export interface AllocationFigures {
  n: number;
  fromObjectsMs: number;
  fromColumnsMs: number;
  contractMs: number;
}

export async function benchAllocation(report: (line: string) => void = console.log): Promise<AllocationFigures> {
  const apps = makeApplications(N);
  const total = apps.reduce((s, a) => s + a.amount, 0n);
  const budget = total / 2n;
  report(`allocation benchmark: ${fmt(N)} applications, budget ${fenToYuan(budget)} yuan (half of what is asked)`);

  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const [r, ms] = time(() => allocateBudget(apps, budget, 'partial'));
    if (r.totalAwarded > budget) throw new Error('over budget');
    runs.push(ms);
  }
  const cols = toColumns(apps);
  const colRuns: number[] = [];
  for (const mode of ['partial', 'stop', 'skip'] as const)
    colRuns.push(time(() => allocateColumns(cols, budget, mode))[1]);

  const input: TAllocateInput = {
    budget: fenToYuan(budget),
    mode: 'partial',
    applications: apps.map((a) => ({
      id: a.id,
      declarationMonth: a.declarationMonth,
      loanDisbursedAt: new Date(a.loanDisbursedAtMs).toISOString(),
      ...(a.submittedAtMs === null || a.submittedAtMs === undefined
        ? {}
        : { submittedAt: new Date(a.submittedAtMs).toISOString() }),
      amount: fenToYuan(a.amount),
    })),
  };
  const [out, contractMs] = time(() => allocateApi(input));
  if (out.awards.length !== N) throw new Error('missing awards');

  const fromObjectsMs = Math.min(...runs);
  const fromColumnsMs = Math.min(...colRuns);
  report(
    `  allocate ${fmt(N)} (objects → columns → rank → awards): ${runs.map((m) => `${fmt(m)} ms`).join(', ')} (best ${fmt(fromObjectsMs)} ms)`,
  );
  report(`  allocate from ready columns, modes partial/stop/skip: ${colRuns.map((m) => `${fmt(m)} ms`).join(', ')}`);
  report(`  full contract path (parse strings + allocate + JSON awards): ${fmt(contractMs)} ms`);
  return { n: N, fromObjectsMs, fromColumnsMs, contractMs };
}
