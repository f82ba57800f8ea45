/**
 * Messages a person reads name the field by its Chinese label only: no field keys, no machine paths, no raw codes
 * (district codes, enterprise types, `outside`); the machine path stays in `fields[].path`. Amounts are refused in
 * the person's terms (a negative amount is not told about decimals; 1e30 is too large).
 */
import { describe, expect, it } from 'vitest';
import { ZRegisterEnterprise } from '../src/contracts/enterprises';
import { ZCancelLoan, ZCreateLoan } from '../src/contracts/loans';
import { ZDeclarationDraft, ZDistrictReview } from '../src/contracts/projects';
import { ZLodgeObjection, ZReviewApplication, ZSubmitApplication } from '../src/contracts/subsidy';
import { describeIssues, type IssueLike } from '../src/contracts/validation';
import { createTestPlatform } from './helpers/test-app';

/** A Latin word of three letters or more: a field key, a code or a machine path leaking into a message. */
const LATIN_WORD = /[A-Za-z_]{3,}/;

function messagesOf(schema: Parameters<typeof describeIssues>[1], input: unknown) {
  const r = schema!.safeParse(input);
  if (r.success) throw new Error('expected the input to be refused');
  return describeIssues(r.error.issues as unknown as IssueLike[], schema, 'zh');
}

describe('validation messages name fields in Chinese only', () => {
  it('a missing field is named by its label, its key stays in the path', () => {
    const fields = messagesOf(ZRegisterEnterprise, {});
    const uscc = fields.find((f) => f.path === 'uscc')!;
    expect(uscc.message).toBe('统一社会信用代码为必填项');
    for (const f of fields) expect(f.message).not.toMatch(LATIN_WORD);
  });

  it('a choice outside the list does not list machine codes', () => {
    const fields = messagesOf(ZRegisterEnterprise, { type: 'bank', districtCode: '999999' });
    const type = fields.find((f) => f.path === 'type')!;
    expect(type.message).toBe('企业类型不是可选的值，请从列表中选择');
    const district = fields.find((f) => f.path === 'districtCode')!;
    expect(district.message).toMatch(/^所在县（市、区）不是可选的值/);
    expect(district.message).not.toMatch(/440703|outside/);
  });

  it('a field inside a list is named with its row number', () => {
    const fields = messagesOf(ZDeclarationDraft, { investments: [{ item: '软件', amount: '12.345' }] });
    expect(fields[0]).toMatchObject({
      path: 'investments.0.amount',
      message: '第 1 行计划投资金额最多两位小数（精确到分）',
    });
  });

  it('an empty list and an empty reason are named by their labels', () => {
    const loans = messagesOf(ZSubmitApplication, { loans: [] }).find((f) => f.path === 'loans')!;
    expect(loans.message).toBe('申请贴息的贷款至少需要 1 项');
    const reason = messagesOf(ZReviewApplication, { action: 'return', reasons: [''], version: 1 }).find(
      (f) => f.path === 'reasons.0',
    )!;
    expect(reason.message).toBe('第 1 行退回原因不能为空');
  });

  it.each([
    ['-100', '第 1 行计划投资金额必须大于 0，不能为负数'],
    ['1e30', '第 1 行计划投资金额金额过大，最多 13 位整数（元）'],
    ['100000000000000000000000000000', '第 1 行计划投资金额金额过大，最多 13 位整数（元）'],
    ['一百', '第 1 行计划投资金额应为金额（元），如 27000.00'],
  ])('the investment amount %s is refused as "%s"', (amount, message) => {
    expect(messagesOf(ZDeclarationDraft, { investments: [{ item: '软件', amount }] })[0]!.message).toBe(message);
  });

  it('a negative loan amount is told it must be greater than 0', () => {
    const f = messagesOf(ZCreateLoan, { amount: '-5000' }).find((x) => x.path === 'amount')!;
    expect(f.message).toBe('贷款金额必须大于 0，不能为负数');
  });
});

describe('a reason must say something in words', () => {
  const ID = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
  it.each([
    [
      'an objection of emoji',
      ZLodgeObjection,
      { name: '张三', contact: '13800000000', reason: '👎👎👎👎👎👎👎👎👎👎' },
      'reason',
    ],
    [
      'an objection of punctuation',
      ZLodgeObjection,
      { name: '张三', contact: '13800000000', reason: '！！！。。。？？？？' },
      'reason',
    ],
    ['a return reason of emoji', ZReviewApplication, { action: 'return', reasons: ['🙅'], version: 1 }, 'reasons.0'],
    ['a district return of punctuation', ZDistrictReview, { ids: [ID], decision: 'return', reason: '……' }, 'reason'],
    ['a loan cancellation of emoji', ZCancelLoan, { version: 1, reason: '❌❌' }, 'reason'],
  ])('%s is refused', (_name, schema, input, path) => {
    const f = messagesOf(schema, input).find((x) => x.path === path)!;
    expect(f.message).toContain('须用文字写明，不能只有表情、标点或空格');
  });

  it('a reason in words with an emoji is accepted', () => {
    const r = ZLodgeObjection.safeParse({ name: '张三', contact: '13800000000', reason: '该企业贷款已逾期未还 👎' });
    expect(r.success).toBe(true);
  });

  it('a whitespace-only objection is refused as empty', () => {
    const f = messagesOf(ZLodgeObjection, { name: '   ', contact: '13800000000', reason: '  \t  ' });
    expect(f.find((x) => x.path === 'name')!.message).toBe('异议人姓名或单位不能为空');
    expect(f.find((x) => x.path === 'reason')!.message).toBe('异议理由至少 10 个字符');
  });
});

describe('the API sweep: refusals carry no field keys', () => {
  it('registration, a loan and a user with bad input answer in Chinese terms only', async () => {
    const p = await createTestPlatform();
    try {
      const res = await p.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises/register',
        payload: { type: 'manufacturer_x', districtCode: 'nowhere', account: {} },
      });
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.message).not.toMatch(LATIN_WORD);
      for (const f of error.fields) expect(f.message).not.toMatch(LATIN_WORD);
      expect(error.fields.map((f: { path: string }) => f.path)).toEqual(
        expect.arrayContaining(['uscc', 'type', 'districtCode', 'account.username']),
      );
    } finally {
      await p.close();
    }
  });
});
