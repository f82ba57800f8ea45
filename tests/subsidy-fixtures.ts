/** Fixtures for the subsidy tests: an applicant with a numbered project, a loan with repayments, a campaign. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { loanRepayments, loans, projectDeclarations, projects } from '../src/db/schema';
import { makeEnterprise, makeInstitution, makeUser } from './helpers/factories';
import { uploadAttachment } from './helpers/multipart';
import { loginAs, type Session } from './helpers/session';
import type { TestPlatform } from './helpers/test-app';

export function uploadVoucher(s: Session, applicationId: string, kind: string): Promise<string> {
  return uploadAttachment(s, 'subsidy_application', applicationId, kind);
}

let banks: { bank: string; insurer: string } | null = null;
let banksFor: unknown = null;

export interface Applicant {
  enterpriseId: string;
  enterpriseName: string;
  session: Session;
  projectId: string;
  loanId: string;
  bankId: string;
}

export interface ApplicantOptions {
  districtCode?: string;
  declarationMonth?: string;
  declaredOn?: string;
  investmentAtDeclarationFen?: bigint;
  loanAmountFen?: bigint;
  disbursedAt?: string;
  /** Interest paid in each of the repayments below. */
  interestFen?: bigint[];
  paidDates?: string[];
  enterpriseId?: string;
  session?: Session;
}

/** An enterprise (or a given one) with a numbered project and a disbursed loan with interest paid. */
export async function makeApplicant(p: TestPlatform, o: ApplicantOptions = {}): Promise<Applicant> {
  const deps = p.deps;
  if (banksFor !== p || !banks) {
    banks = { bank: (await makeInstitution(deps, 'bank')).id, insurer: (await makeInstitution(deps, 'insurer')).id };
    banksFor = p;
  }
  const districtCode = o.districtCode ?? '440703';
  let enterpriseId = o.enterpriseId;
  let enterpriseName = '';
  let session = o.session;
  if (!enterpriseId) {
    const e = await makeEnterprise(deps, { districtCode });
    enterpriseId = e.id;
    enterpriseName = e.name;
    const u = await makeUser(deps, 'enterprise', { enterpriseId, isEnterpriseAdmin: true });
    session = await loginAs(p.app, u.username, u.password);
  }
  const declaredOn = o.declaredOn ?? '2024-03-12';
  const month = o.declarationMonth ?? declaredOn.slice(0, 7);
  const inv = o.investmentAtDeclarationFen ?? 100_000_000n;
  const creator = randomUUID();
  const [decl] = await deps.db
    .insert(projectDeclarations)
    .values({
      enterpriseId,
      districtCode,
      form: 'manufacturer',
      state: 'approved',
      name: '智能工厂数字化改造项目',
      content: 'MES 与设备联网',
      categories: ['digital_system'],
      siteDistrictCode: districtCode,
      startDate: '2024-03-01',
      endDate: '2026-12-31',
      projectStatus: 'in_progress',
      plannedTotalFen: 300_000_000n,
      investmentMadeFen: inv,
      declaredOn,
      declarationMonth: month,
      createdBy: creator,
    })
    .returning();
  const seq = Math.floor(Math.random() * 900000) + 1000;
  const [project] = await deps.db
    .insert(projects)
    .values({
      libraryNumber: `JMSZ-2024-${seq}`,
      numberYear: 2024,
      numberSeq: seq,
      declarationId: decl!.id,
      enterpriseId,
      districtCode,
      form: 'manufacturer',
      name: '智能工厂数字化改造项目',
      declarationMonth: month,
      declaredOn,
      approvedOn: '2024-03-25',
      approvedAt: new Date('2024-03-25T02:00:00Z'),
      approvedBy: creator,
      investmentAtDeclarationFen: inv,
      plannedTotalFen: 300_000_000n,
      resourcePoolLed: false,
      startDate: '2024-03-01',
      endDate: '2026-12-31',
      currentStatus: 'in_progress',
      investmentToDateFen: inv,
    })
    .returning();
  const disbursedAt = new Date(o.disbursedAt ?? '2024-04-01T02:00:00Z');
  const disbursedOn = new Date(disbursedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const [loan] = await deps.db
    .insert(loans)
    .values({
      bankId: banks.bank,
      contractNo: `HT-${randomUUID().slice(0, 8)}`,
      enterpriseId,
      coverInstitutionId: banks.insurer,
      coverKind: 'insurer',
      projectId: project!.id,
      purpose: 'equipment',
      amountFen: o.loanAmountFen ?? 500_000_000n,
      annualRate: '0.036000',
      termMonths: 36,
      disbursedAt,
      disbursedOn,
      maturityDate: '2027-04-01',
      createdVia: 'session',
    })
    .returning();
  const interest = o.interestFen ?? [1_500_000n, 1_500_000n];
  const dates = o.paidDates ?? ['2024-07-01', '2024-10-01', '2025-01-01', '2025-04-01'];
  await deps.db.insert(loanRepayments).values(
    interest.map((fen, i) => ({
      loanId: loan!.id,
      periodNo: i + 1,
      dueDate: dates[i]!,
      paidDate: dates[i]!,
      principalPaidFen: 0n,
      interestPaidFen: fen,
      createdVia: 'session',
    })),
  );
  return {
    enterpriseId,
    enterpriseName,
    session: session!,
    projectId: project!.id,
    loanId: loan!.id,
    bankId: banks.bank,
  };
}

export async function staff(
  p: TestPlatform,
  role: 'city_admin' | 'city_reviewer' | 'district_reviewer',
  districtCode?: string,
) {
  const u = await makeUser(p.deps, role, districtCode ? { districtCode } : {});
  return loginAs(p.app, u.username, u.password);
}

export const CAMPAIGN_2025 = {
  year: 2025,
  title: '2025年度政银保贴息申请',
  interestFrom: '2024-01-01',
  interestTo: '2024-12-31',
  applyFrom: '2025-03-01',
  applyTo: '2025-04-30',
  budget: '500000.00',
  allocationMode: 'partial' as const,
  noticeDays: 7,
};

/** Submits an application with real voucher uploads; returns its id. */
export async function apply(
  a: Applicant,
  campaignId: string,
  over: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ id: string; status: number; body: Record<string, unknown> }> {
  const id = (over.id as string | undefined) ?? randomUUID();
  const r1 = await uploadVoucher(a.session, id, 'repayment_voucher');
  const r2 = await uploadVoucher(a.session, id, 'expenditure_voucher');
  const res = await a.session.post(
    '/api/v1/subsidy/applications',
    {
      id,
      campaignId,
      projectId: a.projectId,
      interestFrom: '2024-01-01',
      interestTo: '2024-12-31',
      loans: [{ loanId: a.loanId, claimedInterest: '30000.00' }],
      newInvestment: '500000.00',
      progressReport: '项目已完成MES系统上线与设备联网，正在推进数据中台建设。',
      repaymentVoucherIds: [r1],
      expenditureVoucherIds: [r2],
      ...over,
    },
    headers,
  );
  return { id: (res.json().id as string) ?? id, status: res.statusCode, body: res.json() };
}

/** District pass then city verify. */
export async function verify(district: Session, city: Session, id: string): Promise<void> {
  let d = await district.get(`/api/v1/subsidy/applications/${id}`);
  if (d.statusCode !== 200) throw new Error(`district read ${d.statusCode} ${d.body}`);
  let res = await district.post(`/api/v1/subsidy/applications/${id}/district-review`, {
    decision: 'pass',
    version: d.json().version,
  });
  if (res.statusCode !== 200) throw new Error(`district review ${res.statusCode} ${res.body}`);
  d = await city.get(`/api/v1/subsidy/applications/${id}`);
  res = await city.post(`/api/v1/subsidy/applications/${id}/city-review`, {
    decision: 'pass',
    version: d.json().version,
  });
  if (res.statusCode !== 200) throw new Error(`city review ${res.statusCode} ${res.body}`);
}

/** The subsidy's reviewing staff, signed in: the city administrator, a city reviewer and 蓬江区's reviewer. */
export async function subsidyStaff(p: TestPlatform): Promise<{ admin: Session; city: Session; district: Session }> {
  return {
    admin: await staff(p, 'city_admin'),
    city: await staff(p, 'city_reviewer'),
    district: await staff(p, 'district_reviewer', '440703'),
  };
}

/** The administrator opens a campaign (CAMPAIGN_2025 with `over`); its id. */
export async function openCampaign(admin: Session, over: Record<string, unknown> = {}): Promise<string> {
  const res = await admin.post('/api/v1/subsidy/campaigns', { ...CAMPAIGN_2025, ...over });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/**
 * A campaign whose budget (24,300.00) covers exactly three applications of 8,100.00 each (30,000 × 90% × 30%),
 * with three verified applications: one from 蓬江区 and two from 江海区 (declared in March and in April).
 * Its id and the applicants' enterprise names, in order.
 */
export async function campaignWithThreeVerified(
  p: TestPlatform,
  admin: Session,
  city: Session,
): Promise<{ campaignId: string; names: string[] }> {
  const districts: Record<string, Session> = {
    '440703': await staff(p, 'district_reviewer', '440703'),
    '440704': await staff(p, 'district_reviewer', '440704'),
  };
  const res = await admin.post('/api/v1/subsidy/campaigns', { ...CAMPAIGN_2025, budget: '24300.00' });
  const campaignId = res.json().id as string;
  const plan = [
    { districtCode: '440703', declaredOn: '2024-03-12', disbursedAt: '2024-04-01T02:00:00Z' },
    { districtCode: '440704', declaredOn: '2024-03-12', disbursedAt: '2024-04-02T02:00:00Z' },
    { districtCode: '440704', declaredOn: '2024-04-11', disbursedAt: '2024-04-03T02:00:00Z' },
  ];
  const names: string[] = [];
  for (const o of plan) {
    const a = await makeApplicant(p, o);
    names.push(a.enterpriseName);
    const r = await apply(a, campaignId);
    expect(r.status).toBe(201);
    await verify(districts[o.districtCode]!, city, r.id);
  }
  return { campaignId, names };
}
