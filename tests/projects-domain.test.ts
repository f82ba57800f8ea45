/** Pure rules of the project library: numbering, checklists, completeness, diffs, due dates, windows, tracking. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar, defaultCalendar } from '../src/domain/calendar/calendar';
import { type DeclarationSnapshot, diffDeclarations } from '../src/domain/projects/diff';
import { categoriesInScope } from '../src/domain/projects/forms';
import { evaluateChecklist } from '../src/domain/projects/materials';
import type { DeclarationContent, ServiceContract } from '../src/domain/projects/model';
import { formatLibraryNumber, parseLibraryNumber } from '../src/domain/projects/numbering';
import { isResourcePoolLed, leadProvider } from '../src/domain/projects/priority';
import { redeclarationRefusal } from '../src/domain/projects/redeclaration';
import { dueStatus, reverificationDue, verificationDue } from '../src/domain/projects/review-due';
import { submissionProblems } from '../src/domain/projects/submission';
import { shanghaiDate } from '../src/domain/projects/time';
import {
  nextReportDue,
  pendingReport,
  periodBounds,
  periodOf,
  reportablePeriods,
  reportDueOn,
} from '../src/domain/projects/tracking';
import { nextWindowAfter, openWindowOn, type WindowOf } from '../src/domain/projects/windows';
import { policyWindowOf } from '../src/services/calendar/policy-windows';

const contract = (over: Partial<ServiceContract> = {}): ServiceContract => ({
  providerUscc: '91440705MA55XW6T1Q',
  providerName: '江门智造云科技有限公司',
  contractNumber: 'HT-2024-001',
  amountFen: 50_000_000n,
  signedOn: '2024-02-01',
  startDate: '2024-02-01',
  endDate: '2025-01-31',
  isLead: true,
  attachmentId: 'a1',
  ...over,
});

function manufacturerContent(over: Partial<DeclarationContent> = {}): DeclarationContent {
  return {
    form: 'manufacturer',
    name: '注塑车间MES系统建设',
    content: '建设MES与设备联网',
    categories: ['digital_system', 'industrial_control_software'],
    siteDistrictCode: '440703',
    siteAddress: '江门市蓬江区杜阮镇',
    startDate: '2024-01-15',
    endDate: '2025-06-30',
    projectStatus: 'in_progress',
    investments: [
      { item: 'software', amountFen: 80_000_000n },
      { item: 'equipment', amountFen: 40_000_000n },
    ],
    investmentMadeFen: 30_000_000n,
    assessmentLevel: 'level2',
    assessmentDate: '2024-01-20',
    hasLoan: false,
    loan: null,
    contracts: [contract()],
    ...over,
  };
}

describe('library numbers', () => {
  it.each([
    [2024, 1, 'JMSZ-2024-0001'],
    [2024, 37, 'JMSZ-2024-0037'],
    [2025, 9999, 'JMSZ-2025-9999'],
    [2025, 10000, 'JMSZ-2025-10000'],
  ])('%i #%i → %s', (y, n, s) => {
    expect(formatLibraryNumber(y, n)).toBe(s);
    expect(parseLibraryNumber(s)).toEqual({ year: y, seq: n });
  });

  it('round-trips and keeps order within a year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2024, max: 2030 }), fc.integer({ min: 1, max: 99_999 }), (y, n) => {
        expect(parseLibraryNumber(formatLibraryNumber(y, n))).toEqual({ year: y, seq: n });
      }),
    );
    expect(() => formatLibraryNumber(2024, 0)).toThrow();
    expect(parseLibraryNumber('JMSZ-2024-00001')).toBeNull();
    expect(parseLibraryNumber('JMSZ-2024-0000')).toBeNull();
  });
});

describe('materials checklist (附件3 / 附件4)', () => {
  it('names every missing required item of a manufacturer', () => {
    const r = evaluateChecklist(manufacturerContent({ contracts: [contract({ attachmentId: null })] }), {
      cover: 1,
      declaration_form: 1,
    });
    expect(r.complete).toBe(false);
    expect(r.missing.map((l) => l.code)).toEqual([
      'business_licence',
      'credit_report',
      'digital_assessment',
      'service_contract',
      'construction_plan',
    ]);
    expect(r.missing.find((l) => l.code === 'service_contract')?.missingContracts).toEqual(['HT-2024-001']);
  });

  it('asks for the loan contract only when a loan was granted', () => {
    const all = {
      cover: 1,
      declaration_form: 1,
      business_licence: 1,
      credit_report: 1,
      digital_assessment: 1,
      construction_plan: 1,
    };
    expect(evaluateChecklist(manufacturerContent(), all).complete).toBe(true);
    const withLoan = evaluateChecklist(manufacturerContent({ hasLoan: true }), all);
    expect(withLoan.missing.map((l) => l.zh)).toEqual(['“政银保”贷款合同（如已办理）']);
  });

  it('a service provider needs project-approval proof, not contracts or a construction plan', () => {
    const r = evaluateChecklist(
      { form: 'service_provider', hasLoan: false, contracts: [] },
      {
        cover: 1,
        declaration_form: 1,
        business_licence: 1,
        credit_report: 1,
        digital_assessment: 1,
      },
    );
    expect(r.missing.map((l) => l.code)).toEqual(['project_approval']);
  });
});

describe('completeness before submission', () => {
  it('a complete form has no problems', () => {
    expect(submissionProblems(manufacturerContent(), '2024-03-12', '91440703MA4UHN6X8B')).toEqual([]);
  });

  it('names each missing or inconsistent field', () => {
    const problems = submissionProblems(
      manufacturerContent({
        name: null,
        endDate: '2023-12-31',
        investmentMadeFen: 200_000_000n,
        hasLoan: true,
        loan: {
          bankId: null,
          contractNumber: 'D1',
          amountFen: 0n,
          disbursedOn: '2024-04-01',
          maturityOn: null,
          loanId: null,
        },
        contracts: [contract(), contract({ isLead: true, providerUscc: '91440703MA4UHN6X8B' })],
      }),
      '2024-03-12',
      '91440703MA4UHN6X8B',
    );
    expect(problems.map((p) => p.path)).toEqual([
      'name',
      'endDate',
      'investmentMade',
      'loan.bankId',
      'loan.amount',
      'loan.disbursedOn',
      'contracts.1.providerUscc',
      'contracts.1.contractNumber',
      'contracts',
    ]);
    expect(problems[0]!.label).toBe('项目名称');
  });

  it('a manufacturer needs at least one service contract', () => {
    const p = submissionProblems(manufacturerContent({ contracts: [] }), '2024-03-12');
    expect(p.map((x) => x.path)).toEqual(['contracts']);
    expect(p[0]!.zh).toContain('申报指南 四（二）');
  });

  it('scope: out-of-scope categories are not in scope; none chosen is unknown', () => {
    expect(categoriesInScope('manufacturer', ['digital_system'])).toBe(true);
    expect(categoriesInScope('manufacturer', ['digital_system', 'out_of_scope'])).toBe(false);
    expect(categoriesInScope('manufacturer', ['cloud_resources'])).toBe(false);
    expect(categoriesInScope('service_provider', ['iiot_platform', 'cloud_resources'])).toBe(true);
    expect(categoriesInScope('service_provider', [])).toBeNull();
  });
});

describe('resource-pool priority (申报指南 四（五）)', () => {
  const self = { uscc: '91440703MA4UHN6X8B', name: '制造企业' };
  it('the lead contract, or the only contract, decides', () => {
    const pool = new Set(['91440705MA55XW6T1Q']);
    const inPool = (u: string) => pool.has(u);
    expect(isResourcePoolLed(leadProvider('manufacturer', [contract({ isLead: false })], self), inPool)).toBe(true);
    const two = [contract({ isLead: false }), contract({ providerUscc: '91440704MA00000001', isLead: true })];
    expect(isResourcePoolLed(leadProvider('manufacturer', two, self), inPool)).toBe(false);
    expect(
      leadProvider('manufacturer', [contract({ isLead: false }), contract({ isLead: false })], self).uscc,
    ).toBeNull();
    expect(leadProvider('service_provider', [], self).uscc).toBe(self.uscc);
  });
});

describe('re-declaration (第七条（二）)', () => {
  it('follows only an ended declaration, and only in a later window', () => {
    expect(redeclarationRefusal({ state: 'rejected', declarationMonth: '2024-03' }, '2024-04')).toBeNull();
    expect(redeclarationRefusal({ state: 'rejected', declarationMonth: '2024-03' }, '2024-03')).toEqual({
      code: 'SAME_WINDOW',
      month: '2024-03',
    });
    expect(redeclarationRefusal({ state: 'approved', declarationMonth: '2024-03' }, '2024-05')?.code).toBe(
      'PREDECESSOR_NOT_ENDED',
    );
    expect(redeclarationRefusal({ state: 'withdrawn', declarationMonth: null }, '2024-03')).toBeNull();
  });
});

describe('what changed since the rejected declaration', () => {
  const snap = (c: DeclarationContent, files: DeclarationSnapshot['materials'] = []): DeclarationSnapshot => ({
    ...c,
    materials: files,
  });
  it('lists changed fields, investment lines, contracts and files; nothing when equal', () => {
    const before = snap(manufacturerContent(), [{ kind: 'construction_plan', fileName: '方案.pdf', sha256: 'a' }]);
    expect(diffDeclarations(before, before)).toEqual([]);
    const after = snap(
      manufacturerContent({
        content: '建设MES、WMS与设备联网',
        investments: [
          { item: 'software', amountFen: 90_000_000n },
          { item: 'installation', amountFen: 5_000_000n },
        ],
        contracts: [contract(), contract({ contractNumber: 'HT-2024-009', isLead: false, amountFen: 10_000_000n })],
      }),
      [{ kind: 'construction_plan', fileName: '方案.pdf', sha256: 'b' }],
    );
    const changes = diffDeclarations(before, after);
    expect(changes.map((c) => [c.path, c.kind, c.before, c.after])).toEqual([
      ['content', 'changed', '建设MES与设备联网', '建设MES、WMS与设备联网'],
      ['investments.software', 'changed', '800000.00', '900000.00'],
      ['investments.equipment', 'removed', '400000.00', null],
      ['investments.installation', 'added', null, '50000.00'],
      ['contracts.HT-2024-009', 'added', null, '江门智造云科技有限公司 100000.00 元'],
      ['materials.construction_plan', 'changed', '方案.pdf', '方案.pdf（文件内容已更新）'],
    ]);
    expect(changes[1]!.label).toBe('计划投资：软件');
  });
});

describe('district verification due (第七条（二）: 5 working days after the window closes)', () => {
  const cal = defaultCalendar();
  it.each([
    ['2024-03-15', '2024-03-22', 'plain weeks'],
    ['2024-02-25', '2024-03-01', 'the Spring Festival window moved to 20–25 Feb'],
    ['2024-09-16', '2024-09-24', 'Mid-Autumn (15–17 Sept) is not counted'],
    ['2024-04-15', '2024-04-22', 'after Qingming'],
    ['2024-09-30', '2024-10-12', 'National Day: 10-12 is a Saturday worked in lieu'],
  ])('window closing %s → due %s (%s)', (closes, due) => {
    expect(verificationDue(cal, closes).dueOn).toBe(due);
  });

  it('a resubmission gets 5 working days from its own date', () => {
    expect(reverificationDue(cal, '2024-03-20').dueOn).toBe('2024-03-27');
  });

  it('is overdue from the day after the due date', () => {
    expect(dueStatus('2024-09-23', '2024-09-24')).toBe('pending');
    expect(dueStatus('2024-09-24', '2024-09-24')).toBe('due_today');
    expect(dueStatus('2024-09-25', '2024-09-24')).toBe('overdue');
  });

  it('says when the count runs into a year the calendar does not know', () => {
    expect(verificationDue(cal, '2027-12-28').scheduleKnown).toBe(false);
  });
});

describe('filing windows as the workflow asks for them', () => {
  const windowOf = policyWindowOf(defaultCalendar());
  it.each([
    ['2024-03-09', null, '2024-03'],
    ['2024-03-10', '2024-03', '2024-04'],
    ['2024-03-15', '2024-03', '2024-04'],
    ['2024-03-16', null, '2024-04'],
    ['2024-02-15', null, '2024-02'],
    ['2024-02-20', '2024-02', '2024-03'],
    ['2024-06-16', '2024-06', '2024-07'],
    ['2024-01-12', null, '2024-02'],
  ])('on %s: open %s, next %s', (date, open, next) => {
    expect(openWindowOn(windowOf, date)?.month ?? null).toBe(open);
    expect(nextWindowAfter(windowOf, date)?.month ?? null).toBe(next);
  });

  it('no window before the policy is in force (2024-01-25) or after it ends (2026-12-31)', () => {
    expect(windowOf('2024-01')).toBeNull();
    expect(windowOf('2026-12')).not.toBeNull();
    expect(nextWindowAfter(windowOf, '2026-12-20')).toBeNull();
  });

  it("an administrator's override by notice wins", () => {
    const cal = buildCalendar({
      windowOverrides: [{ month: '2024-03', opens: '2024-03-18', closes: '2024-03-22', notice: '江工信通〔2024〕1号' }],
    });
    const w: WindowOf = policyWindowOf(cal);
    expect(openWindowOn(w, '2024-03-12')).toBeNull();
    expect(openWindowOn(w, '2024-03-20')).toMatchObject({ month: '2024-03', source: 'override' });
  });
});

describe('tracking: quarterly progress reports', () => {
  it('periods and due dates', () => {
    expect(periodOf('2024-03-31')).toBe('2024-Q1');
    expect(periodOf('2024-10-01')).toBe('2024-Q4');
    expect(periodBounds('2024-Q4')).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    expect(reportDueOn('2024-Q4')).toBe('2025-01-15');
    expect(reportablePeriods('2024-03-25', '2024-07-02')).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
  });

  it('the pending report is the earliest ended quarter without one', () => {
    expect(pendingReport('2024-03-25', '2024-03-30', new Set())).toBeNull();
    expect(pendingReport('2024-03-25', '2024-04-10', new Set())).toEqual({
      period: '2024-Q1',
      dueOn: '2024-04-15',
      overdue: false,
    });
    expect(pendingReport('2024-03-25', '2024-07-20', new Set(['2024-Q1']))).toEqual({
      period: '2024-Q2',
      dueOn: '2024-07-15',
      overdue: true,
    });
    expect(nextReportDue('2024-03-25', '2024-04-20', new Set(['2024-Q1']))).toBe('2024-07-15');
  });
});

describe('China time', () => {
  it.each([
    ['2024-03-14T15:59:59Z', '2024-03-14'],
    ['2024-03-14T16:00:00Z', '2024-03-15'],
    ['2024-03-15T15:59:59.999Z', '2024-03-15'],
  ])('%s is %s in Jiangmen', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });
});
