/**
 * The outreach rules without a database: the scheduler (no one double-booked; every wish met when the slots
 * allow, on many seeded random cases; the same input gives the same timetable), the white-list filters with their
 * reasons, coverage against 002 二、3 (above 90%), the quarterly push period and the statistics' counting rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTREACH_PARAMS } from '../src/domain/outreach/params';
import { type SchedulerParty, scheduleMeetings, slotsNeeded } from '../src/domain/outreach/scheduler';
import { computeStatistics, type OrderFact } from '../src/domain/outreach/statistics';
import { coverageOf, evaluateFilters, nextPushDue, periodOf } from '../src/domain/outreach/whitelist';
import { locateCitation } from '../src/domain/policies/core/citation';
import { SOURCE_DOCS } from '../src/domain/policies/sources/index';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomParties(seed: number, nInst: number, nEnt: number, p: number): SchedulerParty[] {
  const r = rng(seed);
  const inst = Array.from({ length: nInst }, (_, i) => `i${i}`);
  const ent = Array.from({ length: nEnt }, (_, i) => `e${i}`);
  return [
    ...inst.map((id) => ({ id, side: 'institution' as const, wishes: ent.filter(() => r() < p) })),
    ...ent.map((id) => ({ id, side: 'enterprise' as const, wishes: inst.filter(() => r() < p) })),
  ];
}

function noClashes(meetings: { slot: number; institutionId: string; enterpriseId: string }[]) {
  const seen = new Set<string>();
  for (const m of meetings) {
    for (const k of [`${m.slot}|${m.institutionId}`, `${m.slot}|${m.enterpriseId}`]) {
      if (seen.has(k)) return false;
      seen.add(k);
    }
  }
  return true;
}

describe('the meeting scheduler', () => {
  it('schedules three banks and five enterprises with no one double-booked', () => {
    const parties: SchedulerParty[] = [
      { id: 'A', side: 'institution', wishes: ['e1', 'e2', 'e3'] },
      { id: 'B', side: 'institution', wishes: ['e1', 'e4'] },
      { id: 'C', side: 'institution', wishes: ['e5'] },
      { id: 'e1', side: 'enterprise', wishes: ['A', 'B', 'C'] },
      { id: 'e2', side: 'enterprise', wishes: ['A'] },
      { id: 'e3', side: 'enterprise', wishes: ['B'] },
      { id: 'e4', side: 'enterprise', wishes: [] },
      { id: 'e5', side: 'enterprise', wishes: ['C', 'A'] },
    ];
    expect(slotsNeeded(parties)).toBe(4);
    const s = scheduleMeetings(parties, 4);
    expect(s.unmet).toEqual([]);
    expect(s.meetings).toHaveLength(9);
    expect(noClashes(s.meetings)).toBe(true);
    expect(s.meetings.find((m) => m.institutionId === 'A' && m.enterpriseId === 'e1')?.wishedBy).toBe('both');
    expect(s.meetings.find((m) => m.institutionId === 'B' && m.enterpriseId === 'e3')?.wishedBy).toBe('enterprise');
  });

  it('meets every wish whenever the slots allow, on 300 random events', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const parties = randomParties(seed, 1 + (seed % 6), 2 + (seed % 9), 0.2 + (seed % 5) * 0.15);
      const need = slotsNeeded(parties);
      const s = scheduleMeetings(parties, need);
      expect(noClashes(s.meetings)).toBe(true);
      expect(s.unmet).toEqual([]);
      expect(s.meetings.every((m) => m.slot < need)).toBe(true);
    }
  });

  it('with too few slots books no one twice and leaves a wish out only when one side is full', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const parties = randomParties(seed, 4, 8, 0.7);
      const slots = Math.max(1, slotsNeeded(parties) - 2);
      const s = scheduleMeetings(parties, slots);
      expect(noClashes(s.meetings)).toBe(true);
      const load = new Map<string, number>();
      for (const m of s.meetings) {
        load.set(m.institutionId, (load.get(m.institutionId) ?? 0) + 1);
        load.set(m.enterpriseId, (load.get(m.enterpriseId) ?? 0) + 1);
      }
      for (const u of s.unmet)
        expect((load.get(u.institutionId) ?? 0) === slots || (load.get(u.enterpriseId) ?? 0) === slots).toBe(true);
    }
  });

  it('gives the same timetable for the same input', () => {
    const parties = randomParties(42, 5, 9, 0.5);
    expect(scheduleMeetings(parties, 6)).toEqual(scheduleMeetings(parties, 6));
  });

  it('puts mutual wishes first when the slots are short', () => {
    const parties: SchedulerParty[] = [
      { id: 'A', side: 'institution', wishes: ['e1'] },
      { id: 'e1', side: 'enterprise', wishes: [] },
      { id: 'e2', side: 'enterprise', wishes: ['A'] },
    ];
    parties[0] = { id: 'A', side: 'institution', wishes: ['e1', 'e2'] };
    const s = scheduleMeetings(parties, 1);
    expect(s.meetings).toEqual([{ slot: 0, institutionId: 'A', enterpriseId: 'e2', wishedBy: 'both' }]);
    expect(s.unmet[0]?.reasonZh).toBe('机构一方的时段已全部排满');
  });
});

describe('white lists', () => {
  const facts = {
    enterpriseId: 'x',
    name: '甲',
    districtCode: '440703',
    outsideCity: false,
    isSme: true,
    inResourcePool: false,
    creditStatus: 'abnormal' as const,
    libraryProjects: ['JMSZ-2025-0001'],
    digitalLevel: null,
  };
  const none = {
    libraryProject: false,
    resourcePool: false,
    creditGood: false,
    smeOnly: false,
    districts: [],
    minDigitalLevel: null,
  };

  it('evaluates every filter and gives the reason in Chinese', () => {
    const v = evaluateFilters(
      { ...none, libraryProject: true, creditGood: true, resourcePool: true, minDigitalLevel: 2 },
      facts,
      () => '蓬江区',
    );
    expect(v.included).toBe(false);
    expect(v.failed).toEqual(['不是资源池成员', '列入经营异常名录', '平台尚无其数字化水平评测结果']);
    const ok = evaluateFilters({ ...none, libraryProject: true, districts: ['440703'] }, facts, () => '蓬江区');
    expect(ok).toEqual({ included: true, reason: '按条件筛选：项目库入库项目 JMSZ-2025-0001；属蓬江区', failed: [] });
    expect(evaluateFilters(none, facts, () => '').included).toBe(false);
  });

  it('measures coverage against "超90%": 90% is not above it, 91% is', () => {
    expect(coverageOf(10, 9, '2026-11-01')).toMatchObject({ percent: '90.00', meetsGoal: false, goalPercent: 90 });
    expect(coverageOf(100, 91, '2026-11-01')).toMatchObject({ percent: '91.00', meetsGoal: true });
    expect(coverageOf(3, 2, '2026-11-01').percent).toBe('66.67');
    expect(coverageOf(3, 2, '2026-11-01').explanation).toContain('二、3');
  });

  it('pushes quarterly by default', () => {
    const p = periodOf('2026-11-20');
    expect(p).toEqual({ code: '2026-Q4', labelZh: '2026年第四季度', startsOn: '2026-10-01', endsOn: '2026-12-31' });
    expect(nextPushDue(p)).toBe('2027-01-01');
  });

  it('cites clauses that exist and say what the parameters say', () => {
    for (const series of Object.values(OUTREACH_PARAMS))
      for (const v of series) {
        const text = readFileSync(
          join(import.meta.dirname, '../src/domain/policies/sources', SOURCE_DOCS[v.citation.doc].file),
          'utf8',
        );
        expect(locateCitation(text, v.citation).ok).toBe(true);
      }
  });
});

describe('statistics counting', () => {
  const order = (over: Partial<OrderFact>): OrderFact => ({
    id: 'o',
    needId: 'n1',
    institutionId: 'A',
    institutionName: '甲银行',
    districtCode: '440703',
    productType: 'equipment_loan',
    openedOn: '2026-09-10',
    status: 'pending',
    approvedFen: null,
    grantedOn: null,
    answerWorkingDays: null,
    ...over,
  });
  it('counts posted, matched, taken, approved and granted by bank, district, type and month', () => {
    const s = computeStatistics(
      [
        { id: 'n1', districtCode: '440703', postedOn: '2026-09-01' },
        { id: 'n2', districtCode: '440705', postedOn: '2026-10-02' },
      ],
      [
        order({
          id: 'o1',
          status: 'approved',
          approvedFen: 300_000_000n,
          grantedOn: '2026-10-15',
          answerWorkingDays: 1,
        }),
        order({
          id: 'o2',
          needId: 'n2',
          institutionId: 'B',
          institutionName: '乙银行',
          districtCode: '440705',
          productType: null,
          openedOn: '2026-10-03',
          status: 'declined',
          answerWorkingDays: 2,
        }),
        order({
          id: 'o3',
          needId: 'n2',
          districtCode: '440705',
          openedOn: '2026-10-05',
          status: 'accepted',
          answerWorkingDays: 2,
        }),
      ],
      { district: (c) => c ?? '市外', productType: (t) => t },
      '2026-11-01',
    );
    expect(s.totals).toMatchObject({ posted: 2, matched: 3, taken: 2, approved: 1, grantedFen: 300_000_000n });
    expect(s.byBank.map((b) => [b.label, b.matched, b.taken, b.approved, b.avgAnswerWorkingDays])).toEqual([
      ['甲银行', 2, 2, 1, '1.5'],
      ['乙银行', 1, 0, 0, '2.0'],
    ]);
    expect(s.byMonth.map((m) => [m.key, m.posted, m.matched, m.approved, m.grantedFen])).toEqual([
      ['2026-09', 1, 1, 0, 0n],
      ['2026-10', 1, 2, 1, 300_000_000n],
    ]);
    expect(s.byProductType.map((t) => [t.key, t.matched])).toEqual([
      ['equipment_loan', 2],
      ['none', 1],
    ]);
    expect(s.target).toMatchObject({ targetFen: 500_000_000_000n, grantedFen: 300_000_000n, percent: '0.06' });
  });
});
