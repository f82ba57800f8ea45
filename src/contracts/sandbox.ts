/**
 * The what-if sandbox (政策沙盘) of a subsidy campaign: a scenario changes the budget, the allocation mode, the
 * ratio schedule or the cap; the answer sets the scenario's outcome beside the live one over the campaign's real
 * verified applications, with the differences. Nothing is stored and no live record or version changes.
 */
import { z } from 'zod';
import { itemList } from './fields';
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

// ——— saved scenarios, compared side by side ———

export const ZSaveScenario = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, { error: '请填写方案名称' })
      .max(60, { error: '不能超过60个字' })
      .describe('方案名称'),
    scenario: ZSandboxScenario,
  })
  .describe('保存的模拟方案');
export type TSaveScenario = z.infer<typeof ZSaveScenario>;

/** The outcome of a scenario when it was saved (the sandbox's answer without the per-application list). */
export const ZScenarioSummary = z.object({
  applications: z.number().int(),
  live: ZSide,
  scenario: ZSide,
  byDistrict: z.array(ZGroup),
  byMonth: z.array(ZGroup),
  losers: z.number().int(),
  gainers: z.number().int(),
  lost: z.string().describe('减少金额合计'),
  gained: z.string().describe('增加金额合计'),
  changed: z.array(z.string()),
});
export type TScenarioSummary = z.infer<typeof ZScenarioSummary>;

export const ZSavedScenario = z.object({
  id: z.string(),
  campaignId: z.string(),
  name: z.string(),
  parameters: ZSandboxScenario,
  summary: ZScenarioSummary,
  savedBy: z.string(),
  savedAt: z.string(),
});
export type TSavedScenario = z.infer<typeof ZSavedScenario>;

export const ZSavedScenarioList = itemList(ZSavedScenario);

export const ZCompareScenarios = z
  .strictObject({
    scenarioIds: z
      .array(z.uuid({ error: '方案编号格式不正确' }))
      .min(2, { error: '请至少选择两个方案' })
      .max(6, { error: '最多同时比较6个方案' })
      .describe('要比较的方案'),
  })
  .describe('方案对比');
export type TCompareScenarios = z.infer<typeof ZCompareScenarios>;

const ZCompareColumn = z.object({
  /** 'live' for the live parameters, otherwise the scenario's id. */
  key: z.string(),
  name: z.string(),
  savedAt: z.string().nullable(),
  changed: z.array(z.string()),
  budget: z.string(),
  funded: z.number().int(),
  awarded: z.string(),
  remaining: z.string(),
  losers: z.number().int(),
  gainers: z.number().int(),
  lost: z.string(),
  gained: z.string(),
});

const ZCompareRow = z.object({ key: z.string(), label: z.string(), values: z.array(z.string()) });

export const ZScenarioComparison = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  applications: z.number().int(),
  columns: z.array(ZCompareColumn).describe('现行参数在前，其后为各方案'),
  byDistrict: z.array(ZCompareRow).describe('按县（市、区）的安排金额，与各列对应'),
  byMonth: z.array(ZCompareRow).describe('按入库申报月份的安排金额，与各列对应'),
});
export type TScenarioComparison = z.infer<typeof ZScenarioComparison>;

export const ZCompareExportQuery = z.strictObject({
  ids: z
    .string()
    .trim()
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(ZCompareScenarios.shape.scenarioIds)
    .describe('要比较的方案（以逗号分隔）'),
});

/** The sandbox of a draft policy version: the campaign whose real applications it runs on. */
export const ZDraftSandboxInput = z
  .strictObject({ campaignId: z.uuid({ error: '请选择贴息申报批次' }).describe('贴息申报批次') })
  .describe('版本草稿测算');
