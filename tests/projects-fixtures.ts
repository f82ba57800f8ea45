/**
 * Fixtures for the project-library tests: enterprises with valid credit codes, one account per role (logged in
 * afresh after the clock moves, since sessions end after 30 idle minutes), complete declaration forms, and
 * uploads of every checklist item.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { completeUscc } from '../src/domain/enterprise/uscc';
import { makeEnterprise, makeInstitution, makeUser } from './helpers/factories';
import { uploadAttachment as upload } from './helpers/multipart';
import { anonymous, type Session } from './helpers/session';
import type { TestPlatform } from './helpers/test-app';

export { upload };

let counter = 0;
/** A valid GB 32100-2015 code registered in a district. */
export function validUscc(districtCode: string): string {
  counter++;
  const body = `${(Date.now() % 1_000_000).toString().padStart(6, '0')}${counter.toString().padStart(2, '0')}`.slice(
    -8,
  );
  return completeUscc(`91${districtCode}${body}`);
}

let ipCounter = 0;
/**
 * Signs in from a fresh client address each time: the tests move the clock (which ends idle sessions) and sign
 * in far more often than the per-address login rate limit allows a real client.
 */
export async function login(p: TestPlatform, a: { username: string; password: string }): Promise<Session> {
  ipCounter++;
  const s = anonymous(p.app);
  const res = await s.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: a.username, password: a.password },
    remoteAddress: `10.77.${(ipCounter >> 8) & 255}.${ipCounter & 255}`,
  });
  if (res.statusCode !== 200) throw new Error(`login ${a.username} failed: ${res.statusCode} ${res.body}`);
  s.csrf = res.json().csrfToken;
  return s;
}

export interface Account {
  username: string;
  password: string;
  id: string;
}

export interface Library {
  p: TestPlatform;
  bankId: string;
  provider: { id: string; uscc: string; name: string; user: Account };
  as(account: Account): Promise<Session>;
  district: Record<string, Account>;
  city: Account;
  admin: Account;
  security: Account;
  newManufacturer(opts?: { districtCode?: string; creditStatus?: string }): Promise<{
    id: string;
    uscc: string;
    name: string;
    user: Account;
  }>;
}

export async function setupLibrary(p: TestPlatform): Promise<Library> {
  const bank = await makeInstitution(p.deps, 'bank');
  const providerUscc = validUscc('440705');
  const provider = await makeEnterprise(p.deps, {
    uscc: providerUscc,
    name: `江门智造云科技${randomUUID().slice(0, 4)}有限公司`,
    districtCode: '440705',
    type: 'service_provider',
    inResourcePool: true,
    resourcePoolSince: '2023-06-01',
  });
  const providerUser = await makeUser(p.deps, 'enterprise', { enterpriseId: provider.id, isEnterpriseAdmin: true });
  const district: Record<string, Account> = {};
  for (const code of ['440703', '440704', '440705'])
    district[code] = await makeUser(p.deps, 'district_reviewer', { districtCode: code });
  return {
    p,
    bankId: bank.id,
    provider: { id: provider.id, uscc: providerUscc, name: provider.name, user: providerUser },
    as: (a) => login(p, a),
    district,
    city: await makeUser(p.deps, 'city_reviewer'),
    admin: await makeUser(p.deps, 'city_admin'),
    security: await makeUser(p.deps, 'security_admin'),
    async newManufacturer(opts = {}) {
      const d = opts.districtCode ?? '440703';
      const uscc = validUscc(d);
      const e = await makeEnterprise(p.deps, {
        uscc,
        name: `江门精密制造${randomUUID().slice(0, 6)}有限公司`,
        districtCode: d,
        type: 'manufacturer',
        ...(opts.creditStatus ? { creditStatus: opts.creditStatus } : {}),
      });
      const user = await makeUser(p.deps, 'enterprise', { enterpriseId: e.id, isEnterpriseAdmin: true });
      return { id: e.id, uscc, name: e.name, user };
    },
  };
}

export function manufacturerForm(providerUscc: string, over: Record<string, unknown> = {}) {
  return {
    name: `注塑车间MES系统建设${randomUUID().slice(0, 4)}`,
    content: '建设MES系统、设备联网与数据采集，实现生产过程数字化管理',
    categories: ['digital_system', 'industrial_control_software'],
    siteDistrictCode: '440703',
    siteAddress: '江门市蓬江区杜阮镇龙榜村工业区 8 号',
    startDate: '2024-01-15',
    endDate: '2025-06-30',
    projectStatus: 'in_progress',
    investments: [
      { item: 'software', amount: '800000.00' },
      { item: 'equipment', amount: '400000' },
      { item: 'installation', amount: '50000.5' },
    ],
    investmentMade: '300000.00',
    assessmentLevel: 'level2',
    assessmentDate: '2024-01-20',
    hasLoan: false,
    contracts: [
      {
        providerUscc,
        providerName: '江门智造云科技有限公司',
        contractNumber: `HT-2024-${randomUUID().slice(0, 4)}`,
        amount: '500000.00',
        signedOn: '2024-01-10',
        startDate: '2024-01-15',
        endDate: '2025-06-30',
      },
    ],
    ...over,
  };
}

export function providerForm(over: Record<string, unknown> = {}) {
  return {
    name: `注塑行业工业互联网平台研发${randomUUID().slice(0, 4)}`,
    content: '研发面向注塑行业的工业互联网平台与工业APP',
    categories: ['iiot_platform', 'industrial_app', 'cloud_resources'],
    siteDistrictCode: '440705',
    siteAddress: '江门市新会区会城今古洲大道 61 号',
    startDate: '2024-02-01',
    endDate: '2025-12-31',
    projectStatus: 'planned',
    investments: [
      { item: 'rnd', amount: '1200000.00' },
      { item: 'testing', amount: '150000.00' },
    ],
    investmentMade: '0.00',
    assessmentLevel: 'level3',
    assessmentDate: '2024-01-05',
    hasLoan: false,
    ...over,
  };
}

const MFG_KINDS = [
  'cover',
  'declaration_form',
  'business_licence',
  'credit_report',
  'digital_assessment',
  'construction_plan',
];
const SVC_KINDS = [
  'cover',
  'declaration_form',
  'business_licence',
  'credit_report',
  'digital_assessment',
  'project_approval',
];

/** Uploads every required item and attaches a signed file to each contract (re-saving the form). */
export async function completeMaterials(s: Session, id: string, opts: { skip?: string[] } = {}) {
  const d = (await s.get(`/api/v1/declarations/${id}`)).json();
  const kinds = (d.form === 'manufacturer' ? MFG_KINDS : SVC_KINDS).concat(d.hasLoan ? ['loan_contract'] : []);
  for (const k of kinds) if (!opts.skip?.includes(k)) await upload(s, 'project_declaration', id, k);
  if (d.form === 'manufacturer' && !opts.skip?.includes('service_contract')) {
    const contracts = [];
    for (const c of d.contracts) {
      const fileId = await upload(s, 'project_declaration', id, 'service_contract');
      contracts.push({
        providerUscc: c.providerUscc,
        providerName: c.providerName,
        contractNumber: c.contractNumber,
        amount: c.amount,
        signedOn: c.signedOn,
        startDate: c.startDate,
        endDate: c.endDate,
        isLead: c.isLead,
        attachmentId: fileId,
      });
    }
    const res = await s.put(`/api/v1/declarations/${id}`, { ...formOf(d), contracts, version: d.version });
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** The saved form of a declaration detail, as a request body. */
// biome-ignore lint/suspicious/noExplicitAny: a JSON response body
export function formOf(d: Record<string, any>) {
  return {
    name: d.name,
    content: d.content,
    categories: d.categories,
    siteDistrictCode: d.siteDistrictCode,
    siteAddress: d.siteAddress,
    startDate: d.startDate,
    endDate: d.endDate,
    projectStatus: d.projectStatus,
    investments: d.investments.map((l: { item: string; amount: string }) => ({ item: l.item, amount: l.amount })),
    investmentMade: d.investmentMade,
    assessmentLevel: d.assessmentLevel,
    assessmentDate: d.assessmentDate,
    hasLoan: d.hasLoan,
    loan: d.loan
      ? {
          bankId: d.loan.bankId,
          contractNumber: d.loan.contractNumber,
          amount: d.loan.amount,
          disbursedOn: d.loan.disbursedOn,
          maturityOn: d.loan.maturityOn,
        }
      : null,
    contracts: d.contracts.map((c: Record<string, unknown>) => ({
      providerUscc: c.providerUscc,
      providerName: c.providerName,
      contractNumber: c.contractNumber,
      amount: c.amount,
      signedOn: c.signedOn,
      startDate: c.startDate,
      endDate: c.endDate,
      isLead: c.isLead,
      attachmentId: c.attachmentId,
    })),
  };
}

/** Creates a draft with its materials complete; returns its id. */
export async function readyDraft(s: Session, body: Record<string, unknown>): Promise<string> {
  const res = await s.post('/api/v1/declarations', body);
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await completeMaterials(s, id);
  return id;
}

/** Submits and expects success. */
export async function submit(s: Session, id: string, key?: string) {
  const res = await s.post(`/api/v1/declarations/${id}/submit`, undefined, key ? { 'idempotency-key': key } : {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/**
 * A new manufacturer (in 蓬江区 unless told), signed in, with a draft of the manufacturer form (`over` applied)
 * whose materials are complete.
 */
export async function draftOfNewManufacturer(
  lib: Library,
  over: Record<string, unknown> = {},
  opts: { districtCode?: string } = {},
) {
  const m = await lib.newManufacturer(opts);
  const s = await lib.as(m.user);
  const id = await readyDraft(s, manufacturerForm(lib.provider.uscc, over));
  return { m, s, id };
}

/** A district's reviewer (蓬江区 unless told) decides on declarations; the raw answer. */
export async function districtReview(
  lib: Library,
  ids: string[],
  body: Record<string, unknown>,
  districtCode = '440703',
) {
  return (await lib.as(lib.district[districtCode]!)).post('/api/v1/declarations/review/district', { ids, ...body });
}

/** The city reviewer decides on declarations; the raw answer. */
export async function cityReview(lib: Library, ids: string[], body: Record<string, unknown>) {
  return (await lib.as(lib.city)).post('/api/v1/declarations/review/city', { ids, ...body });
}
