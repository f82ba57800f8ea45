/**
 * The what-if sandbox (政策沙盘) of a subsidy campaign: a scenario changes the budget, the allocation mode, the
 * ratio schedule or the cap; the answer sets the scenario's outcome beside the live one over the campaign's real
 * verified applications, with the differences. Nothing is stored and no live record or version changes.
 */
import { z } from 'zod';
import { ALLOCATION_MODES, ZYuan } from './subsidy';

const zRatio = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/, { error: '应为0至1之间的小数，如 0.80' })
    .describe(label);

export const ZSandboxScenario = z
  .strictObject({
    budget: ZYuan('预算（元，模拟）').optional(),
    allocationMode: z.enum(ALLOCATION_MODES).optional().describe('分配方式（模拟）'),
    firstYearRatio: zRatio('第一年补助比例（模拟）').optional(),
    annualDecrement: zRatio('补助比例每年递减（模拟）').optional(),
    enterpriseCap: ZYuan('单个企业累计补助上限（元，模拟）').optional(),
  })
  .describe('模拟方案');
export type TSandboxScenario = z.infer<typeof ZSandboxScenario>;

const ZSide = z.object({
  budget: z.string(),
  awarded: z.string(),
  remaining: z.string(),
  funded: z.number().int(),
  mode: z.enum(ALLOCATION_MODES),
});

const ZGroup = z.object({
  key: z.string(),
  label: z.string(),
  live: z.string(),
  scenario: z.string(),
  difference: z.string(),
});

export const ZSandboxResult = z.object({
  campaignId: z.string(),
  applications: z.number().int().describe('参与测算的已核实申请数'),
  live: ZSide.describe('现行参数下的结果'),
  scenario: ZSide.describe('模拟方案下的结果'),
  byDistrict: z.array(ZGroup).describe('按县（市、区）'),
  byMonth: z.array(ZGroup).describe('按入库申报月份'),
  losers: z.number().int(),
  gainers: z.number().int(),
  changes: z
    .array(
      z.object({
        applicationId: z.string(),
        enterpriseName: z.string(),
        district: z.string(),
        declarationMonth: z.string(),
        live: z.string(),
        scenario: z.string(),
        difference: z.string(),
      }),
    )
    .describe('金额有变化的申请（减少最多的在前）'),
  /** The parameters the scenario changed, in Chinese. */
  changed: z.array(z.string()).describe('模拟方案调整的参数'),
});
export type TSandboxResult = z.infer<typeof ZSandboxResult>;
