/**
 * The guarantee claims' files, returns and resubmissions, and the fee notice on the interest subsidy's machinery:
 * vouchers and evidence through the attachments module (content-checked, scoped, audited downloads), a returned fee
 * or risk claim corrected and resubmitted with its history, 就高不重复 against a declared other subsidy, and the fee
 * year's 公示 on the public page with objections (case number, public lookup), then its funding plan (大写金额, Excel).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema';
import { createWorldPlatform, guaranteed, numberedLoans, signInWorld, type World } from './helpers/loans-fixtures';
import { type FilePart, pdfPart, postAttachment, uploadAttachment } from './helpers/multipart';
import type { Session } from './helpers/session';
import type { TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let w: World;
let s: Record<string, Session>;
/** Bank A's ¥10,000,000 loans of e1 guaranteed by the guarantor; each call returns the new loan's id. */
const loan = numberedLoans('JM-GC-2026-', () => ({ w, bank: s.bankA! }), guaranteed);

async function relogin(who: (keyof World['users'])[]) {
  await signInWorld(p, w, s, who);
}

async function actionsOn(objectId: string): Promise<string[]> {
  const rows = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.objectId, objectId));
  return rows.map((r) => r.action);
}

const list = (who: string, ownerType: string, ownerId: string) =>
  s[who]!.get(`/api/v1/attachments?ownerType=${ownerType}&ownerId=${ownerId}`);

/** `who` POSTs a file for a fee claim (a payment voucher unless told). */
const feeClaimFile = (who: string, claimId: string, file: FilePart, kind = 'fee_voucher') =>
  postAttachment(s[who]!, { ownerType: 'guarantee_fee_claim', ownerId: claimId, kind }, file);

beforeAll(async () => {
  ({ p, w, s } = await createWorldPlatform());
  expect((await s.cityAdmin!.post('/api/v1/guarantee/fee-years', { year: 2026, budget: '80000.00' })).statusCode).toBe(
    201,
  );
  expect((await s.cityAdmin!.post('/api/v1/guarantee/pools', { year: 2026, budget: '5000000.00' })).statusCode).toBe(
    201,
  );
});
afterAll(async () => p.close());

describe('fee claims: vouchers, return and resubmission, 就高不重复', () => {
  let claimId: string;
  let voucherId: string;

  it('the guarantor files a claim and attaches its payment voucher; the upload is checked by content', async () => {
    const res = await s.guarantor!.post('/api/v1/guarantee/fee-claims', {
      loanId: await loan(),
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      feePaid: '100000.00',
      vouchers: ['DBF-2026-101'],
    });
    expect(res.statusCode, res.body).toBe(201);
    claimId = res.json().id;
    voucherId = await uploadAttachment(s.guarantor!, 'guarantee_fee_claim', claimId, 'fee_voucher');
    // Not a PDF or image by its bytes: refused whatever its name says.
    const bad = await feeClaimFile('guarantor', claimId, pdfPart('voucher.pdf', Buffer.from('just text')));
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    const wk = await feeClaimFile('guarantor', claimId, pdfPart('x.pdf'), 'collection_evidence');
    expect(wk.statusCode).toBe(400);
  });

  it('the vouchers are seen within the claim’s scope only, and every download is audited', async () => {
    for (const who of ['guarantor', 'e1', 'pengjiang', 'cityReviewer']) {
      expect((await list(who, 'guarantee_fee_claim', claimId)).json().items, who).toHaveLength(1);
    }
    for (const who of ['e2', 'xinhui', 'otherInsurer', 'bankB']) {
      expect((await list(who, 'guarantee_fee_claim', claimId)).json().items ?? [], who).toEqual([]);
      expect((await s[who]!.get(`/api/v1/attachments/${voucherId}/download`)).statusCode, who).toBe(404);
    }
    const dl = await s.pengjiang!.get(`/api/v1/attachments/${voucherId}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect(await actionsOn(voucherId)).toEqual(
      expect.arrayContaining(['attachment.uploaded', 'attachment.downloaded']),
    );
    // Another enterprise cannot add files to the claim (it does not even see it).
    const foreign = await feeClaimFile('e2', claimId, pdfPart('x.pdf'));
    expect(foreign.statusCode).toBe(404);
  });

  it('the district returns it with reasons; files stay open; the guarantor corrects and resubmits the same claim', async () => {
    const notReturned = await s.guarantor!.post(`/api/v1/guarantee/fee-claims/${claimId}/resubmit`, {
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      feePaid: '90000.00',
      vouchers: ['DBF-2026-101'],
    });
    expect(notReturned.statusCode).toBe(409);
    const ret = await s.pengjiang!.post(`/api/v1/guarantee/fee-claims/${claimId}/review`, {
      action: 'district_return',
      reasons: ['缴费凭证金额与申报不符，实际缴纳90000元'],
    });
    expect(ret.json().status).toBe('district_returned');
    await uploadAttachment(s.guarantor!, 'guarantee_fee_claim', claimId, 'fee_voucher');
    // Another institution does not see the claim: 404; the district cannot resubmit: 403.
    const body = {
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      feePaid: '90000.00',
      vouchers: ['DBF-2026-101', 'DBF-2026-102'],
      otherSubsidies: [{ name: '区级担保费补助', amount: '20000.00' }],
    };
    expect((await s.otherInsurer!.post(`/api/v1/guarantee/fee-claims/${claimId}/resubmit`, body)).statusCode).toBe(404);
    expect((await s.pengjiang!.post(`/api/v1/guarantee/fee-claims/${claimId}/resubmit`, body)).statusCode).toBe(403);
    const res = await s.guarantor!.post(`/api/v1/guarantee/fee-claims/${claimId}/resubmit`, body);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    // 90,000 × 50% = 45,000, above the district's 20,000: the city's subsidy stands (就高不重复).
    expect(c).toMatchObject({ status: 'submitted', feePaid: '90000.00', requested: '45000.00' });
    expect(c.otherSubsidies).toEqual([{ name: '区级担保费补助', amount: '20000.00' }]);
    expect(c.explanation.join('')).toContain('其他补贴均低于本项，按就高不重复原则享受本项补贴');
    expect(c.reviews.map((r: { action: string }) => r.action)).toEqual(['district_return', 'resubmit']);
    expect(c.reviews[0].reasons).toEqual(['缴费凭证金额与申报不符，实际缴纳90000元']);
    expect(await actionsOn(claimId)).toEqual(
      expect.arrayContaining(['guarantee.fee_claim_reviewed', 'guarantee.fee_claim_resubmitted']),
    );
  });

  it('a higher other subsidy of the same fee wins: nothing is asked of the city, and the claim says why', async () => {
    const res = await s.e1!.post('/api/v1/guarantee/fee-claims', {
      loanId: await loan(),
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      feePaid: '20000.00',
      vouchers: ['DBF-2026-201'],
      otherSubsidies: [{ name: '省级融资担保降费奖补', amount: '15000.00' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().requested).toBe('0.00');
    expect(res.json().explanation.join('')).toContain('就高不重复');
  });

  it('once the district has passed it, files can no longer be added', async () => {
    await s.pengjiang!.post(`/api/v1/guarantee/fee-claims/${claimId}/review`, { action: 'district_pass' });
    const late = await feeClaimFile('guarantor', claimId, pdfPart('late.pdf'));
    expect(late.statusCode).toBe(403);
  });
});

describe('risk claims: evidence, return and resubmission', () => {
  let claimId: string;
  const body = (over: Record<string, unknown> = {}) => ({
    defaultDate: '2026-09-30',
    outstandingPrincipal: '2000000.00',
    outstandingInterest: '0.00',
    collateralRealised: '400000.00',
    collectionSteps: '电话催收、上门催收、提起诉讼',
    evidence: ['催收记录', '起诉状'],
    ...over,
  });

  it('the bank attaches its collection and collateral evidence; the enterprise and other banks never see it', async () => {
    const res = await s.bankA!.post('/api/v1/guarantee/risk-claims', { loanId: await loan(), ...body() });
    expect(res.statusCode, res.body).toBe(201);
    claimId = res.json().id;
    const ev = await uploadAttachment(s.bankA!, 'risk_claim', claimId, 'collection_evidence');
    await uploadAttachment(s.bankA!, 'risk_claim', claimId, 'collateral_evidence');
    expect((await list('bankA', 'risk_claim', claimId)).json().items).toHaveLength(2);
    expect((await list('pengjiang', 'risk_claim', claimId)).json().items).toHaveLength(2);
    for (const who of ['e1', 'bankB', 'xinhui', 'guarantor']) {
      expect((await list(who, 'risk_claim', claimId)).json().items ?? [], who).toEqual([]);
      expect((await s[who]!.get(`/api/v1/attachments/${ev}/download`)).statusCode, who).toBe(404);
    }
  });

  it('the city returns it; the bank corrects the collateral and resubmits; the history is kept and audited', async () => {
    await s.pengjiang!.post(`/api/v1/guarantee/risk-claims/${claimId}/steps`, { action: 'district_pass' });
    expect((await s.bankA!.post(`/api/v1/guarantee/risk-claims/${claimId}/resubmit`, body())).statusCode).toBe(409);
    const noReason = await s.cityReviewer!.post(`/api/v1/guarantee/risk-claims/${claimId}/steps`, {
      action: 'city_return',
    });
    expect(noReason.statusCode).toBe(409);
    const ret = await s.cityReviewer!.post(`/api/v1/guarantee/risk-claims/${claimId}/steps`, {
      action: 'city_return',
      reason: '抵押物已拍卖，处置所得应为600000元',
    });
    expect(ret.json().status).toBe('city_returned');
    expect((await s.bankB!.post(`/api/v1/guarantee/risk-claims/${claimId}/resubmit`, body())).statusCode).toBe(404);
    const bad = await s.bankA!.post(
      `/api/v1/guarantee/risk-claims/${claimId}/resubmit`,
      body({ collateralRealised: '2000000.00' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('抵质押物处置');
    const res = await s.bankA!.post(
      `/api/v1/guarantee/risk-claims/${claimId}/resubmit`,
      body({ collateralRealised: '600000.00' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', collateralRealised: '600000.00', compensation: null });
    expect(res.json().steps.map((x: { action: string }) => x.action)).toEqual([
      'district_pass',
      'city_return',
      'resubmit',
    ]);
    expect(res.json().steps[1].reason).toBe('抵押物已拍卖，处置所得应为600000元');
    expect(await actionsOn(claimId)).toEqual(
      expect.arrayContaining(['guarantee.risk_claim_step', 'guarantee.risk_claim_resubmitted']),
    );
    // Files may be added again while it waits for the district.
    await uploadAttachment(s.bankA!, 'risk_claim', claimId, 'collateral_evidence');
  });
});

describe('the fee notice on the interest subsidy’s machinery: public page, objections, funding plan', () => {
  let noticeId: string;
  let entryId: string;
  let caseNo: string;
  let objectionId: string;

  it('the allocated year is published and listed on the public notices page with its entries', async () => {
    // The claim resubmitted above is passed by the district; the city verifies it.
    const claims = (await s.cityAdmin!.get('/api/v1/guarantee/fee-claims?year=2026')).json().items as {
      id: string;
      status: string;
    }[];
    for (const c of claims.filter((x) => x.status === 'district_passed'))
      await s.cityReviewer!.post(`/api/v1/guarantee/fee-claims/${c.id}/review`, { action: 'city_verify' });
    const early = await s.cityAdmin!.post('/api/v1/guarantee/fee-years/2026/funding-plan', {
      documentNumber: '江工信〔2026〕担保1号',
    });
    expect(early.statusCode).toBe(422);
    expect((await s.cityAdmin!.post('/api/v1/guarantee/fee-years/2026/allocate')).statusCode).toBe(200);
    const pub = await s.cityAdmin!.post('/api/v1/guarantee/fee-years/2026/notice', {});
    expect(pub.statusCode, pub.body).toBe(200);
    noticeId = pub.json().notice.id;
    const all = await p.app.inject({ method: 'GET', url: '/api/v1/public/notices' });
    const mine = all.json().items.find((n: { id: string }) => n.id === noticeId);
    expect(mine).toMatchObject({
      scheme: 'guarantee_fee',
      campaignId: null,
      campaignYear: 2026,
      title: '2026年度担保费补贴安排结果公示',
      totalAmount: '45000.00',
      entryCount: 1,
      phase: 'open',
    });
    const detail = await p.app.inject({ method: 'GET', url: `/api/v1/public/notices/${noticeId}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().entries).toEqual([
      expect.objectContaining({ seq: 1, enterpriseName: w.e1.name, districtName: '蓬江区', amount: '45000.00' }),
    ]);
    entryId = detail.json().entries[0].awardId;
  });

  it('anyone objects to an entry, gets a case number and looks the case up with the contact given', async () => {
    const wrong = await p.app.inject({
      method: 'POST',
      url: `/api/v1/public/notices/${noticeId}/objections`,
      payload: {
        name: '张三',
        contact: '13800000000',
        reason: '该企业担保费发票金额与实际不符，请核实',
        awardId: claimIdOfNobody(),
      },
    });
    expect(wrong.statusCode).toBe(400);
    const res = await p.app.inject({
      method: 'POST',
      url: `/api/v1/public/notices/${noticeId}/objections`,
      payload: {
        name: '张三',
        contact: '138-0000-0000',
        reason: '该企业担保费发票金额与实际不符，请核实',
        awardId: entryId,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    caseNo = res.json().caseNo;
    expect(caseNo).toMatch(/^YY2026-/);
    const look = await p.app.inject({
      method: 'POST',
      url: '/api/v1/public/notices/objection-lookup',
      payload: { caseNo, contact: '13800000000' },
    });
    expect(look.statusCode, look.body).toBe(200);
    expect(look.json()).toMatchObject({ caseNo, noticeTitle: '2026年度担保费补贴安排结果公示', status: 'open' });
    const other = await p.app.inject({
      method: 'POST',
      url: '/api/v1/public/notices/objection-lookup',
      payload: { caseNo, contact: '13900000000' },
    });
    expect(other.statusCode).toBe(404);
    const cases = await s.cityReviewer!.get(`/api/v1/subsidy/notices/${noticeId}/objections`);
    expect(cases.json().items).toEqual([expect.objectContaining({ caseNo, enterpriseName: w.e1.name })]);
    objectionId = cases.json().items[0].id;
  });

  it('the plan waits for the notice to end and the objection to close; then it is issued once with 大写金额', async () => {
    p.clock.set('2026-11-28T02:00:00Z');
    await relogin(['cityAdmin', 'cityReviewer', 'e1', 'guarantor']);
    const open = await s.cityAdmin!.post('/api/v1/guarantee/fee-years/2026/funding-plan', {
      documentNumber: '江工信〔2026〕担保1号',
    });
    expect(open.statusCode).toBe(422);
    expect(open.json().error.message).toContain('异议');
    const revoke = await s.cityReviewer!.post(`/api/v1/subsidy/objections/${objectionId}/handle`, {
      status: 'closed',
      outcome: 'upheld',
      note: '经核实发票金额有误',
      revokeAward: true,
    });
    expect(revoke.statusCode).toBe(400);
    const closed = await s.cityReviewer!.post(`/api/v1/subsidy/objections/${objectionId}/handle`, {
      status: 'closed',
      outcome: 'rejected',
      note: '经核实，担保费发票与缴费凭证一致，异议不成立',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const look = await p.app.inject({
      method: 'POST',
      url: '/api/v1/public/notices/objection-lookup',
      payload: { caseNo, contact: '13800000000' },
    });
    expect(look.json()).toMatchObject({ status: 'closed', outcome: 'rejected' });
    expect(
      (
        await s.cityReviewer!.post('/api/v1/guarantee/fee-years/2026/funding-plan', {
          documentNumber: '江工信〔2026〕担保1号',
        })
      ).statusCode,
    ).toBe(403);
    const plan = await s.cityAdmin!.post('/api/v1/guarantee/fee-years/2026/funding-plan', {
      documentNumber: '江工信〔2026〕担保1号',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect(plan.json()).toMatchObject({
      scheme: 'guarantee_fee',
      campaignYear: 2026,
      title: '2026年度担保费补贴资金安排计划',
      total: '45000.00',
      totalCapitals: '肆万伍仟元整',
      itemCount: 1,
      items: [expect.objectContaining({ enterpriseName: w.e1.name, amount: '45000.00' })],
    });
    expect(plan.json().basis).toContain('三（五）1');
    const again = await s.cityAdmin!.post('/api/v1/guarantee/fee-years/2026/funding-plan', {
      documentNumber: '江工信〔2026〕担保2号',
    });
    expect(again.statusCode).toBe(409);
    const read = await s.guarantor!.get('/api/v1/guarantee/fee-years/2026/funding-plan');
    expect(read.json().documentNumber).toBe('江工信〔2026〕担保1号');
    const xlsx = await s.e1!.get('/api/v1/guarantee/fee-years/2026/funding-plan/xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const years = (await s.e1!.get('/api/v1/guarantee/fee-years')).json().items;
    expect(years[0]).toMatchObject({ status: 'plan_issued', plan: { documentNumber: '江工信〔2026〕担保1号' } });
    const events = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, years[0].id), eq(auditEvents.action, 'guarantee.fee_plan_issued')));
    expect(events).toHaveLength(1);
  });
});

function claimIdOfNobody(): string {
  return '00000000-0000-4000-8000-000000000000';
}
