import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/calendar';
import { type MatchEnterprise, type MatchProduct, matchNeedToProduct, rankMatches, yearsBetween } from './match';
import { answerTimesOn, decisionDue, firstContactDue, isOverdue, orderTransition } from './orders';
import { numeralValue, parseNeedText } from './parse';
import { checkProduct, type ProductOffer, type ProductTerms } from './products';

describe('numerals', () => {
  it.each([
    ['500万', 5_000_000n],
    ['五百万', 5_000_000n],
    ['三百五十万', 3_500_000n],
    ['1.2亿', 120_000_000n],
    ['一亿二千万', 120_000_000n],
    ['壹佰伍拾万', 1_500_000n],
    ['两千', 2_000n],
    ['十五', 15n],
    ['一百零五', 105n],
    ['5千万', 50_000_000n],
  ])('%s = %s', (s, v) => expect(numeralValue(s)).toBe(v * 1_000_000n));
  it.each(['万', '1.2.3'])('%s is not a number', (s) => expect(numeralValue(s)).toBeNull());
});

describe('reading a need typed in plain Chinese', () => {
  it.each([
    [
      '计划购置两条智能产线，需要贷款500万元，期限3年，可以用厂房抵押',
      '5000000.00',
      '5000000.00',
      36,
      36,
      'equipment',
      'mortgage',
    ],
    ['需要融资三百万到五百万，期限一年半左右，信用贷款', '3000000.00', '5000000.00', 18, 18, null, 'credit'],
    [
      '公司年营收3000万元，员工120人，成立10年，想申请流动资金贷款200万，期限12个月',
      '2000000.00',
      '2000000.00',
      12,
      12,
      'working_capital',
      null,
    ],
    [
      '申请贷款壹佰伍拾万元整，用于研发新产品，期限2-3年，由担保公司担保',
      '1500000.00',
      '1500000.00',
      24,
      36,
      'rd',
      'guarantee',
    ],
    ['约1.2亿元，用于数字化转型项目（MES、ERP），半年', '120000000.00', '120000000.00', 6, 6, 'digital', null],
    ['贷款金额不超过800万，期限不超过3年，应收账款质押', null, '8000000.00', null, 36, null, 'pledge'],
    ['需要资金周转，借款50万，180天', '500000.00', '500000.00', 6, 6, 'working_capital', null],
    ['300-500万，2到3年', '3000000.00', '5000000.00', 24, 36, null, null],
    ['融资5,000,000元，无抵押', '5000000.00', '5000000.00', null, null, null, 'credit'],
    ['２０２６年销售额８０００万元，需贷款１０００万元，两年半', '10000000.00', '10000000.00', 30, 30, null, null],
    ['我们想做一些改造', null, null, null, null, null, null],
  ])('%s', (text, amin, amax, tmin, tmax, purpose, guarantee) => {
    const r = parseNeedText(text);
    expect([r.amountMin, r.amountMax, r.termMonthsMin, r.termMonthsMax, r.purpose, r.guarantee]).toEqual([
      amin,
      amax,
      tmin,
      tmax,
      purpose,
      guarantee,
    ]);
  });

  it('names the figures it left out and why', () => {
    const r = parseNeedText('公司年营收3000万元，员工120人，成立10年，想申请流动资金贷款200万，期限12个月');
    expect(r.ignored.map((i) => i.text).sort()).toEqual(['10年', '120人', '3000万元']);
    expect(r.ignored.find((i) => i.text === '3000万元')!.reasonZh).toBe('营业收入，不是融资金额');
    expect(r.readings.amount!.evidence).toBe('200万');
  });

  it('is surer of a sentence that says what the figures are', () => {
    expect(parseNeedText('需要贷款500万元，期限3年').readings.amount!.confidence).toBeGreaterThan(
      parseNeedText('500万元').readings.amount!.confidence,
    );
    expect(parseNeedText('我们想做一些改造').confidence).toBe(0);
  });

  it('reads a wanted-by date and does not take its year as a term', () => {
    const r = parseNeedText('贷款300万，2027年3月底前到位');
    expect(r.wantedBy).toBe('2027-03-31');
    expect(r.termMonthsMin).toBeNull();
  });
});

/** An equipment loan of 0.1–10 million yuan over 1–5 years at 3.20%–4.50%, on a mortgage. */
const OFFER: ProductOffer = {
  type: 'equipment_loan',
  amountMinFen: 10_000_000n,
  amountMaxFen: 1_000_000_000n,
  termMinMonths: 12,
  termMaxMonths: 60,
  rateMin: '0.0320',
  rateMax: '0.0450',
  guarantees: ['mortgage'],
};

const product = (over: Partial<ProductTerms> = {}): ProductTerms => ({
  ...OFFER,
  guarantees: ['mortgage', 'credit'],
  validFrom: '2026-01-01',
  validTo: null,
  ...over,
});

describe('product term limits of 002 三（二）1', () => {
  it('accepts an equipment loan of 5 years and refuses 61 months, naming the clause', () => {
    expect(checkProduct(product(), '2026-12-01')).toEqual([]);
    const [p] = checkProduct(product({ termMaxMonths: 61 }), '2026-12-01');
    expect(p!.field).toBe('termMaxMonths');
    expect(p!.zh).toContain('设备贷款期限最长5年');
    expect(p!.citation).toBe('珠海市中小企业数字化转型融资服务工作方案 三（二）1');
  });
  it.each([
    ['working_capital_loan', 36, 0],
    ['working_capital_loan', 37, 1],
    ['supply_chain', 37, 1],
    ['leasing', 84, 0],
  ] as const)('%s of %i months: %i problems', (type, months, n) => {
    expect(checkProduct(product({ type, termMaxMonths: months }), '2026-12-01')).toHaveLength(n);
  });
  it('lists every problem, not the first', () => {
    const ps = checkProduct(product({ amountMinFen: 2_000_000_000n, rateMin: '0.05', guarantees: [] }), '2026-12-01');
    expect(ps.map((p) => p.field)).toEqual(['amountMax', 'rateMax', 'guarantees']);
  });
});

const mp = (over: Partial<MatchProduct> = {}): MatchProduct => ({
  ...OFFER,
  districts: [],
  industries: [],
  size: 'sme',
  minYearsInBusiness: 3,
  minDigitalLevel: null,
  poolOnly: false,
  ...over,
});
const ent: MatchEnterprise = {
  districtCode: '440703',
  isSme: true,
  establishedOn: '2018-06-01',
  digitalLevel: null,
  industry: null,
  inResourcePool: false,
};
const need = {
  amountMinFen: 500_000_000n,
  amountMaxFen: 500_000_000n,
  termMinMonths: 36,
  termMaxMonths: 36,
  purpose: 'equipment' as const,
  guarantee: 'mortgage' as const,
};

describe('matching a need with a product', () => {
  it('passes every criterion and says why', () => {
    const r = matchNeedToProduct(need, ent, mp(), '2026-12-01');
    expect(r.fits).toBe(true);
    expect(r.failed).toEqual([]);
    expect(r.criteria.find((c) => c.criterion === 'years')!.reasonZh).toBe('企业已经营8年，不少于产品要求的3年');
    expect(r.criteria.find((c) => c.criterion === 'rate')!.reasonZh).toBe('年利率3.20%至4.50%');
  });
  it('names every failed criterion', () => {
    const r = matchNeedToProduct(
      {
        ...need,
        amountMinFen: 2_000_000_000n,
        amountMaxFen: 2_000_000_000n,
        purpose: 'working_capital',
        guarantee: 'credit',
      },
      ent,
      mp({ districts: ['440705'], poolOnly: true, minYearsInBusiness: 10 }),
      '2026-12-01',
    );
    expect(r.failed).toEqual(['amount', 'purpose', 'guarantee', 'district', 'years', 'pool']);
    expect(r.summaryZh).toBe('不符合：融资金额、资金用途、担保方式、服务区域、经营年限、资源池/白名单');
  });
  it('marks what it cannot judge as unknown, not passed', () => {
    const r = matchNeedToProduct(need, ent, mp({ minDigitalLevel: 2 }), '2026-12-01');
    expect(r.fits).toBe(true);
    expect(r.criteria.find((c) => c.criterion === 'digital')!.status).toBe('unknown');
    expect(r.score).toBeLessThan(100);
  });
  it('ranks fitting products first, then the cheaper', () => {
    const a = { id: 'a', rateMin: '0.04', match: matchNeedToProduct(need, ent, mp(), '2026-12-01') };
    const b = { id: 'b', rateMin: '0.03', match: matchNeedToProduct(need, ent, mp({ rateMin: '0.03' }), '2026-12-01') };
    const c = {
      id: 'c',
      rateMin: '0.01',
      match: matchNeedToProduct(need, ent, mp({ guarantees: ['credit'] }), '2026-12-01'),
    };
    expect(rankMatches([c, a, b]).map((x) => x.id)).toEqual(['b', 'a', 'c']);
  });
  it('counts whole years in business on the anniversary', () => {
    expect(yearsBetween('2018-12-02', '2026-12-01')).toBe(7);
    expect(yearsBetween('2018-12-01', '2026-12-01')).toBe(8);
  });
});

describe('order deadlines in working days', () => {
  const cal = defaultCalendar();
  it('counts first contact across the National Day holiday of 2026', () => {
    const d = firstContactDue(cal, '2026-09-30', false);
    expect(d.dueOn).toBe('2026-10-09');
    expect(d.basisZh).toContain('三（四）1');
    expect(isOverdue('pending', d.dueOn, null, '2026-10-09')).toBe(false);
    expect(isOverdue('pending', d.dueOn, null, '2026-10-10')).toBe(true);
    expect(isOverdue('declined', d.dueOn, null, '2026-10-12')).toBe(false);
  });
  it('counts the decision from acceptance, with the make-up Saturday as a working day', () => {
    expect(decisionDue(cal, '2026-09-29', false, null).dueOn).toBe('2026-10-19');
    expect(decisionDue(cal, '2026-09-29', false, 3).dueOn).toBe('2026-10-09');
  });
  it('is shorter on the green channel', () => {
    expect(firstContactDue(cal, '2026-12-01', true).dueOn).toBe('2026-12-02');
    expect(decisionDue(cal, '2026-12-01', true, 10).workingDays).toBe(5);
    expect(decisionDue(cal, '2026-12-01', true, 3).workingDays).toBe(3);
  });
  it("uses the city's own times when set: a ceiling a longer promise does not extend", () => {
    const city = {
      effectiveFrom: '2026-11-01',
      firstContactDays: 3,
      decisionDays: 8,
      greenFirstContactDays: 1,
      greenDecisionDays: 4,
      basis: '市级通知',
    };
    const d = firstContactDue(cal, '2026-12-01', false, city);
    expect([d.workingDays, d.citation]).toEqual([3, null]);
    expect(d.basisZh).toContain('市级首次联系时限3个工作日（市级设定（2026-11-01起施行，市级通知））');
    expect(decisionDue(cal, '2026-12-01', false, null, city).workingDays).toBe(8);
    expect(decisionDue(cal, '2026-12-01', false, 20, city).workingDays).toBe(8);
    expect(decisionDue(cal, '2026-12-01', false, 5, city).basisZh).toBe('银行承诺5个工作日内作出授信决定');
    expect(decisionDue(cal, '2026-12-01', true, 10, city).workingDays).toBe(4);
  });
  it('takes the setting in force on the day: the latest started, the newest of one day', () => {
    const s = (effectiveFrom: string, seq: number) => ({
      effectiveFrom,
      seq,
      firstContactDays: seq,
      decisionDays: 10,
      greenFirstContactDays: 1,
      greenDecisionDays: 5,
      basis: '',
    });
    const all = [s('2026-11-01', 1), s('2026-12-01', 2), s('2026-12-01', 3), s('2027-01-01', 4)];
    expect(answerTimesOn(all, '2026-10-31')).toBeNull();
    expect(answerTimesOn(all, '2026-11-30')?.seq).toBe(1);
    expect(answerTimesOn(all, '2026-12-15')?.seq).toBe(3);
    expect(answerTimesOn(all, '2027-01-01')?.seq).toBe(4);
  });
  it.each([
    ['pending', 'accept', 'accepted'],
    ['pending', 'decline', 'declined'],
    ['accepted', 'approve', 'approved'],
    ['accepted', 'refuse', 'refused'],
  ] as const)('%s --%s--> %s', (from, ev, to) => expect(orderTransition(from, ev)).toEqual({ ok: true, to }));
  it('refuses a decision on an order not yet accepted', () => {
    const t = orderTransition('pending', 'approve');
    expect(t.ok).toBe(false);
  });
});
