/**
 * `npm run bench`: runs each benchmark module in turn and prints its figures. To add a benchmark, add one line
 * to BENCHES (modules are imported lazily). `npm run bench -- allocation` runs that one; `npm run bench -- policy` the names containing "policy".
 * `npm run bench -- --json` ends with one JSON line of the headline figures the benchmarks measured.
 * `npm run bench -- --scale province` runs the province-scale benchmark (ADR 0027) instead.
 */
import { cpus, loadavg } from 'node:os';

interface Bench {
  readonly name: string;
  readonly run: () => Promise<unknown>;
  /** Runs only when asked for (`--scale <name>`): it takes a long while and a lot of disk. */
  readonly scale?: string;
}

const BENCHES: Bench[] = [
  { name: 'policy-engine', run: async () => (await import('./policy-engine')).benchPolicyEngine() },
  { name: 'allocation', run: async () => (await import('./allocation')).benchAllocation() },
  { name: 'allocation-db', run: async () => (await import('./allocation-db')).benchAllocationDb() },
  { name: 'audit-writes', run: async () => (await import('./audit-writes')).benchAuditWrites() },
  { name: 'http', run: async () => (await import('./http')).benchHttp() },
  { name: 'province', scale: 'province', run: async () => (await import('./province')).benchProvince() },
];

/** Headline figures that go into the `--json` line, when a benchmark returns them. */
const HEADLINE = [
  'writesVsPgbench',
  'writesPerSecond',
  'writesP99Ms',
  'serialisedWritesPerSecond',
  'pgliteWritesPerSecond',
  'pgliteWritesP99Ms',
  'publicVsBareFastify',
  'calculatorVsBareFastify',
  'listVsBareFastify',
  'listP99Ms',
  'allocation100kVsCopy',
  'decisionsVsJsonRulesEngine',
  'decisionsPerCpuSecond',
];

const args = process.argv.slice(2);
const scaleAt = args.indexOf('--scale');
const scale = scaleAt >= 0 ? args[scaleAt + 1] : undefined;
const filters = args.filter((a, i) => !a.startsWith('-') && !(scaleAt >= 0 && i === scaleAt + 1));
// `--scale province` runs the benchmarks of that scale; otherwise a filter equal to a name selects exactly that
// benchmark, another selects the names containing it, and no filter selects every benchmark of the usual scale.
const selected = scale
  ? BENCHES.filter((b) => b.scale === scale)
  : filters.length
    ? BENCHES.filter((b) =>
        filters.some((f) => b.name === f || (!BENCHES.some((x) => x.name === f) && b.name.includes(f))),
      )
    : BENCHES.filter((b) => !b.scale);
if (scale && selected.length === 0) {
  console.error(
    `--scale ${scale ?? ''}: no such scale (known: ${[...new Set(BENCHES.map((b) => b.scale).filter(Boolean))].join(', ')})`,
  );
  process.exit(2);
}

console.log(
  `huiqi benchmarks — node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
let failed = 0;
const figures: Record<string, number> = {};
for (const b of selected) {
  console.log(`\n▶ ${b.name}`);
  const t0 = performance.now();
  try {
    const result = (await b.run()) as Record<string, unknown> | undefined;
    for (const key of HEADLINE) if (typeof result?.[key] === 'number') figures[key] = result[key] as number;
  } catch (e) {
    failed++;
    console.error(`${b.name} failed: ${(e as Error).stack ?? e}`);
  }
  console.log(`  (${b.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
process.exitCode = failed ? 1 : 0;
