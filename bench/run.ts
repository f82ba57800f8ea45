/**
 * `npm run bench`: runs each benchmark module in turn and prints its figures. To add a benchmark, add one line
 * to BENCHES (modules are imported lazily). `npm run bench -- allocation` runs that one; `npm run bench -- policy` the names containing "policy".
 */
import { cpus, loadavg } from 'node:os';

interface Bench {
  readonly name: string;
  readonly run: () => Promise<unknown>;
}

const BENCHES: Bench[] = [
  { name: 'policy-engine', run: async () => (await import('./policy-engine')).benchPolicyEngine() },
  { name: 'allocation', run: async () => (await import('./allocation')).benchAllocation() },
  { name: 'allocation-db', run: async () => (await import('./allocation-db')).benchAllocationDb() },
];

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
// A filter equal to a name selects exactly that benchmark; otherwise it selects the names containing it.
const selected = filters.length
  ? BENCHES.filter((b) =>
      filters.some((f) => b.name === f || (!BENCHES.some((x) => x.name === f) && b.name.includes(f))),
    )
  : BENCHES;

console.log(
  `huiqi benchmarks — node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
let failed = 0;
for (const b of selected) {
  console.log(`\n▶ ${b.name}`);
  const t0 = performance.now();
  try {
    await b.run();
  } catch (e) {
    failed++;
    console.error(`${b.name} failed: ${(e as Error).stack ?? e}`);
  }
  console.log(`  (${b.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
process.exitCode = failed ? 1 : 0;
