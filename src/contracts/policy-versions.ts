/**
 * Policy versions recorded from renewal notices (政银保 第十五条 runs to 2026-12-31; the city renews by notice).
 * A version names its notice, its validity, the pasted text and the parameters it changes, each value with the
 * notice's article (headings as printed, plus words the clause contains). Values are strings by kind: ratios as
 * decimals ("0.80"), money as yuan ("1000000.00"), dates ISO, whole numbers as digits.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/calendar/dates';
import { isHeading } from '../domain/policies/core/citation';
import { ZYB_PARAM_KINDS, ZYB_VERSION_KEYS } from '../domain/policies/zyb/versions';
import { zDate } from './calculators';
import { text } from './fields';

export const ZArticle = z
  .strictObject({
    ref: z
      .array(
        z
          .string()
          .trim()
          .refine(isHeading, { error: '应为条款标记，如“第五条”“三、”“（二）”“1.”' })
          .describe('条款标记'),
      )
      .min(1, { error: '至少写明一级条款' })
      .max(5)
      .describe('条款'),
    quote: text(200, '条款原文摘录'),
  })
  .describe('所依据的条款');
export type TArticle = z.infer<typeof ZArticle>;

const KIND_RE: Record<string, RegExp> = {
  ratio: /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/,
  money: /^\d{1,15}(\.\d{1,2})?$/,
  integer: /^\d{1,4}$/,
};
const KIND_HINT: Record<string, string> = {
  ratio: '应为0至1之间的小数，如 "0.80"',
  money: '应为金额（元），最多两位小数，如 "1000000.00"',
  integer: '应为整数',
  date: '应为有效日期（YYYY-MM-DD）',
};

export const ZParamChange = z
  .strictObject({ value: z.string().trim().min(1).max(32).describe('新值'), article: ZArticle })
  .describe('参数调整');
type TParamChange = z.infer<typeof ZParamChange>;

/**
 * The parameters a renewal notice changes, each one optional; `problem` says what is wrong with a new value (null
 * when it is fine), under that parameter's value.
 */
export function paramChanges<K extends string>(keys: readonly K[], problem: (key: K, value: string) => string | null) {
  const shape = Object.fromEntries(keys.map((k) => [k, ZParamChange.optional()])) as Record<
    K,
    z.ZodOptional<typeof ZParamChange>
  >;
  return z
    .strictObject(shape)
    .superRefine((changes, ctx) => {
      for (const [k, c] of Object.entries(changes) as [K, TParamChange | undefined][]) {
        if (!c) continue;
        const message = problem(k, c.value);
        if (message) ctx.addIssue({ code: 'custom', path: [k, 'value'], message });
      }
    })
    .describe('调整的参数');
}

/** The notice a renewal is registered from: its number, title, issuer, dates (written with `date`) and full text. */
export const renewalNoticeFields = (date: (label: string) => z.ZodString) => ({
  docNumber: text(64, '文号'),
  title: text(200, '文件标题'),
  issuer: text(100, '发文机关'),
  issuedOn: date('发文日期'),
  validFrom: date('施行日期'),
  validTo: date('有效期截止日期').nullable(),
  sourceText: z.string().min(20, { error: '请粘贴通知全文' }).max(100_000).describe('通知原文'),
});

/** A notice's validity ends on or after the day it takes effect. */
export const VALIDITY_IN_ORDER: [
  (v: { validFrom: string; validTo: string | null }) => boolean,
  { error: string; path: string[] },
] = [
  (v) => v.validTo === null || v.validFrom <= v.validTo,
  { error: '有效期截止日期不能早于施行日期', path: ['validTo'] },
];

/** What the notice changes; stored as the version's `params` (validated again when read back). */
export const ZPolicyVersionParams = z
  .strictObject({
    validityArticle: ZArticle.describe('有效期条款'),
    changes: paramChanges(ZYB_VERSION_KEYS, (k, value) => {
      const kind = ZYB_PARAM_KINDS[k];
      const ok = kind === 'date' ? isIsoDate(value) : KIND_RE[kind]!.test(value);
      return ok ? null : KIND_HINT[kind]!;
    }),
  })
  .describe('政策参数');

export const ZPolicyVersionInput = z
  .strictObject({ ...renewalNoticeFields(zDate), params: ZPolicyVersionParams })
  .refine(...VALIDITY_IN_ORDER);
export type TPolicyVersionInput = z.infer<typeof ZPolicyVersionInput>;

export const ZPolicyVersionPath = z.object({
  id: z
    .string()
    .regex(/^(zyb\.000|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, { error: '应为版本编号' })
    .describe('版本编号'),
});
export const ZCreated = z.object({ id: z.string().describe('版本编号') });
export const ZApproved = z.object({
  id: z.string().describe('版本编号'),
  superseded: z.array(z.string()).describe('因此被替代的版本'),
});
export const ZPolicyVersionsQuery = z.object({
  asOf: zDate('查询日期').optional(),
});

export const ZVersionChange = z.object({
  key: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string(),
  citation: z.string(),
  quote: z.string().nullable(),
});

export const ZPolicyVersion = z.object({
  id: z.string().describe('版本编号（代码中的第一版为 zyb.000）'),
  policyId: z.string(),
  docNumber: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: z.enum(['draft', 'approved', 'superseded']).describe('记录状态'),
  /** On the date asked: in force, not yet, expired, superseded; null for drafts. */
  statusOn: z.enum(['in_force', 'not_yet', 'expired', 'superseded']).nullable().describe('在查询日期的状态'),
  builtIn: z.boolean().describe('是否为代码内置的第一版'),
  draftedBy: z.string().nullable(),
  draftedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  validityCitation: z.string(),
  changes: z.array(ZVersionChange).describe('与上一版本相比的变化'),
});
export type TPolicyVersion = z.infer<typeof ZPolicyVersion>;

export const ZPolicyVersionDetail = ZPolicyVersion.extend({
  sourceText: z.string().nullable(),
  params: ZPolicyVersionParams.nullable(),
});
export type TPolicyVersionDetail = z.infer<typeof ZPolicyVersionDetail>;

export const ZPolicyVersionList = z.object({
  policyId: z.string(),
  asOf: z.string(),
  versions: z.array(ZPolicyVersion),
});
export type TPolicyVersionList = z.infer<typeof ZPolicyVersionList>;
