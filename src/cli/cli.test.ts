import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZYB_ELIGIBLE } from '../../tests/helpers/zyb-facts';
import type { CliIO, CommandModule } from './commands/_io';
import * as allocate from './commands/allocate';
import * as financing from './commands/financing';
import * as policies from './commands/policies';
import * as windows from './commands/windows';
import * as zyb from './commands/zyb';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'huiqi.mjs');

async function call(cmd: CommandModule, args: string[], stdin?: unknown) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdinIsTTY: stdin === undefined,
    readStdin: async () => (typeof stdin === 'string' ? stdin : JSON.stringify(stdin)),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  const code = await cmd.run(args, io);
  const stdout = out.join('\n');
  return { code, stdout, stderr: err.join('\n'), json: () => JSON.parse(stdout) };
}

function spawn(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: stdin ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SUBSIDY = {
  interestPaid: '50000.00',
  yearIndex: 1,
  digitalInvestment: '3000000.00',
  loanAmount: '5000000.00',
  receivedSoFar: '0.00',
};

const ELIGIBILITY = {
  ...ZYB_ELIGIBLE,
  projectStatus: 'planned',
  projectStartOn: '2024-01-01',
  projectEndOn: '2025-12-31',
  loanDisbursedOn: '2024-03-01',
};

describe('huiqi windows', () => {
  it('prints the 12 windows of 2024 as the contract JSON', async () => {
    const r = await call(windows, ['2024', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.year).toBe(2024);
    expect(j.windows).toHaveLength(12);
    expect(j.windows[1]).toMatchObject({
      month: '2024-02',
      opens: '2024-02-20',
      closes: '2024-02-25',
      shifted: true,
      reason: '春节',
    });
    expect(j.windows[5]).toMatchObject({
      month: '2024-06',
      opens: '2024-06-10',
      closes: '2024-06-16',
      shifted: true,
      reason: '端午节',
    });
    expect(j.windows[2]).toMatchObject({
      month: '2024-03',
      opens: '2024-03-10',
      closes: '2024-03-15',
      shifted: false,
      reason: null,
    });
  });

  it('prints a table without --json', async () => {
    const r = await call(windows, ['2024']);
    expect(r.stdout).toContain('2024-02  2024-02-20  2024-02-25  顺延');
  });

  it.each([
    [['abc', '--json'], '年份'],
    [['1999', '--json'], '年份不能小于 2000'],
    [['--json'], '年份为必填项'],
  ])('bad year %j → exit 2 naming the field', async (args, mention) => {
    const r = await call(windows, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(mention);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
    expect(r.json().error.fields[0].path).toBe('year');
  });
});

describe('huiqi zyb subsidy', () => {
  it('computes the example: ¥27,000.00, ratio 0.90, not capped, explained', async () => {
    const r = await call(zyb, ['subsidy', '--json'], SUBSIDY);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j).toMatchObject({ amount: '27000.00', ratio: '0.90', coefficient: '0.6000', capped: false });
    expect(j.explanation.join('')).toContain('江工信工业互联网〔2023〕33号 第五条');
  });

  it('receivedSoFar defaults to zero; the cap applies', async () => {
    const { receivedSoFar: _omit, ...rest } = SUBSIDY;
    expect((await call(zyb, ['subsidy', '--json'], rest)).json().amount).toBe('27000.00');
    const capped = (await call(zyb, ['subsidy', '--json'], { ...SUBSIDY, receivedSoFar: '990000.00' })).json();
    expect([capped.amount, capped.capped]).toEqual(['10000.00', true]);
  });

  it('simulates a what-if ratio', async () => {
    const j = (await call(zyb, ['subsidy', '--json'], { ...SUBSIDY, overrides: { firstYearRatio: '0.50' } })).json();
    expect([j.amount, j.simulated]).toEqual(['15000.00', true]);
  });

  it.each([
    [{ ...SUBSIDY, interestPaid: '50000.001' }, 'interestPaid', '贷款利息'],
    [{ ...SUBSIDY, interestPaid: 50000 }, 'interestPaid', '贷款利息'],
    [{ ...SUBSIDY, yearIndex: 0 }, 'yearIndex', '补助年度'],
    [{ ...SUBSIDY, loanAmount: '0.00' }, 'loanAmount', '贷款金额必须大于0'],
    [{ ...SUBSIDY, loanAmount: undefined }, 'loanAmount', '贷款金额为必填项'],
    [{ ...SUBSIDY, interest: '1' }, '', '包含无法识别的内容'],
  ])('bad input → exit 2, Chinese message naming %#', async (input, path, mention) => {
    const r = await call(zyb, ['subsidy', '--json'], input);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(mention);
    const j = r.json();
    expect(j.error.code).toBe('VALIDATION_FAILED');
    expect(j.error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('not JSON → exit 2', async () => {
    const r = await call(zyb, ['subsidy', '--json'], '{oops');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是有效的 JSON');
  });
});

describe('huiqi zyb eligibility', () => {
  it('eligible case', async () => {
    const j = (await call(zyb, ['eligibility', '--json'], ELIGIBILITY)).json();
    expect([j.eligible, j.failures, j.unknown]).toEqual([true, [], []]);
  });

  it('a declaration outside the filing window is a failure naming that window', async () => {
    const j = (
      await call(zyb, ['eligibility', '--json'], {
        ...ELIGIBILITY,
        declaredOn: '2024-02-12',
        loanDisbursedOn: '2024-02-01',
      })
    ).json();
    expect(j.eligible).toBe(false);
    expect(j.failures).toHaveLength(1);
    expect(j.failures[0]).toMatchObject({ code: 'ZYB_FILING_WINDOW', citation: '申报指南 三（四）' });
    expect(j.failures[0].message).toContain('2024-02-20至2024-02-25');
  });

  it('an undisbursed loan is unknown, not a failure', async () => {
    const j = (await call(zyb, ['eligibility', '--json'], { ...ELIGIBILITY, loanDisbursedOn: null })).json();
    expect([j.eligible, j.status, j.failures.length]).toEqual([false, 'undetermined', 0]);
    expect(j.unknown.map((u: { code: string }) => u.code)).toEqual(['ZYB_LOAN_FROM', 'ZYB_LOAN_GAP']);
  });

  it('bad date → exit 2 naming the field', async () => {
    const r = await call(zyb, ['eligibility', '--json'], { ...ELIGIBILITY, declaredOn: '2024-02-30' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('入库申报日期');
  });

  it('human output lists the conditions', async () => {
    const r = await call(zyb, ['eligibility'], ELIGIBILITY);
    expect(r.stdout).toContain('结论：符合条件');
    expect(r.stdout).toContain('✓ 符合');
  });
});

describe('huiqi zyb decide', () => {
  it('decides completely, with non-stacking', async () => {
    const j = (
      await call(zyb, ['decide', '--json'], {
        ...ELIGIBILITY,
        ...SUBSIDY,
        digitalInvestment: '1000000.00',
        asOf: '2025-03-01',
        competing: { ipPledgeLoan: true },
      })
    ).json();
    expect([j.status, j.award, j.nonStacking.chosen, j.nonStacking.amount]).toEqual([
      'superseded',
      '0.00',
      'm2023.ip_pledge_interest',
      '25000.00',
    ]);
  });

  it('unknown subcommand → exit 2', async () => expect((await call(zyb, ['nope'])).code).toBe(2));
});

describe('huiqi allocate', () => {
  const INPUT = {
    budget: '800000.00',
    mode: 'partial',
    applications: [
      { id: 'A', declarationMonth: '2024-03', loanDisbursedAt: '2024-02-01T10:00:00+08:00', amount: '100000.00' },
      { id: 'B', declarationMonth: '2024-02', loanDisbursedAt: '2024-02-05T10:00:00+08:00', amount: '750000.00' },
      { id: 'C', declarationMonth: '2024-03', loanDisbursedAt: '2024-02-01T09:00:00+08:00', amount: '30000.00' },
    ],
  };

  it('awards in order and reports the remainder', async () => {
    const j = (await call(allocate, ['--json'], INPUT)).json();
    expect(j.awards).toEqual([
      { id: 'B', rank: 1, requested: '750000.00', awarded: '750000.00', status: 'funded' },
      { id: 'C', rank: 2, requested: '30000.00', awarded: '30000.00', status: 'funded' },
      { id: 'A', rank: 3, requested: '100000.00', awarded: '20000.00', status: 'partial' },
    ]);
    expect(j.remaining).toBe('0.00');
  });

  it.each([
    [{ ...INPUT, mode: 'greedy' }, 'mode', '余额不足时的处理方式'],
    [
      { ...INPUT, applications: [{ ...INPUT.applications[0], loanDisbursedAt: '2024-02-01 10:00' }] },
      'applications.0.loanDisbursedAt',
      '贷款放款时间',
    ],
    [{ ...INPUT, applications: [INPUT.applications[0], INPUT.applications[0]] }, 'applications.1.id', '重复：A'],
    [{ ...INPUT, budget: '-1.00' }, 'budget', '预算'],
  ])('bad input %# → exit 2 naming the field', async (input, path, mention) => {
    const r = await call(allocate, ['--json'], input);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(mention);
    expect(r.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });
});

describe('huiqi policies', () => {
  it('lists the catalogue with validity as of a date', async () => {
    const j = (await call(policies, ['list', '--as-of', '2026-11-21', '--json'])).json();
    const byId = Object.fromEntries(
      j.policies.map((p: { id: string; validity: { status: string } }) => [p.id, p.validity.status]),
    );
    expect(byId['zyb.interest']).toBe('in_force');
    expect(byId['iifund.benchmark']).toBe('expired');
    expect(byId['m2023.first_set']).toBe('expired');
  });

  it('matches facts to policies', async () => {
    const j = (
      await call(policies, ['match', '--json'], {
        asOf: '2025-06-01',
        events: { first_set_equipment: true },
        figures: { firstSetUnitPrice: '5000000.00' },
      })
    ).json();
    const fs = j.policies.find((p: { id: string }) => p.id === 'm2023.first_set');
    expect(fs).toMatchObject({
      claimable: true,
      outcome: 'eligible',
      estimate: { kind: 'exact', amount: '1500000.00' },
    });
  });

  it('bad event code → exit 2 naming the field', async () => {
    const r = await call(policies, ['match', '--json'], { asOf: '2025-06-01', events: { nobel_prize: true } });
    expect(r.code).toBe(2);
    expect(r.json().error.fields[0].path).toBe('events');
  });
});

describe('huiqi policies match, as a person reads it', () => {
  it('lists what applies, then what is still to prove, and never an expired measure as claimable', async () => {
    const r = await call(policies, ['match'], { asOf: '2026-12-01', enterprise: { registeredInJiangmen: true } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('截至2026-12-01可申请的政策：无');
    expect(lines[1]).toBe('尚需证明条件后可能申请的政策：1项（每项列出尚需证明的条件）');
    expect(r.stdout).not.toContain('【已失效】');
    expect(r.stdout).toMatch(/另有\d+项政策不在有效期内，不可申请（不列金额；--json 可查看明细）$/);
    // The condition still to prove is said once, not as "待证明：尚需证明…".
    expect(r.stdout).not.toContain('待证明：尚需');
  });

  it('its input is documented in help and in the usage', async () => {
    const help = spawn(['help']);
    expect(help.stdout).toContain('policies match [--json] < 企业情况.json');
    expect(help.stdout).toContain('asOf 查询日期（必填，YYYY-MM-DD）');
    const bad = await call(policies, ['nonsense']);
    expect(bad.stderr).toContain('huiqi policies match [--json] < 企业情况.json');
  });
});

describe('the installed binary (dispatcher, stdin, exit codes)', () => {
  it('help lists the commands', () => {
    const r = spawn(['help']);
    expect(r.code).toBe(0);
    for (const c of ['windows', 'zyb', 'allocate', 'policies']) expect(r.stdout).toContain(c);
  });

  it('zyb subsidy --json reads stdin', () => {
    const r = spawn(['zyb', 'subsidy', '--json'], JSON.stringify(SUBSIDY));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).amount).toBe('27000.00');
  });

  it('bad input exits 2 with the field named on stderr', () => {
    const r = spawn(['zyb', 'subsidy', '--json'], JSON.stringify({ ...SUBSIDY, yearIndex: 'one' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('补助年度');
    expect(JSON.parse(r.stdout).error.code).toBe('VALIDATION_FAILED');
  });

  it('an unknown command exits 2', () => {
    const r = spawn(['audit-nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令');
  });

  it('windows 2026 --json shows the Spring Festival edge case', () => {
    const r = spawn(['windows', '2026', '--json']);
    const feb = JSON.parse(r.stdout).windows[1];
    expect(feb).toMatchObject({
      opens: '2026-02-10',
      closes: '2026-02-16',
      adjustment: 'extended',
      extensionInHoliday: true,
    });
  });
});

describe('huiqi financing parse', () => {
  it('prints the contract fields for a sentence', async () => {
    const r = await call(financing, ['parse', '--json'], {
      text: '计划购置两条智能产线，需要贷款500万元，期限3年，可以用厂房抵押',
    });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      amountMin: '5000000.00',
      amountMax: '5000000.00',
      termMonthsMin: 36,
      termMonthsMax: 36,
      purpose: 'equipment',
      guarantee: 'mortgage',
    });
    expect(typeof r.json().confidence).toBe('number');
  });
  it.each([[{}], [{ text: 5 }], ['not json']])('exits 2 on %j', async (stdin) => {
    const r = await call(financing, ['parse', '--json'], stdin);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('输入有误');
  });
});
