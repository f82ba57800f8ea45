import { describe, expect, it } from 'vitest';
import { ZYB_APPLICATION } from '../../../../tests/helpers/zyb-facts';
import { fenToYuan, ratioOf, yuanToFen } from '../../money/index';
import { cite } from '../core/citation';
import { explain, traceToJson } from '../core/trace';
import { decideZybApplication, type ZybApplicationFacts } from './decide';
import {
  diffVersion,
  isWhollySuperseded,
  splitPeriod,
  versionFor,
  versionStatusOn,
  yearBefore,
  ZYB_BASE_VERSION,
  type ZybVersion,
} from './versions';

const NOTICE = '江工信工业互联网〔2026〕50号';
const art = (ref: string, quote: string) => ({ ...cite('000', [ref], quote), docNumber: NOTICE });

/** A renewal for 2027–2029: first year 80%, 20 points less a year. */
const RENEWAL: ZybVersion = {
  id: 'renewal-1',
  docNumber: NOTICE,
  title: '关于延续实施“政银保”贷款贴息政策的通知',
  validity: { from: '2027-01-01', to: '2029-12-31' },
  validityCitation: art('第三条', '有效期至2029年12月31日'),
  coversFrom: '2027-01-01',
  changes: {
    firstYearRatio: { value: ratioOf(80n, 100n), citation: art('第二条', '第一年补助比例为80%') },
    annualDecrement: { value: ratioOf(20n, 100n), citation: art('第二条', '每年递减20%') },
  },
  approvedAt: '2026-12-01T00:00:00Z',
};
const BOTH = [ZYB_BASE_VERSION, RENEWAL];

const FACTS: ZybApplicationFacts = { ...ZYB_APPLICATION, yearIndex: 2, digitalInvestment: yuanToFen('5000000.00') };

describe('choosing the version of a day', () => {
  it.each([
    ['2022-12-31', null],
    ['2023-01-01', 'zyb.000'], // loans from 2023 are supported although the rules start on 2024-01-25
    ['2026-12-31', 'zyb.000'],
    ['2027-01-01', 'renewal-1'],
    ['2029-12-31', 'renewal-1'],
    ['2030-01-01', null],
  ])('%s → %s', (day, id) => expect(versionFor(BOTH, day)?.id ?? null).toBe(id));

  it('splits a period straddling an end date at the boundary', () => {
    const parts = splitPeriod(BOTH, { from: '2026-07-01', to: '2027-06-30' });
    expect(parts.map((p) => [p.from, p.to, p.days, p.version?.id ?? null])).toEqual([
      ['2026-07-01', '2026-12-31', 184, 'zyb.000'],
      ['2027-01-01', '2027-06-30', 181, 'renewal-1'],
    ]);
    expect(
      splitPeriod([ZYB_BASE_VERSION], { from: '2026-07-01', to: '2027-06-30' }).map((p) => p.version?.id ?? null),
    ).toEqual(['zyb.000', null]);
  });

  it('defaults the interest period to the calendar year before the decision', () =>
    expect(yearBefore('2028-03-15')).toEqual({ from: '2027-01-01', to: '2027-12-31' }));

  it('gives each version its status on a day and what it changed', () => {
    expect(versionStatusOn(BOTH, RENEWAL, '2026-12-31')).toBe('not_yet');
    expect(versionStatusOn(BOTH, RENEWAL, '2027-01-01')).toBe('in_force');
    expect(versionStatusOn(BOTH, ZYB_BASE_VERSION, '2027-01-01')).toBe('expired');
    const d = diffVersion(ZYB_BASE_VERSION, ZYB_BASE_VERSION.changes, RENEWAL);
    expect(d.map((x) => [x.key, x.before, x.after])).toEqual([
      ['validity', '2024-01-25至2026-12-31', '2027-01-01至2029-12-31'],
      ['firstYearRatio', '90%', '80%'],
      ['annualDecrement', '10%', '20%'],
    ]);
  });
});

describe('later versions supersede earlier ones', () => {
  const CORRECTION: ZybVersion = {
    ...RENEWAL,
    id: 'correction',
    docNumber: '江工信工业互联网〔2027〕9号',
    validity: { from: '2028-01-01', to: '2029-12-31' },
    coversFrom: '2028-01-01',
    changes: { enterpriseCap: { value: 200_000_000n, citation: art('第一条', '200万元') } },
    approvedAt: '2027-11-01T00:00:00Z',
  };
  const REPLACEMENT: ZybVersion = { ...RENEWAL, id: 'replacement', approvedAt: '2027-01-10T00:00:00Z' };

  it('a correction from 2028 governs from then on; the renewal stays for 2027', () => {
    const all = [ZYB_BASE_VERSION, RENEWAL, CORRECTION];
    expect(versionFor(all, '2027-12-31')?.id).toBe('renewal-1');
    expect(versionFor(all, '2028-01-01')?.id).toBe('correction');
    expect(versionStatusOn(all, RENEWAL, '2028-06-01')).toBe('superseded');
    expect(isWhollySuperseded(all, RENEWAL)).toBe(false);
    // The correction inherits the renewal's ratios and changes only the cap.
    const d = decideZybApplication(FACTS, { asOf: '2029-03-01', versions: all });
    expect(fenToYuan(d.subsidy.cap)).toBe('2000000.00');
    expect(fenToYuan(d.award)).toBe('30000.00');
  });

  it('a version with the same validity approved later replaces the earlier one entirely', () => {
    const all = [ZYB_BASE_VERSION, RENEWAL, REPLACEMENT];
    expect(isWhollySuperseded(all, RENEWAL)).toBe(true);
    expect(versionFor(all, '2027-06-01')?.id).toBe('replacement');
  });
});

describe('decisions under versions', () => {
  it('2026 interest keeps the old version; 2027 interest uses the renewal', () => {
    const old = decideZybApplication(FACTS, { asOf: '2027-03-20', versions: BOTH });
    expect(old.interestPeriod).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(old.status).toBe('award');
    expect(fenToYuan(old.award)).toBe('40000.00'); // 50,000 × 80% (90 − 10) × 1
    expect(old.version?.id).toBe('zyb.000');

    const renewed = decideZybApplication(FACTS, { asOf: '2028-03-20', versions: BOTH });
    expect(renewed.status).toBe('award');
    expect(fenToYuan(renewed.award)).toBe('30000.00'); // 50,000 × 60% (80 − 20) × 1
    const json = traceToJson(renewed.trace);
    expect(json.version).toMatchObject({ id: 'renewal-1', docNumber: NOTICE });
    expect(json.params.find((p) => p.key === 'firstYearRatio')?.citation).toBe(`${NOTICE} 第二条`);
    expect(explain(renewed.trace).join('\n')).toContain(`全部在${NOTICE}（有效期2027-01-01至2029-12-31）的适用期内`);
  });

  it('refuses interest wholly outside every version and cites the validity article', () => {
    const d = decideZybApplication(FACTS, { asOf: '2028-03-20' });
    expect(d.status).toBe('ineligible');
    expect(d.award).toBe(0n);
    const c = d.eligibility.failures.find((x) => x.code === 'ZYB_INTEREST_PERIOD');
    expect(c?.citation.ref).toEqual(['第十五条']);
  });

  it('splits a straddling period by days and says so', () => {
    const d = decideZybApplication(FACTS, {
      asOf: '2027-08-01',
      interestPeriod: { from: '2026-07-01', to: '2027-06-30' },
      versions: BOTH,
    });
    // 50,000 × 184/365 × 80% + 50,000 × 181/365 × 60% = 20,164.38… + 14,876.71… = 35,041.10
    expect(fenToYuan(d.award)).toBe('35041.10');
    const text = explain(d.trace).join('\n');
    expect(text).toContain('跨越政策版本的起止日期，按日拆分、利息按日数比例分摊');
    expect(text).toContain('2026-07-01至2026-12-31（184日）');
  });

  it('leaves decisions under the code version unchanged when no renewal exists', () => {
    const a = decideZybApplication(FACTS, { asOf: '2025-03-01' });
    const b = decideZybApplication(FACTS, { asOf: '2025-03-01', versions: [ZYB_BASE_VERSION] });
    expect(explain(a.trace)).toEqual(explain(b.trace));
    expect(explain(a.trace).some((l) => l.includes('利息期间'))).toBe(false);
  });
});
