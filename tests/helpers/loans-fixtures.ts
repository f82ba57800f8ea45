/** Fixtures for the loan tests: enterprises with valid credit codes, institutions, people, tokens, projects. */
import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { apiTokens, projectDeclarations, projects } from '../../src/db/schema';
import type { Role } from '../../src/domain/access/actor';
import { completeUscc } from '../../src/domain/enterprise/uscc';
import { sha256Hex } from '../../src/services/auth/tokens';
import type { Deps } from '../../src/services/context';
import { makeEnterprise, makeInstitution, makeUser } from './factories';
import { type FilePart, multipart } from './multipart';
import { loginAs, type Session } from './session';
import { createTestPlatform, type TestPlatform } from './test-app';

let seq = 0;
/** A credit code valid under GB 32100 (both check characters) in the given district. */
export function validUscc(division = '440703'): string {
  seq++;
  const body8 = `${(Date.now() % 1e5).toString().padStart(5, '0')}${(seq % 1000).toString().padStart(3, '0')}`;
  return completeUscc(`91${division}${body8}`);
}

export async function enterpriseIn(deps: Deps, districtCode: string) {
  return makeEnterprise(deps, { uscc: validUscc(districtCode), districtCode });
}

/** A bank system's bearer token for an institution, stored as its SHA-256 like the token service does. */
export async function makeApiToken(deps: Deps, institutionId: string): Promise<string> {
  const token = `hq_${randomBytes(24).toString('base64url')}`;
  await deps.db.insert(apiTokens).values({
    institutionId,
    name: `测试接口${randomUUID().slice(0, 4)}`,
    tokenHash: sha256Hex(token),
    tokenPrefix: token.slice(0, 8),
    // Far ahead, so tests that move the clock never see it expire (expiry has its own tests).
    expiresAt: new Date('2099-12-31T16:00:00Z'),
  });
  return token;
}

let projectSeq = 0;
/** A numbered library project of an enterprise (the declaration behind it is set up minimally). */
export async function makeNumberedProject(deps: Deps, enterpriseId: string, createdBy: string) {
  projectSeq++;
  const [decl] = await deps.db
    .insert(projectDeclarations)
    .values({ enterpriseId, form: 'manufacturer', state: 'approved', name: `测试项目${projectSeq}`, createdBy })
    .returning();
  const libraryNumber = `JMSZ-2026-${String(1000 + projectSeq).padStart(4, '0')}`;
  const [p] = await deps.db
    .insert(projects)
    .values({
      libraryNumber,
      numberYear: 2026,
      numberSeq: 1000 + projectSeq,
      declarationId: decl!.id,
      enterpriseId,
      districtCode: '440703',
      form: 'manufacturer',
      name: `数字化车间改造项目${projectSeq}`,
      declarationMonth: '2026-03',
      declaredOn: '2026-03-12',
      approvedOn: '2026-03-30',
      approvedAt: new Date('2026-03-30T02:00:00Z'),
      approvedBy: createdBy,
      investmentAtDeclarationFen: 100_000_00n,
      plannedTotalFen: 5_000_000_00n,
      resourcePoolLed: false,
      startDate: '2026-03-01',
      endDate: '2027-03-01',
      currentStatus: 'in_progress',
      investmentToDateFen: 100_000_00n,
    })
    .returning();
  return p!;
}

export interface World {
  bankA: { id: string; name: string };
  bankB: { id: string; name: string };
  insurer: { id: string; name: string };
  guarantor: { id: string; name: string };
  otherInsurer: { id: string; name: string };
  e1: { id: string; uscc: string; name: string };
  e2: { id: string; uscc: string; name: string };
  users: Record<string, { id: string; username: string; password: string }>;
}

/** Two banks, an insurer, a guarantor, an uninvolved insurer; enterprises in 蓬江区 and 新会区; one user per role. */
export async function makeWorld(deps: Deps): Promise<World> {
  const bankA = await makeInstitution(deps, 'bank');
  const bankB = await makeInstitution(deps, 'bank');
  const insurer = await makeInstitution(deps, 'insurer');
  const guarantor = await makeInstitution(deps, 'guarantor');
  const otherInsurer = await makeInstitution(deps, 'insurer');
  const e1 = await enterpriseIn(deps, '440703');
  const e2 = await enterpriseIn(deps, '440705');
  const mk = (role: Role, scope: Parameters<typeof makeUser>[2] = {}) => makeUser(deps, role, scope);
  const users = {
    bankA: await mk('bank_officer', { institutionId: bankA.id }),
    bankB: await mk('bank_officer', { institutionId: bankB.id }),
    insurer: await mk('insurer_officer', { institutionId: insurer.id }),
    guarantor: await mk('insurer_officer', { institutionId: guarantor.id }),
    otherInsurer: await mk('insurer_officer', { institutionId: otherInsurer.id }),
    e1: await mk('enterprise', { enterpriseId: e1.id, isEnterpriseAdmin: true }),
    e2: await mk('enterprise', { enterpriseId: e2.id, isEnterpriseAdmin: true }),
    pengjiang: await mk('district_reviewer', { districtCode: '440703' }),
    xinhui: await mk('district_reviewer', { districtCode: '440705' }),
    cityReviewer: await mk('city_reviewer'),
    cityAdmin: await mk('city_admin'),
    securityAdmin: await mk('security_admin'),
    auditAdmin: await mk('audit_admin'),
  };
  return { bankA, bankB, insurer, guarantor, otherInsurer, e1, e2, users };
}

/** Signs the world's users named in `who` (all of them unless told) in again, into `into` under their keys. */
export async function signInWorld(
  p: TestPlatform,
  w: World,
  into: Record<string, Session>,
  who: readonly string[] = Object.keys(w.users),
): Promise<Record<string, Session>> {
  for (const k of who) {
    const u = w.users[k]!;
    into[k] = await loginAs(p.app, u.username, u.password);
  }
  return into;
}

/** A platform at `now` with a world whose users in `signIn` (all unless told) are signed in, by their keys. */
export async function createWorldPlatform(
  opts: { now?: string; signIn?: readonly string[] } = {},
): Promise<{ p: TestPlatform; w: World; s: Record<string, Session> }> {
  const p = await createTestPlatform({ now: opts.now ?? '2026-11-21T02:00:00Z' });
  const w = await makeWorld(p.deps);
  return { p, w, s: await signInWorld(p, w, {}, opts.signIn) };
}

/** Contract numbers `<prefix>0001`, `<prefix>0002`, … one per call. */
export function contractNumbers(prefix: string): () => string {
  let n = 0;
  return () => {
    n++;
    return `${prefix}${String(n).padStart(4, '0')}`;
  };
}

/** The body of a loan of the world's enterprise e1: ¥5,000,000 for equipment over 36 months, insured by the insurer. */
export function loanOfE1(w: World, contractNo: string, over: Record<string, unknown> = {}) {
  return {
    enterpriseUscc: w.e1.uscc,
    contractNo,
    purpose: 'equipment',
    amount: '5000000.00',
    annualRate: '0.0385',
    termMonths: 36,
    disbursedAt: '2026-03-15T10:30:00+08:00',
    coverInstitutionId: w.insurer.id,
    ...over,
  };
}

/** Records a loan through the bank's session (expects 201); the loan as answered. */
export async function recordLoan(bank: Session, body: Record<string, unknown>) {
  const res = await bank.post('/api/v1/loans', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().loan as { id: string; contractNo: string; version: number; maturityDate: string };
}

type ImportRow = Record<string, string | number | Date>;

/** A loan line of an import file for the world's enterprise e1: ¥3,000,000 for equipment, insured by the insurer. */
export function importLoanRow(w: World, contractNo: string, over: ImportRow = {}): ImportRow {
  return {
    enterpriseUscc: w.e1.uscc,
    enterpriseName: w.e1.name,
    contractNo,
    purpose: '设备贷款',
    amount: '3000000.00',
    annualRate: '0.0365',
    termMonths: '36',
    disbursedAt: '2026-04-01 09:30',
    coverInstitution: w.insurer.name,
    ...over,
  };
}

/** A repayment line of an import file: period `n`, due and paid on the first of month n + 4 of 2026. */
export function importRepaymentRow(contractNo: string, n: number, over: ImportRow = {}): ImportRow {
  const m = String(n + 4).padStart(2, '0');
  return {
    contractNo,
    periodNo: String(n),
    dueDate: `2026-${m}-01`,
    paidDate: `2026-${m}-01`,
    principalPaid: '0.00',
    interestPaid: '9125.00',
    ...over,
  };
}

/** POSTs a file to the loan import route (`query` after the path, extra headers merged); the raw answer. */
export function postLoanImport(
  session: Session,
  file: FilePart,
  opts: { query?: string; headers?: Record<string, string> } = {},
) {
  const m = multipart({}, file);
  return session.request({
    method: 'POST',
    url: `/api/v1/loans/import${opts.query ?? ''}`,
    payload: m.payload,
    headers: { ...m.headers, ...opts.headers },
  });
}

/**
 * Numbered loans of the world's enterprise e1 (`<prefix>0001`, …) recorded by a bank, with `defaults` over
 * `loanOfE1`'s body and then each call's `over`; each call returns the loan's id. `at` gives the world and the bank
 * when called (they are set up in a hook).
 */
export function numberedLoans(
  prefix: string,
  at: () => { w: World; bank: Session },
  defaults: (w: World) => Record<string, unknown> = () => ({}),
) {
  const next = contractNumbers(prefix);
  return async (over: Record<string, unknown> = {}): Promise<string> => {
    const { w, bank } = at();
    return (await recordLoan(bank, loanOfE1(w, next(), { ...defaults(w), ...over }))).id;
  };
}

/** ¥10,000,000 guaranteed by the world's guarantor. */
export const guaranteed = (w: World) => ({ amount: '10000000.00', coverInstitutionId: w.guarantor.id });
