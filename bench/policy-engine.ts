/**
 * Benchmark: complete 政银保 decisions per second on one core (all 16 eligibility conditions, S = I × R × C with
 * the cap, the structured trace, the verification deadline, non-stacking), against the same eligibility rules
 * encoded for json-rules-engine, measured in the same run on the same facts. Before timing, both engines are run
 * over every generated case and must agree on eligibility — otherwise the comparison would be meaningless.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import { defaultCalendar } from '../src/domain/calendar/calendar';
import { addMonths, fromDayNumber, type IsoDate, toDayNumber } from '../src/domain/calendar/dates';
import { checkFilingWindow } from '../src/domain/calendar/windows';
import { explain } from '../src/domain/policies/core/trace';
import { decideZybApplication, type ZybApplicationFacts } from '../src/domain/policies/zyb/decide';
import { evaluateZybEligibility, zybWindowRule } from '../src/domain/policies/zyb/eligibility';
import { fmt, median, opsPerSecond, opsPerSecondAsync, prng, type Rate, ROUNDS } from './lib';

const CASES = 4096;
const AS_OF = '2025-03-01';

export function makeCases(): ZybApplicationFacts[] {
  const rnd = prng(20240125);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const mostly = (p = 0.99) => (rnd() < p ? true : rnd() < 0.5 ? false : null);
  const day = (from: IsoDate, to: IsoDate) =>
    fromDayNumber(toDayNumber(from) + Math.floor(rnd() * (toDayNumber(to) - toDayNumber(from) + 1)));
  const cases: ZybApplicationFacts[] = [];
  for (let i = 0; i < CASES; i++) {
    // most declarations inside a window (the 10th–16th), some outside
    const month = `${pick(['2024', '2025', '2026'])}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`;
    const declaredOn = `${month}-${String(rnd() < 0.85 ? 10 + Math.floor(rnd() * 6) : 1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    // most loans within a few months of the declaration, some far off, some not yet disbursed
    const near = fromDayNumber(toDayNumber(declaredOn) + Math.floor((rnd() - 0.5) * 300));
    const loan = rnd() < 0.08 ? null : rnd() < 0.8 ? near : day('2022-10-01', '2026-12-31');
    cases.push({
      applicantType: rnd() < 0.8 ? 'manufacturer' : 'service_provider',
      registeredInJiangmen: mostly(),
      operatingInJiangmen: mostly(),
      isSme: mostly(),
      creditGood: mostly(),
      inResourcePool: mostly(0.7),
      projectInScope: mostly(),
      projectLocationInJiangmen: mostly(),
      projectStatus: pick(['planned', 'in_progress', 'in_progress', 'in_progress', 'completed'] as const),
      projectStartOn: day('2022-12-01', '2025-06-30'),
      projectEndOn: day('2025-01-01', '2028-12-31'),
      declaredOn,
      loanDisbursedOn: loan,
      interestPaid: BigInt(Math.floor(rnd() * 20_000_000)),
      yearIndex: 1 + Math.floor(rnd() * 3),
      digitalInvestment: BigInt(Math.floor(rnd() * 1_000_000_000)),
      loanAmount: BigInt(1 + Math.floor(rnd() * 1_000_000_000)),
      receivedSoFar: BigInt(Math.floor(rnd() * 100_000_000)),
      ...(rnd() < 0.2 ? { competing: { ipPledgeLoan: rnd() < 0.5 } } : {}),
    });
  }
  return cases;
}

/** The same 16 eligibility rules for json-rules-engine (date logic through custom operators). */
function jsonRulesEngine(): Engine {
  const cal = defaultCalendar();
  const rule = zybWindowRule('2025-01-01');
  const engine = new Engine([], { allowUndefinedFacts: true });
  const isDate = (v: unknown): v is string => typeof v === 'string';
  engine.addOperator<unknown, string>('dateGte', (a, b) => isDate(a) && a >= b);
  engine.addOperator<unknown, string>('dateLte', (a, b) => isDate(a) && a <= b);
  engine.addOperator<unknown, string>('dateGt', (a, b) => isDate(a) && isDate(b) && a > b);
  engine.addOperator<unknown, string>('dateLt', (a, b) => isDate(a) && a < b);
  engine.addOperator<unknown, string>('withinSixCalendarMonths', (a, b) => {
    if (!isDate(a) || !isDate(b)) return false;
    const [early, late] = a <= b ? [a, b] : [b, a];
    return late <= addMonths(early, 6).date;
  });
  engine.addOperator<unknown, boolean>('inFilingWindow', (a, want) => {
    if (!isDate(a)) return !want;
    const c = checkFilingWindow(cal, a, rule);
    return (c.inside && c.window.scheduleKnown) === want;
  });
  const r = (name: string, conditions: RuleProperties['conditions']): RuleProperties => ({
    name,
    conditions,
    event: { type: name },
  });
  const isTrue = (fact: string) => ({ all: [{ fact, operator: 'equal', value: true }] });
  const rules: RuleProperties[] = [
    r('ZYB_POLICY_IN_FORCE', {
      all: [
        { fact: 'declaredOn', operator: 'dateGte', value: '2024-01-25' },
        { fact: 'declaredOn', operator: 'dateLte', value: '2026-12-31' },
      ],
    }),
    r('ZYB_APPLICANT_TYPE', {
      all: [{ fact: 'applicantType', operator: 'in', value: ['manufacturer', 'service_provider'] }],
    }),
    r('ZYB_RESOURCE_POOL', {
      any: [
        { fact: 'applicantType', operator: 'equal', value: 'manufacturer' },
        { fact: 'inResourcePool', operator: 'equal', value: true },
      ],
    }),
    r('ZYB_REGISTERED_IN_JIANGMEN', isTrue('registeredInJiangmen')),
    r('ZYB_OPERATING_IN_JIANGMEN', isTrue('operatingInJiangmen')),
    r('ZYB_SME', isTrue('isSme')),
    r('ZYB_CREDIT_GOOD', isTrue('creditGood')),
    r('ZYB_PROJECT_SCOPE', isTrue('projectInScope')),
    r('ZYB_PROJECT_LOCATION', isTrue('projectLocationInJiangmen')),
    r('ZYB_PROJECT_STATUS', { all: [{ fact: 'projectStatus', operator: 'in', value: ['planned', 'in_progress'] }] }),
    r('ZYB_PROJECT_START', { all: [{ fact: 'projectStartOn', operator: 'dateGte', value: '2023-01-01' }] }),
    r('ZYB_PROJECT_END', { all: [{ fact: 'projectEndOn', operator: 'dateGt', value: { fact: 'declaredOn' } }] }),
    r('ZYB_LOAN_FROM', { all: [{ fact: 'loanDisbursedOn', operator: 'dateGte', value: '2023-01-01' }] }),
    r('ZYB_LOAN_2023_DEADLINE', {
      any: [
        { fact: 'loanDisbursedOn', operator: 'dateGte', value: '2024-01-01' },
        { fact: 'declaredOn', operator: 'dateLte', value: '2024-06-30' },
      ],
    }),
    r('ZYB_LOAN_GAP', {
      any: [
        { fact: 'loanDisbursedOn', operator: 'dateLt', value: '2024-01-01' },
        { fact: 'loanDisbursedOn', operator: 'withinSixCalendarMonths', value: { fact: 'declaredOn' } },
      ],
    }),
    r('ZYB_FILING_WINDOW', { all: [{ fact: 'declaredOn', operator: 'inFilingWindow', value: true }] }),
  ];
  for (const rule of rules) engine.addRule(rule);
  return engine;
}

export interface PolicyEngineFigures {
  decisions: Rate;
  eligibility: Rate;
  explained: Rate;
  jsonRulesEngine: Rate;
  /** complete decisions ÷ json-rules-engine eligibility, by CPU time and by wall time */
  ratio: { cpu: number; wall: number };
  eligibilityRatio: { cpu: number; wall: number };
  agreement: string;
  /** headline: complete decisions per CPU-second (median of the rounds) */
  decisionsPerCpuSecond: number;
  /** headline: complete decisions ÷ json-rules-engine, by CPU time (median of the rounds' ratios) */
  decisionsVsJsonRulesEngine: number;
}

export async function benchPolicyEngine(report: (line: string) => void = console.log): Promise<PolicyEngineFigures> {
  const cases = makeCases();
  const engine = jsonRulesEngine();
  const opts = { asOf: AS_OF };

  // Both encodings must agree on every case before we compare speeds.
  let agree = 0;
  let eligible = 0;
  for (const c of cases) {
    const ours = evaluateZybEligibility(c).eligible;
    const theirs = (await engine.run({ ...c })).failureResults.length === 0;
    if (ours === theirs) agree++;
    if (ours) eligible++;
  }
  const agreement = `${agree}/${cases.length}`;
  if (agree !== cases.length) throw new Error(`json-rules-engine encoding disagrees on ${cases.length - agree} cases`);
  report(
    `政银保 decision benchmark: ${cases.length} generated cases (${eligible} eligible); json-rules-engine agrees on ${agreement}`,
  );

  const n = cases.length;
  let sink = 0n;
  // Interleaved rounds: each round measures the engine and json-rules-engine back to back, so a busy machine
  // slows both; the figures are the rounds' min and median.
  const rounds: { decisions: Rate; eligibility: Rate; jre: Rate }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const decisions = opsPerSecond((i) => {
      sink += decideZybApplication(cases[i % n]!, opts).award;
    });
    const eligibility = opsPerSecond((i) => evaluateZybEligibility(cases[i % n]!));
    const jre = await opsPerSecondAsync((i) => engine.run({ ...cases[i % n]! }));
    rounds.push({ decisions, eligibility, jre });
    report(
      `  round ${r + 1}: complete decisions ${fmt(decisions.cpu)} /CPU-s · eligibility ${fmt(eligibility.cpu)} /CPU-s · json-rules-engine ${fmt(jre.cpu)} /CPU-s`,
    );
  }
  const explained = opsPerSecond((i) => explain(decideZybApplication(cases[i % n]!, opts).trace), 1500, 2000);
  const pick = (f: (x: (typeof rounds)[number]) => Rate): Rate => ({
    cpu: median(rounds.map((x) => f(x).cpu)),
    wall: median(rounds.map((x) => f(x).wall)),
  });
  const decisions = pick((x) => x.decisions);
  const eligibility = pick((x) => x.eligibility);
  const jre = pick((x) => x.jre);
  const ratioOf = (f: (x: (typeof rounds)[number]) => Rate) => ({
    cpu: median(rounds.map((x) => f(x).cpu / x.jre.cpu)),
    wall: median(rounds.map((x) => f(x).wall / x.jre.wall)),
  });
  const ratio = ratioOf((x) => x.decisions);
  const eligibilityRatio = ratioOf((x) => x.eligibility);
  const line = (label: string, r: Rate, min?: number) =>
    report(
      `  ${label.padEnd(62)} ${fmt(r.cpu).padStart(10)} /s per CPU-second${min === undefined ? '' : ` (min ${fmt(min)})`}   (${fmt(r.wall)} /s wall clock)`,
    );
  const minOf = (f: (x: (typeof rounds)[number]) => Rate) => Math.min(...rounds.map((x) => f(x).cpu));
  report(`  medians of ${ROUNDS} rounds:`);
  line(
    'complete decisions (eligibility + amount + trace + non-stacking):',
    decisions,
    minOf((x) => x.decisions),
  );
  line(
    'eligibility only (16 conditions, no short-circuit):',
    eligibility,
    minOf((x) => x.eligibility),
  );
  line('complete decisions with the Chinese explanation rendered:', explained);
  line(
    'json-rules-engine, the same 16 eligibility rules:',
    jre,
    minOf((x) => x.jre),
  );
  report(
    `  ratio complete decision ÷ json-rules-engine eligibility:        ${ratio.cpu.toFixed(1)}× (wall ${ratio.wall.toFixed(1)}×)`,
  );
  report(
    `  ratio eligibility ÷ json-rules-engine eligibility:              ${eligibilityRatio.cpu.toFixed(1)}× (wall ${eligibilityRatio.wall.toFixed(1)}×)`,
  );
  if (sink < 0n) report('');
  return {
    decisions,
    eligibility,
    explained,
    jsonRulesEngine: jre,
    ratio,
    eligibilityRatio,
    agreement,
    decisionsPerCpuSecond: Math.round(decisions.cpu),
    decisionsVsJsonRulesEngine: Number(ratio.cpu.toFixed(1)),
  };
}
