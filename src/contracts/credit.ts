/**
 * The enterprise credit profile (企业画像, 002 三（三）2) with its transparent score, digital-level assessments
 * (三（四）2), the profile's view log, and risk warnings (风险预警) with their acknowledgements.
 */
import { z } from 'zod';
import { SCORE_RULE_KEYS } from '../domain/credit/params';
import { WARNING_KINDS, WARNING_LEVELS } from '../domain/credit/warnings';
import { ZIsoDate } from './common';
import { itemList, text } from './fields';

export const ZCreditEnterpriseId = z.object({ id: z.uuid({ error: '企业编号格式不正确' }).describe('企业编号') });
export const ZCreditWarningId = z.object({ id: z.uuid({ error: '预警编号格式不正确' }).describe('预警编号') });

export const ZProfileItem = z.object({
  label: z.string().describe('事项'),
  value: z.string().describe('内容'),
  source: z.string().describe('来源'),
  date: z.string().nullable().describe('日期'),
});

export const ZProfileSection = z.object({
  key: z.string().describe('栏目'),
  title: z.string().describe('栏目名称'),
  items: z.array(ZProfileItem).describe('事项'),
});

export const ZScoreLine = z.object({
  rule: z.enum(SCORE_RULE_KEYS).describe('规则'),
  label: z.string().describe('规则名称'),
  fact: z.string().describe('依据的事实'),
  points: z.number().int().describe('加减分'),
  ruleText: z.string().describe('规则内容'),
  citation: z.string().describe('依据条款'),
  ruleFrom: z.string().describe('规则施行日期'),
});

export const ZCreditScore = z.object({
  score: z.number().int().describe('评分'),
  base: z.number().int().describe('基础分'),
  lines: z.array(ZScoreLine).describe('评分明细'),
  reading: z.string().describe('评分口径（平台解读）'),
});

export const ZDigitalLevel = z.object({
  id: z.string(),
  level: z.number().int().describe('等级'),
  levelName: z.string().describe('等级名称'),
  score: z.string().describe('评测得分'),
  assessedOn: z.string().describe('评测日期'),
  validTo: z.string().describe('有效期至'),
  assessor: z.string().describe('评测机构'),
  evidence: z.string().describe('评测依据'),
  valid: z.boolean().describe('是否在有效期内'),
});

export const ZCreditProfile = z.object({
  enterpriseId: z.string(),
  name: z.string().describe('企业名称'),
  uscc: z.string().describe('统一社会信用代码'),
  asOf: z.string().describe('画像日期'),
  sections: z.array(ZProfileSection).describe('画像栏目'),
  score: ZCreditScore,
  digitalLevels: z.array(ZDigitalLevel).describe('数字化水平评测'),
  openWarnings: z.number().int().describe('未关闭的风险预警'),
  sharedNote: z.string().describe('共享说明'),
});
export type TCreditProfile = z.infer<typeof ZCreditProfile>;

export const ZProfileSummary = z.object({
  enterpriseId: z.string(),
  name: z.string().describe('企业名称'),
  districtCode: z.string().nullable().describe('所在区'),
  creditStatus: z.string().describe('信用状况'),
});
export const ZProfileSummaryList = itemList(ZProfileSummary);
export type TProfileSummary = z.infer<typeof ZProfileSummary>;

export const ZProfileView = z.object({
  id: z.string(),
  viewerName: z.string().describe('查看人'),
  organisation: z.string().describe('所属机构'),
  viewedAt: z.string().describe('查看时间'),
});
export const ZProfileViewList = itemList(ZProfileView);
export type TProfileView = z.infer<typeof ZProfileView>;

export const ZDigitalLevelInput = z
  .object({
    level: z
      .number({ error: '应为1～4的整数' })
      .int({ error: '应为1～4的整数' })
      .min(1, { error: '应为1～4的整数' })
      .max(4, { error: '应为1～4的整数' })
      .describe('数字化水平等级'),
    score: z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: '应为不超过两位小数的分数，如 72.5' })
      .describe('评测得分'),
    assessedOn: ZIsoDate('评测日期'),
    validTo: ZIsoDate('有效期至'),
    assessor: text(100, '评测机构'),
    evidence: text(500, '评测依据'),
  })
  .refine((v) => v.validTo >= v.assessedOn, { path: ['validTo'], error: '有效期不能早于评测日期' });
export type TDigitalLevelInput = z.infer<typeof ZDigitalLevelInput>;

export const ZWarningDelivery = z.object({
  audience: z.enum(['bank', 'district']).describe('接收方类型'),
  recipient: z.string().describe('接收方'),
  exposure: z.string().nullable().describe('关联业务'),
  acknowledgedAt: z.string().nullable().describe('确认时间'),
  acknowledgedByName: z.string().nullable().describe('确认人'),
  actionTaken: z.string().nullable().describe('处理措施'),
});

export const ZCreditWarning = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string().describe('企业名称'),
  kind: z.enum(WARNING_KINDS).describe('预警事项'),
  kindName: z.string().describe('预警事项名称'),
  level: z.enum(WARNING_LEVELS).describe('预警等级'),
  levelName: z.string().describe('预警等级名称'),
  reason: z.string().describe('预警原因'),
  raisedAt: z.string().describe('预警时间'),
  status: z.enum(['open', 'closed']).describe('状态'),
  closedAt: z.string().nullable().describe('关闭时间'),
  closeReason: z.string().nullable().describe('关闭原因'),
  deliveries: z.array(ZWarningDelivery).describe('接收方'),
  /** The reader's own delivery, when it has one still to acknowledge. */
  mine: z.object({ acknowledged: z.boolean(), actionTaken: z.string().nullable() }).nullable().describe('本机构的确认'),
});
export type TCreditWarning = z.infer<typeof ZCreditWarning>;
export const ZCreditWarningList = z.object({
  items: z.array(ZCreditWarning),
  total: z.number().int(),
  reading: z.string().describe('预警口径（平台解读）'),
});

export const ZWarningListQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open').describe('状态'),
  enterpriseId: z.uuid({ error: '企业编号格式不正确' }).optional().describe('企业编号'),
});

export const ZAcknowledgeInput = z.object({ actionTaken: text(500, '处理措施') });
export type TAcknowledgeInput = z.infer<typeof ZAcknowledgeInput>;

export const ZCreditSweepResult = z.object({
  raised: z.number().int().describe('新发预警'),
});

export const ZCreditCreated = z.object({ id: z.string().describe('编号') });
export const ZAcknowledged = z.object({
  id: z.string().describe('预警编号'),
  status: z.enum(['open', 'closed']).describe('预警状态'),
});
