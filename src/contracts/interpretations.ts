/**
 * The register of interpretations (解释口径): the named readings of ambiguous clauses, the platform's default and
 * the bureau's rulings (which option, under which notice, for decisions from which date on). A ruling is recorded
 * by a city administrator and approved by another city account (maker–checker).
 */
import { z } from 'zod';
import { INTERPRETATIONS } from '../domain/policies/interpretations';
import { zDate } from './calculators';
import { text } from './fields';

export const ZRulingInput = z
  .strictObject({
    interpretationId: z
      .string()
      .refine((id) => INTERPRETATIONS.has(id), { error: '没有这一解释口径' })
      .describe('解释口径'),
    option: text(64, '采用的读法'),
    effectiveFrom: zDate('适用起始日期（自该日起的决定按此读法）'),
    notice: text(100, '裁定所依据的通知文号'),
    noticeDate: zDate('通知日期'),
    reason: text(2000, '裁定理由'),
  })
  .refine((v) => v.noticeDate <= v.effectiveFrom, {
    error: '适用起始日期不能早于通知日期（裁定只对此后的决定生效）',
    path: ['effectiveFrom'],
  });
export type TRulingInput = z.infer<typeof ZRulingInput>;

export const ZRulingPath = z.object({
  id: z.uuid({ error: '应为裁定编号' }).describe('裁定编号'),
});

export const ZRulingsQuery = z.object({
  asOf: zDate('查询日期').optional(),
});

export const ZRuling = z.object({
  id: z.string().describe('裁定编号'),
  interpretationId: z.string(),
  option: z.string(),
  optionLabel: z.string(),
  effectiveFrom: z.string(),
  notice: z.string(),
  noticeDate: z.string(),
  reason: z.string(),
  status: z.enum(['draft', 'approved']).describe('记录状态'),
  recordedBy: z.string(),
  recordedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type TRuling = z.infer<typeof ZRuling>;

export const ZInterpretation = z.object({
  id: z.string().describe('解释口径编号'),
  policyId: z.string(),
  title: z.string(),
  citation: z.string().describe('所解释的条款'),
  quote: z.string().nullable(),
  question: z.string(),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  defaultOption: z.string(),
  defaultReason: z.string(),
  engineSwitches: z.boolean().describe('计算引擎是否按裁定切换读法'),
  /** The reading in force on the date asked, with the ruling it follows (null: the default). */
  inForce: z.object({ option: z.string(), optionLabel: z.string(), rulingId: z.string().nullable() }),
  /** Every ruling, oldest first (drafts only for city reviewers and administrators). */
  rulings: z.array(ZRuling),
});
export type TInterpretation = z.infer<typeof ZInterpretation>;

export const ZInterpretationList = z.object({
  asOf: z.string(),
  interpretations: z.array(ZInterpretation),
});
export type TInterpretationList = z.infer<typeof ZInterpretationList>;

export const ZRulingCreated = z.object({ id: z.string().describe('裁定编号') });
