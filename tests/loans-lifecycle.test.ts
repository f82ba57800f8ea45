/**
 * A recorded loan's life through the API: the recording bank corrects it (reason, optimistic version: stale → 409),
 * cancels it (作废: kept, shown as 已作废, filterable, gone from application choices), records extensions (展期: the
 * maturity and term in force move; the purpose's term guidance applies to the extended term with its citation).
 * None of this is allowed once a subsidy application claims the loan; other banks get 404. Imports write one audit
 * event per record besides the batch event; a refused import writes none.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, loanRepayments, loans } from '../src/db/schema';
import { LOAN_COLUMNS, REPAYMENT_COLUMNS } from '../src/domain/loans/import';
import { makeUser } from './helpers/factories';
import {
  contractNumbers,
  createWorldPlatform,
  importLoanRow,
  importRepaymentRow,
  loanOfE1,
  makeApiToken,
  postLoanImport,
  recordLoan,
  type World,
} from './helpers/loans-fixtures';
import { csvOf } from './helpers/multipart';
import { anonymous, loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { type Applicant, apply, CAMPAIGN_2025, makeApplicant, staff } from './subsidy-fixtures';

async function auditEventsOf(p: TestPlatform, action: string, objectId?: string) {
  return p.deps.db
    .select()
    .from(auditEvents)
    .where(
      objectId
        ? and(eq(auditEvents.action, action), eq(auditEvents.objectId, objectId))
        : eq(auditEvents.action, action),
    );
}

describe('corrections, cancellation and extensions by the recording bank', () => {
  let p: TestPlatform;
  let w: World;
  let s: Record<string, Session>;
  const nextContract = contractNumbers('LC-2026-');

  beforeAll(async () => {
    ({ p, w, s } = await createWorldPlatform({ signIn: ['bankA', 'bankB', 'e1', 'cityReviewer', 'insurer'] }));
  });
  afterAll(async () => p.close());

  const newLoan = (over: Record<string, unknown> = {}) => recordLoan(s.bankA!, loanOfE1(w, nextContract(), over));

  /** The recording bank's extension request for a loan (version 1, the first agreement unless told otherwise). */
  function extend(loanId: string, newMaturityDate: string, over: Record<string, unknown> = {}) {
    return s.bankA!.post(`/api/v1/loans/${loanId}/extensions`, {
      version: 1,
      agreementNo: 'ZQ-2026-001',
      agreementDate: '2026-11-01',
      newMaturityDate,
      ...over,
    });
  }

  it('corrects amount, rate and cover with a reason: version bumps, history and audit keep before/after', async () => {
    const loan = await newLoan();
    expect(loan.version).toBe(1);
    const res = await s.bankA!.post(`/api/v1/loans/${loan.id}/corrections`, {
      version: 1,
      reason: '合同金额录入错误，以合同原件为准',
      amount: '4500000.00',
      annualRate: '0.036',
      coverInstitutionId: w.guarantor.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      version: 2,
      amount: '4500000.00',
      annualRate: '0.036',
      cover: { id: w.guarantor.id, kind: 'guarantor' },
      termMonths: 36,
    });
    expect(d.corrections).toHaveLength(1);
    expect(d.corrections[0]).toMatchObject({
      version: 2,
      reason: '合同金额录入错误，以合同原件为准',
      before: { amount: '5000000.00', annualRate: '0.0385', coverInstitution: w.insurer.name },
      after: { amount: '4500000.00', annualRate: '0.036', coverInstitution: w.guarantor.name },
    });
    // Unchanged fields are not listed.
    expect(d.corrections[0].before.termMonths).toBeUndefined();
    const [event] = await auditEventsOf(p, 'loan.corrected', loan.id);
    expect(event!.before).toMatchObject({ amount: '5000000.00', version: 1 });
    expect(event!.after).toMatchObject({
      amount: '4500000.00',
      version: 2,
      reason: '合同金额录入错误，以合同原件为准',
    });
    const [row] = await p.deps.db.select().from(loans).where(eq(loans.id, loan.id));
    expect(row!.amountFen).toBe(450000000n);
    expect(row!.coverKind).toBe('guarantor');
  });

  it('a stale version answers 409 in Chinese and changes nothing', async () => {
    const loan = await newLoan();
    const first = await s.bankA!.post(`/api/v1/loans/${loan.id}/corrections`, {
      version: 1,
      reason: '更正年利率',
      annualRate: '0.04',
    });
    expect(first.statusCode).toBe(200);
    const stale = await s.bankA!.post(`/api/v1/loans/${loan.id}/corrections`, {
      version: 1,
      reason: '另一人同时更正金额',
      amount: '1000000.00',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.message).toContain('已被修改');
    expect(stale.json().error.message).toContain('刷新');
    const staleCancel = await s.bankA!.post(`/api/v1/loans/${loan.id}/cancel`, { version: 1, reason: '误登记' });
    expect(staleCancel.statusCode).toBe(409);
    const [row] = await p.deps.db.select().from(loans).where(eq(loans.id, loan.id));
    expect(row!.amountFen).toBe(500000000n);
    expect(row!.status).toBe('active');
    expect(row!.version).toBe(2);
  });

  it('applies the recording checks and keeps recorded repayments consistent; a reason is required', async () => {
    const loan = await newLoan();
    const rep = await s.bankA!.post(`/api/v1/loans/${loan.id}/repayments`, {
      periodNo: 1,
      dueDate: '2026-04-15',
      paidDate: '2026-04-15',
      principalPaid: '1000000.00',
      interestPaid: '16000.00',
    });
    expect(rep.statusCode, rep.body).toBe(201);
    const refusals: [Record<string, unknown>, string[]][] = [
      [{ amount: '1.00' }, ['更正原因']],
      [{ reason: '用途录入错误', purpose: 'working_capital', termMonths: 48 }, ['贷款期限（月）', '珠海']],
      [{ reason: '金额录入错误', amount: '900000.00' }, ['贷款金额']],
      [{ reason: '放款时间录入错误', disbursedAt: '2027-01-01T10:00:00+08:00' }, ['放款时间']],
    ];
    for (const [change, messages] of refusals) {
      const res = await s.bankA!.post(`/api/v1/loans/${loan.id}/corrections`, { version: 1, ...change });
      expect(res.statusCode, messages[0]).toBe(400);
      for (const m of messages) expect(res.json().error.message).toContain(m);
    }
    const nothing = await s.bankA!.post(`/api/v1/loans/${loan.id}/corrections`, {
      version: 1,
      reason: '无变化',
      amount: '5000000.00',
    });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.code).toBe('NO_CHANGE');
    expect(await auditEventsOf(p, 'loan.corrected', loan.id)).toHaveLength(0);
  });

  it('only the recording bank may change a loan: another bank gets 404, other roles 403; a bank token works', async () => {
    const loan = await newLoan();
    for (const [path, body] of [
      ['corrections', { version: 1, reason: '越权更正', amount: '1.00' }],
      ['cancel', { version: 1, reason: '越权作废' }],
      ['extensions', { version: 1, agreementNo: 'ZQ-1', agreementDate: '2026-11-01', newMaturityDate: '2029-09-15' }],
    ] as const) {
      const other = await s.bankB!.post(`/api/v1/loans/${loan.id}/${path}`, body);
      expect(other.statusCode, path).toBe(404);
      const ent = await s.e1!.post(`/api/v1/loans/${loan.id}/${path}`, body);
      expect(ent.statusCode, path).toBe(403);
      const ins = await s.insurer!.post(`/api/v1/loans/${loan.id}/${path}`, body);
      expect(ins.statusCode, path).toBe(403);
    }
    const missing = await s.bankA!.post(`/api/v1/loans/${randomUUID()}/cancel`, { version: 1, reason: '不存在' });
    expect(missing.statusCode).toBe(404);
    const token = await makeApiToken(p.deps, w.bankA.id);
    const api = anonymous(p.app);
    const res = await api.post(
      `/api/v1/loans/${loan.id}/corrections`,
      { version: 1, reason: '银行系统同步更正', contractNo: `${loan.contractNo}-A` },
      { authorization: `Bearer ${token}` },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().corrections[0].via).toBe('api_token');
  });

  it('cancels a loan: kept with its repayments, shown as 已作废 and filterable; no more repayments; number reusable', async () => {
    const loan = await newLoan();
    await s.bankA!.post(`/api/v1/loans/${loan.id}/repayments`, {
      periodNo: 1,
      dueDate: '2026-04-15',
      paidDate: '2026-04-15',
      principalPaid: '0',
      interestPaid: '16000.00',
    });
    const res = await s.bankA!.post(`/api/v1/loans/${loan.id}/cancel`, { version: 1, reason: '重复登记，作废' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', version: 2, cancelled: { reason: '重复登记，作废' } });
    expect(res.json().repayments).toHaveLength(1);
    const reps = await p.deps.db.select().from(loanRepayments).where(eq(loanRepayments.loanId, loan.id));
    expect(reps).toHaveLength(1);
    const [event] = await auditEventsOf(p, 'loan.cancelled', loan.id);
    expect(event!.after).toMatchObject({ status: 'cancelled', reason: '重复登记，作废' });

    const cancelledList = await s.bankA!.get('/api/v1/loans?status=cancelled&pageSize=200');
    expect(cancelledList.json().items.map((l: { id: string }) => l.id)).toContain(loan.id);
    const repaying = await s.bankA!.get('/api/v1/loans?status=repaying&pageSize=200');
    expect(repaying.json().items.map((l: { id: string }) => l.id)).not.toContain(loan.id);
    // The enterprise still reads it, as cancelled.
    const seen = await s.e1!.get(`/api/v1/loans/${loan.id}`);
    expect(seen.json().status).toBe('cancelled');

    const more = await s.bankA!.post(`/api/v1/loans/${loan.id}/repayments`, {
      periodNo: 2,
      dueDate: '2026-05-15',
      paidDate: '2026-05-15',
      principalPaid: '0',
      interestPaid: '16000.00',
    });
    expect(more.statusCode).toBe(409);
    expect(more.json().error.message).toContain('已作废');
    const again = await s.bankA!.post(`/api/v1/loans/${loan.id}/cancel`, { version: 2, reason: '再次作废' });
    expect(again.statusCode).toBe(409);
    const correct = await s.bankA!.post(`/api/v1/loans/${loan.id}/corrections`, {
      version: 2,
      reason: '作废后更正',
      amount: '1.00',
    });
    expect(correct.statusCode).toBe(409);
    // Recorded in error: the same contract number can be recorded again correctly.
    const reRecorded = await newLoan({ contractNo: loan.contractNo });
    expect(reRecorded.id).not.toBe(loan.id);
  });

  it('records an extension: must be after the current maturity (named field), keeps history, moves the term', async () => {
    const loan = await newLoan({ termMonths: 12 }); // 2026-03-15 → 2027-03-15
    expect(loan.maturityDate).toBe('2027-03-15');
    const early = await extend(loan.id, '2027-03-15');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('展期后到期日');
    expect(early.json().error.message).toContain('须晚于当前到期日 2027-03-15');
    expect(early.json().error.fields[0].path).toBe('newMaturityDate');

    const overCap = await extend(loan.id, '2031-04-01');
    expect(overCap.statusCode).toBe(400);
    expect(overCap.json().error.message).toContain('最长 60 个月');
    expect(overCap.json().error.message).toContain('设备贷款期限最长5年');
    expect(overCap.json().error.message).toContain('2031-03-15');

    const ok = await extend(loan.id, '2027-09-15');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      version: 2,
      maturityDate: '2027-09-15',
      termMonths: 18,
      contractTermMonths: 12,
      contractMaturityDate: '2027-03-15',
      extended: true,
    });
    expect(ok.json().extensions).toEqual([
      expect.objectContaining({
        seq: 1,
        agreementNo: 'ZQ-2026-001',
        previousMaturityDate: '2027-03-15',
        newMaturityDate: '2027-09-15',
        termMonthsAfter: 18,
      }),
    ]);
    const [event] = await auditEventsOf(p, 'loan.extended', loan.id);
    expect(event!.before).toMatchObject({ maturityDate: '2027-03-15' });
    expect(event!.after).toMatchObject({ maturityDate: '2027-09-15', agreementNo: 'ZQ-2026-001' });

    // The second extension is checked against the extended maturity, not the contract's.
    const second = await extend(loan.id, '2027-06-15', {
      version: 2,
      agreementNo: 'ZQ-2026-002',
      agreementDate: '2026-11-10',
    });
    expect(second.statusCode).toBe(400);
    expect(second.json().error.message).toContain('须晚于当前到期日 2027-09-15');

    // A correction of the contract term must stay before the extended maturity.
    const tooLong = await s.bankA!.post(`/api/v1/loans/${loan.id}/corrections`, {
      version: 2,
      reason: '期限录入错误',
      termMonths: 24,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('展期');
  });

  it('a working-capital extension past 36 months is refused with the cited guidance', async () => {
    const loan = await newLoan({ purpose: 'working_capital', termMonths: 36 });
    const res = await extend(loan.id, '2029-04-15', { agreementNo: 'ZQ-WC-1' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('流动资金贷款期限最长3年');
    expect(res.json().error.message).toContain('37 个月');
  });
});

describe('loans claimed by a subsidy application', () => {
  let p: TestPlatform;
  let campaignId: string;
  let a1: Applicant;
  let a2: Applicant;
  let bank: Session;

  beforeAll(async () => {
    p = await createTestPlatform({ now: '2025-03-15T02:00:00Z' });
    const admin = await staff(p, 'city_admin');
    const res = await admin.post('/api/v1/subsidy/campaigns', CAMPAIGN_2025);
    expect(res.statusCode, res.body).toBe(201);
    campaignId = res.json().id;
    a1 = await makeApplicant(p);
    a2 = await makeApplicant(p);
    const officer = await makeUser(p.deps, 'bank_officer', { institutionId: a1.bankId });
    bank = await loginAs(p.app, officer.username, officer.password);
  });
  afterAll(async () => p.close());

  it('refuses correction, cancellation and extension of a loan in a submitted application, naming it', async () => {
    const applied = await apply(a1, campaignId);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const loan = (await bank.get(`/api/v1/loans/${a1.loanId}`)).json();
    const attempts = [
      bank.post(`/api/v1/loans/${a1.loanId}/corrections`, {
        version: loan.version,
        reason: '更正金额',
        amount: '1000000.00',
      }),
      bank.post(`/api/v1/loans/${a1.loanId}/cancel`, { version: loan.version, reason: '误登记' }),
      bank.post(`/api/v1/loans/${a1.loanId}/extensions`, {
        version: loan.version,
        agreementNo: 'ZQ-1',
        agreementDate: '2025-03-01',
        newMaturityDate: '2027-10-01',
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(409);
      const err = res.json().error;
      expect(err.code).toBe('LOAN_IN_APPLICATION');
      expect(err.message).toContain(applied.id);
      expect(err.message).toContain('2025年度政银保贴息申请');
      expect(err.message).toContain('已提交');
    }
    const [row] = await p.deps.db.select().from(loans).where(eq(loans.id, a1.loanId));
    expect(row!.status).toBe('active');
    expect(row!.amountFen).toBe(500_000_000n);
    expect(row!.version).toBe(1);
  });

  it('a cancelled loan leaves the application choices and cannot be claimed', async () => {
    const optionsBefore = await a2.session.get(`/api/v1/subsidy/campaigns/${campaignId}/apply-options`);
    expect(optionsBefore.statusCode, optionsBefore.body).toBe(200);
    const idsBefore = optionsBefore
      .json()
      .projects.flatMap((pr: { loans: { id: string }[] }) => pr.loans.map((l) => l.id));
    expect(idsBefore).toContain(a2.loanId);
    const cancel = await bank.post(`/api/v1/loans/${a2.loanId}/cancel`, { version: 1, reason: '借款企业登记错误' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const optionsAfter = await a2.session.get(`/api/v1/subsidy/campaigns/${campaignId}/apply-options`);
    const idsAfter = optionsAfter
      .json()
      .projects.flatMap((pr: { loans: { id: string }[] }) => pr.loans.map((l) => l.id));
    expect(idsAfter).not.toContain(a2.loanId);
    const applied = await apply(a2, campaignId);
    expect(applied.status).toBe(400);
    expect(JSON.stringify(applied.body)).toContain('已被贷款银行作废');
  });
});

describe('imports: one audit event per record', () => {
  let p: TestPlatform;
  let w: World;
  let bank: Session;

  beforeAll(async () => {
    let s: Record<string, Session>;
    ({ p, w, s } = await createWorldPlatform({ signIn: ['bankA'] }));
    bank = s.bankA!;
  });
  afterAll(async () => p.close());

  const upload = (name: string, data: Buffer) => postLoanImport(bank, { name, data, type: 'text/csv' });
  const loanRow = (contractNo: string, over: Record<string, string> = {}) => importLoanRow(w, contractNo, over);
  const repRow = (contractNo: string, n: number) => importRepaymentRow(contractNo, n);
  const totalEvents = async () => (await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n;

  it('writes an event per imported loan and repayment, each naming its batch, plus the batch event', async () => {
    const before = await totalEvents();
    const res = await upload('loans.csv', csvOf(LOAN_COLUMNS, [loanRow('IMP-A-1'), loanRow('IMP-A-2')]));
    expect(res.statusCode, res.body).toBe(200);
    const batchId = res.json().batchId as string;
    const reps = await upload(
      'reps.csv',
      csvOf(REPAYMENT_COLUMNS, [repRow('IMP-A-1', 1), repRow('IMP-A-1', 2), repRow('IMP-A-2', 1)]),
    );
    expect(reps.statusCode, reps.body).toBe(200);
    const repBatchId = reps.json().batchId as string;
    expect(await totalEvents()).toBe(before + 2 + 3 + 2);

    const loanEvents = (await auditEventsOf(p, 'loan.imported')).filter(
      (e) => (e.after as { importBatchId?: string }).importBatchId === batchId,
    );
    expect(loanEvents).toHaveLength(2);
    const rows = await p.deps.db.select().from(loans).where(eq(loans.importBatchId, batchId));
    expect(new Set(loanEvents.map((e) => e.objectId))).toEqual(new Set(rows.map((r) => r.id)));
    expect(loanEvents.map((e) => (e.after as { contractNo: string }).contractNo).sort()).toEqual([
      'IMP-A-1',
      'IMP-A-2',
    ]);
    const repEvents = (await auditEventsOf(p, 'loan.repayment_imported')).filter(
      (e) => (e.after as { importBatchId?: string }).importBatchId === repBatchId,
    );
    expect(repEvents).toHaveLength(3);
    const repRows = await p.deps.db.select().from(loanRepayments).where(eq(loanRepayments.importBatchId, repBatchId));
    expect(new Set(repEvents.map((e) => (e.after as { repaymentId: string }).repaymentId))).toEqual(
      new Set(repRows.map((r) => r.id)),
    );
    expect(await auditEventsOf(p, 'loan.import_completed', batchId)).toHaveLength(1);
  });

  it('a refused import and a dry run write no event', async () => {
    const before = await totalEvents();
    const bad = await upload(
      'bad.csv',
      csvOf(LOAN_COLUMNS, [loanRow('IMP-B-1'), loanRow('IMP-B-2', { amount: '-5' })]),
    );
    expect(bad.statusCode).toBe(422);
    const m = { file: csvOf(LOAN_COLUMNS, [loanRow('IMP-C-1')]) };
    const boundary = `----huiqi${randomUUID().replace(/-/g, '')}`;
    const dry = await bank.request({
      method: 'POST',
      url: '/api/v1/loans/import?dryRun=true',
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        m.file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().status).toBe('checked');
    expect(await totalEvents()).toBe(before);
  });
});
