/** The pure loan rules: rates, China-time instants, term caps by purpose, repayment schedule checks, CSV, citations. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOAN_STATUS_NAMES, ZLoanStatus } from '../src/contracts/loans';
import { toCsv } from '../src/domain/loans/csv';
import { type ImportRefs, planImport } from '../src/domain/loans/import';
import { LOAN_STATUS_LABELS } from '../src/domain/loans/labels';
import { LOAN_PURPOSES, PURPOSE_RULES, purposeFromText } from '../src/domain/loans/params';
import {
  days30E360,
  interestUpperBoundFen,
  loanDates,
  type RepaymentDraft,
  type ScheduleLoan,
  validateLoanTerms,
  validateRepayment,
} from '../src/domain/loans/validate';
import {
  chinaDateOf,
  formatRate,
  formatRatePercent,
  parseAnnualRate,
  parseDateCell,
  parseDateTimeCell,
  toChinaIso,
} from '../src/domain/loans/values';
import { locateCitation } from '../src/domain/policies/core/citation';
import { SOURCE_DOCS } from '../src/domain/policies/sources/index';
import { csvRecords, readImportFile } from '../src/services/loans/read-import-file';

describe('annual rates', () => {
  it.each([
    ['0.0385', {}, '0.038500'],
    ['.0385', {}, '0.038500'],
    ['0.24', {}, '0.240000'],
    ['0.000001', {}, '0.000001'],
    [' 0.05 ', {}, '0.050000'],
    ['3.85%', { allowPercent: true }, '0.038500'],
    ['12.5%', { allowPercent: true }, '0.125000'],
    ['24%', { allowPercent: true }, '0.240000'],
  ])('parses %s', (input, opts, canonical) => {
    expect(parseAnnualRate(input, opts)).toEqual({ ok: true, value: canonical });
  });

  it.each([
    ['0', '必须大于 0'],
    ['0.000000', '必须大于 0'],
    ['0.240001', '超过上限'],
    ['0.25', '超过上限'],
    ['1', '超过上限'],
    ['3.85', '超过上限'],
    ['3.85%', '不是有效的年利率'], // percent only in imports
    ['0.0000001', '最多保留 6 位小数'],
    ['abc', '不是有效的年利率'],
    ['-0.03', '不是有效的年利率'],
    ['', '不是有效的年利率'],
  ])('refuses %s', (input, message) => {
    const r = parseAnnualRate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.zh).toContain(message);
  });

  it('formats rates for the API and for people', () => {
    expect(formatRate('0.038500')).toBe('0.0385');
    expect(formatRate('0.050000')).toBe('0.05');
    expect(formatRate('0.240000')).toBe('0.24');
    expect(formatRatePercent('0.038500')).toBe('3.85%');
    expect(formatRatePercent('0.040000')).toBe('4%');
    expect(formatRatePercent('0.000001')).toBe('0.0001%');
  });
});

describe('China time', () => {
  it.each([
    ['2026-03-15T02:30:00Z', '2026-03-15', '2026-03-15T10:30:00+08:00'],
    ['2026-01-31T16:00:00Z', '2026-02-01', '2026-02-01T00:00:00+08:00'],
    ['2026-01-31T15:59:59.500Z', '2026-01-31', '2026-01-31T23:59:59.500+08:00'],
  ])('%s is %s in China (%s)', (utc, day, iso) => {
    const d = new Date(utc);
    expect(chinaDateOf(d)).toBe(day);
    expect(toChinaIso(d)).toBe(iso);
    expect(new Date(toChinaIso(d)).getTime()).toBe(d.getTime());
  });

  it('reads disbursement times written in China wall-clock time or ISO with offset', () => {
    const at = (s: string) => {
      const r = parseDateTimeCell(s);
      return r.ok ? r.value.toISOString() : r.zh;
    };
    expect(at('2026-03-15 10:30')).toBe('2026-03-15T02:30:00.000Z');
    expect(at('2026/3/5 8:05:09')).toBe('2026-03-05T00:05:09.000Z');
    expect(at('2026-03-15T10:30:00+08:00')).toBe('2026-03-15T02:30:00.000Z');
    expect(at('2026-03-15T02:30:00Z')).toBe('2026-03-15T02:30:00.000Z');
    expect(at('2026-03-15')).toContain('缺少时刻');
    expect(at('2026-02-30 10:00')).toContain('日期不存在');
    expect(at('2026-13-45')).toContain('“2026-13-45”的日期不存在');
    expect(at('2026-13-45')).not.toContain('缺少时刻');
    expect(parseDateCell('2026-13-45').ok ? '' : (parseDateCell('2026-13-45') as { zh: string }).zh).toContain(
      '日期不存在',
    );
    expect(at('2026-03-15 24:00')).toContain('不是有效的放款时间');
    // A spreadsheet cell holds the wall-clock time in its UTC fields.
    const cell = parseDateTimeCell(new Date('2026-03-15T10:30:00Z'));
    expect(cell.ok && cell.value.toISOString()).toBe('2026-03-15T02:30:00.000Z');
  });

  it('reads dates', () => {
    expect(parseDateCell('2026-3-5')).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDateCell('2026/03/05')).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDateCell(new Date('2026-03-05T00:00:00Z'))).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDateCell('2026-02-29').ok).toBe(false);
    expect(parseDateCell('2026-03-05 10:00').ok).toBe(false);
  });
});

describe('loan terms', () => {
  const now = new Date('2026-11-21T02:00:00Z');
  const base = {
    contractNo: 'JM-001',
    purpose: 'equipment' as const,
    amountFen: 500000000n,
    annualRate: '0.038500',
    termMonths: 36,
    disbursedAt: new Date('2026-03-15T02:30:00Z'),
  };

  it('accepts a valid loan', () => {
    expect(validateLoanTerms(base, now)).toEqual([]);
  });

  it.each([
    ['equipment', 60, true],
    ['equipment', 61, false],
    ['working_capital', 36, true],
    ['working_capital', 37, false],
    ['other', 60, true],
  ] as const)('%s loans of %i months: allowed = %s', (purpose, termMonths, ok) => {
    const problems = validateLoanTerms({ ...base, purpose, termMonths }, now);
    expect(problems.length === 0).toBe(ok);
    if (!ok) expect(problems[0]!.field).toBe('termMonths');
  });

  it('reports every problem at once', () => {
    const problems = validateLoanTerms(
      { ...base, contractNo: '', amountFen: 0n, termMonths: 0, disbursedAt: new Date('2026-11-21T02:00:01Z') },
      now,
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['amount', 'contractNo', 'disbursedAt', 'termMonths']);
  });

  it('the term caps cite 珠海方案 三（二）1 as guidance, and the citation lands on the clause', () => {
    const text = fs.readFileSync(
      path.resolve(import.meta.dirname, '../src/domain/policies/sources', SOURCE_DOCS['002'].file),
      'utf8',
    );
    for (const p of LOAN_PURPOSES) {
      const rule = PURPOSE_RULES[p];
      if (!rule.citation) continue;
      expect(rule.guidanceOnly).toBe(true);
      expect(locateCitation(text, rule.citation).ok, p).toBe(true);
    }
  });

  it('reads purposes written in Chinese', () => {
    expect(purposeFromText('设备贷款')).toBe('equipment');
    expect(purposeFromText('流动资金贷款')).toBe('working_capital');
    expect(purposeFromText('其他')).toBe('other');
    expect(purposeFromText('其他（数字化转型项目贷款）')).toBe('other');
    expect(purposeFromText('消费贷')).toBeNull();
  });

  it('computes the maturity date in China time, clamped to the month end', () => {
    expect(loanDates(new Date('2026-08-31T02:00:00Z'), 6)).toEqual({
      disbursedOn: '2026-08-31',
      maturityDate: '2027-02-28',
    });
    expect(loanDates(new Date('2026-01-31T16:30:00Z'), 12)).toEqual({
      disbursedOn: '2026-02-01',
      maturityDate: '2027-02-01',
    });
  });
});

describe('repayment schedule checks', () => {
  const loan: ScheduleLoan = {
    amountFen: 120000000n, // ¥1,200,000
    annualRate: '0.036000',
    disbursedOn: '2026-01-10',
    maturityDate: '2027-01-10',
  };
  const p = (n: number, over: Partial<RepaymentDraft> = {}): RepaymentDraft => ({
    periodNo: n,
    dueDate: `2026-${String(n + 1).padStart(2, '0')}-10`,
    paidDate: `2026-${String(n + 1).padStart(2, '0')}-10`,
    principalFen: 10000000n,
    interestFen: 360000n,
    ...over,
  });

  it('counts 30E/360 days', () => {
    expect(days30E360('2026-01-10', '2026-03-10')).toBe(60);
    expect(days30E360('2026-01-31', '2026-02-28')).toBe(28);
    expect(days30E360('2026-01-31', '2026-03-31')).toBe(60);
    expect(days30E360('2025-12-15', '2026-01-15')).toBe(30);
  });

  it('bounds interest by the whole principal at the contract rate, the larger of ACT/360 and 30E/360', () => {
    // February: 28 actual days, but a monthly rate/12 schedule charges 30 → 1,200,000 × 3.6% × 60/360 = 7,200.00
    expect(interestUpperBoundFen(loan, '2026-03-10')).toBe(720000n);
    // ¥1,200,000 × 3.6% × 31 / 360 = ¥3,720.00
    expect(interestUpperBoundFen(loan, '2026-02-10')).toBe(372000n);
    expect(interestUpperBoundFen(loan, '2026-01-10')).toBe(0n);
    // One day: 1,200,000 × 0.036 / 360 = 120.00
    expect(interestUpperBoundFen(loan, '2026-01-11')).toBe(12000n);
    expect(interestUpperBoundFen({ ...loan, amountFen: 1n }, '2026-01-11')).toBe(1n);
  });

  it('accepts a regular schedule', () => {
    const done: RepaymentDraft[] = [];
    for (let n = 1; n <= 12; n++) {
      const next = p(n, n === 12 ? { dueDate: '2027-01-10', paidDate: '2027-01-08' } : {});
      expect(validateRepayment(loan, done, next, '2027-02-01'), `period ${n}`).toEqual([]);
      done.push(next);
    }
  });

  it.each([
    ['dueDate', p(1, { dueDate: '2026-01-09' })],
    ['dueDate', p(1, { dueDate: '2027-01-11' })],
    ['paidDate', p(1, { paidDate: '2026-01-09' })],
    ['paidDate', p(1, { paidDate: '2026-11-22' })],
    ['principalPaid', p(1, { principalFen: 0n, interestFen: 0n })],
    ['principalPaid', p(1, { principalFen: 120000001n })],
    ['interestPaid', p(1, { interestFen: 372000n + 100n + 1n })],
    ['periodNo', p(0)],
  ])('refuses a bad %s', (field, next) => {
    expect(validateRepayment(loan, [], next, '2026-11-21').map((x) => x.field)).toContain(field);
  });

  it('allows interest up to the bound plus ¥1 rounding per period', () => {
    expect(validateRepayment(loan, [], p(1, { interestFen: 372100n }), '2026-11-21')).toEqual([]);
  });

  it('keeps due dates rising with the period number, whichever order periods arrive in', () => {
    const third = p(3);
    expect(validateRepayment(loan, [third], p(1), '2026-11-21')).toEqual([]);
    expect(validateRepayment(loan, [third], p(2, { dueDate: '2026-04-10' }), '2026-11-21')[0]?.field).toBe('dueDate');
    expect(validateRepayment(loan, [third], p(4, { dueDate: '2026-04-10' }), '2026-11-21')[0]?.field).toBe('dueDate');
  });

  it('never lets cumulative principal exceed the loan (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 50000000n }), { minLength: 1, maxLength: 10 }), (amounts) => {
        const done: RepaymentDraft[] = [];
        amounts.forEach((a, i) => {
          const next = p(i + 1, { principalFen: a, interestFen: 1n });
          if (validateRepayment(loan, done, next, '2026-11-21').length === 0) done.push(next);
        });
        return done.reduce((s, r) => s + r.principalFen, 0n) <= loan.amountFen;
      }),
    );
  });
});

describe('loan labels', () => {
  it('name every status of the contract once, in both languages, and the contract reads them', () => {
    expect(Object.keys(LOAN_STATUS_LABELS).sort()).toEqual([...ZLoanStatus.options].sort());
    expect(LOAN_STATUS_NAMES).toEqual({ repaying: '还款中', settled: '已结清', cancelled: '已作废' });
    expect(LOAN_STATUS_LABELS.settled.en).toBe('Settled');
  });
});

describe('CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(csvRecords('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
    expect(csvRecords('a\nb')).toEqual([['a'], ['b']]);
    expect(csvRecords('"multi\nline",2')).toEqual([['multi\nline', '2']]);
    expect(csvRecords('')).toEqual([]);
    expect(csvRecords('a,b\n\nc\n')).toEqual([['a', 'b'], [''], ['c']]);
    expect(csvRecords('5"寸,2\n')).toEqual([['5"寸', '2']]);
    expect(csvRecords('a,"b\n')).toBeNull();
  });

  it('a CSV file with a quoted cell never closed is one Chinese file error, not an exception', async () => {
    const read = await readImportFile(new TextEncoder().encode('合同编号,金额\n"HT-1,100\n'), 'loans.csv');
    expect(read.loans).toBeNull();
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]!.reason).toContain('没有结束的双引号');
  });

  it('round-trips any table (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          expect(csvRecords(toCsv(rows))).toEqual(rows);
        },
      ),
    );
  });

  it('guards against formulas when asked', () => {
    expect(toCsv([['=HYPERLINK("x")', '-5', '+1']], { guardFormulas: true })).toBe(`"'=HYPERLINK(""x"")",-5,'+1\r\n`);
  });
});

describe('import planning', () => {
  const refs: ImportRefs = {
    enterprises: new Map([['91440703000000001X', { id: 'e1', name: '甲公司' }]]),
    usccProblem: () => null,
    normalizeUscc: (c) => c,
    covers: new Map([['乙保险', { id: 'c1', kind: 'insurer' as const, name: '乙保险' }]]),
    otherInstitutions: new Set(),
    projects: new Map(),
    projectsAvailable: true,
    existingLoans: new Map(),
  };
  const row = (rowNo: number, contractNo: string) => ({
    rowNo,
    enterpriseUscc: '91440703000000001X',
    enterpriseName: null,
    contractNo,
    purpose: 'equipment' as const,
    amountFen: 100000000n,
    annualRate: '0.036000',
    termMonths: 12,
    disbursedAt: new Date('2026-01-10T01:00:00Z'),
    coverInstitution: '乙保险',
    projectNo: null,
    remarks: null,
  });

  it('plans loans and their repayments from the same file, checking periods in period order', () => {
    const plan = planImport(
      [row(2, 'A')],
      [
        {
          rowNo: 3,
          contractNo: 'A',
          ...{ periodNo: 2, dueDate: '2026-03-10', paidDate: '2026-03-10' },
          principalFen: 0n,
          interestFen: 1n,
        },
        {
          rowNo: 2,
          contractNo: 'A',
          ...{ periodNo: 1, dueDate: '2026-02-10', paidDate: '2026-02-10' },
          principalFen: 0n,
          interestFen: 1n,
        },
      ],
      refs,
      new Date('2026-11-21T02:00:00Z'),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.loansToCreate.map((l) => l.contractNo)).toEqual(['A']);
    expect(plan.repaymentsToCreate.map((r) => r.periodNo)).toEqual([1, 2]);
    expect(plan.repaymentsToCreate.every((r) => r.loanId === null)).toBe(true);
  });

  it('blames a repayment on its broken loan row rather than on a missing loan', () => {
    const bad = { ...row(2, 'B'), coverInstitution: '不存在' };
    const plan = planImport(
      [bad],
      [
        {
          rowNo: 2,
          contractNo: 'B',
          periodNo: 1,
          dueDate: '2026-02-10',
          paidDate: '2026-02-10',
          principalFen: 0n,
          interestFen: 1n,
        },
      ],
      refs,
      new Date('2026-11-21T02:00:00Z'),
    );
    expect(plan.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['贷款', 2, '保险/担保机构'],
      ['还款', 2, '贷款合同编号'],
    ]);
    expect(plan.errors[1]!.reason).toContain('所在的贷款行有错误');
  });
});
