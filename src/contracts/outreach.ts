/**
 * Outreach (002 三（一））: white lists pushed to banks with their visits, match-making events with registrations,
 * wishes, one-to-one meetings and outcomes, and the financing statistics. Money is a decimal yuan string.
 */
import { z } from 'zod';
import { DISTRICT_CODES } from '../domain/enterprise/districts';
import { zDate } from './calculators';
import { optText, text } from './fields';
import { ZYuan } from './projects';

const ZUuid = (label: string) => z.uuid({ error: '应为编号（UUID）' }).describe(label);

export const ZOutreachId = z.object({ id: ZUuid('编号') });
export const ZOutreachEntryParams = z.object({ id: ZUuid('白名单编号'), entryId: ZUuid('名单条目编号') });
export const ZOutreachMeetingParams = z.object({ id: ZUuid('对接会编号'), meetingId: ZUuid('对接洽谈编号') });
export const ZOutreachRegistrationParams = z.object({ id: ZUuid('对接会编号'), registrationId: ZUuid('报名编号') });

// ---------- white lists ----------

export const ZWhitelistCriteria = z.strictObject({
  libraryProject: z.boolean().describe('仅项目库入库企业'),
  resourcePool: z.boolean().describe('仅资源池企业'),
  creditGood: z.boolean().describe('仅信用良好企业'),
  smeOnly: z.boolean().describe('仅中小企业'),
  districts: z
    .array(z.enum(DISTRICT_CODES as unknown as [string, ...string[]]).describe('县（市、区）'))
    .max(20)
    .describe('县（市、区），不选为全市'),
  minDigitalLevel: z.number().int().min(1).max(4).nullable().describe('最低数字化水平（级）'),
});
export type TWhitelistCriteria = z.infer<typeof ZWhitelistCriteria>;

export const ZWhitelistInput = z.strictObject({
  title: text(60, '名单名称'),
  periodOf: zDate('所属推送期内的任一日期'),
  criteria: ZWhitelistCriteria,
  bankIds: z.array(ZUuid('合作银行')).min(1, { error: '至少选择一家合作银行' }).max(50).describe('推送的合作银行'),
});
export type TWhitelistInput = z.infer<typeof ZWhitelistInput>;

export const ZManualEntryInput = z.strictObject({
  enterpriseId: ZUuid('企业'),
  category: z.enum(['pilot', 'tech_upgrade', 'other']).describe('手工加入的依据类别'),
  reason: text(300, '加入理由'),
});
export type TManualEntryInput = z.infer<typeof ZManualEntryInput>;

export const ZFilterPreview = z.object({
  items: z.array(
    z.object({
      enterpriseId: z.string(),
      name: z.string(),
      districtCode: z.string().nullable(),
      included: z.boolean(),
      reason: z.string(),
      failed: z.array(z.string()),
    }),
  ),
});

export const ZCoverage = z.object({
  entries: z.number().int(),
  visited: z.number().int(),
  percent: z.string().nullable().describe('覆盖率（%，两位小数）'),
  goalPercent: z.number(),
  meetsGoal: z.boolean(),
  explanation: z.string(),
});

export const ZVisitInput = z.strictObject({
  visitedOn: zDate('走访日期'),
  method: z.enum(['onsite', 'phone', 'online']).describe('走访方式'),
  outcome: z.enum(['intention', 'applied', 'no_need', 'not_reached']).describe('对接结果'),
  intentionAmount: ZYuan('意向金额（元）').nullable(),
  note: optText(500, '走访情况'),
});
export type TVisitInput = z.infer<typeof ZVisitInput>;

export const ZVisit = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  visitedOn: z.string(),
  method: z.string(),
  outcome: z.string(),
  outcomeZh: z.string(),
  intentionAmount: z.string().nullable(),
  note: z.string(),
  recordedAt: z.string(),
});

export const ZWhitelistEntry = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtCode: z.string().nullable(),
  source: z.enum(['filter', 'manual']),
  category: z.string().nullable(),
  reason: z.string(),
  visits: z.array(ZVisit),
});

export const ZWhitelistSummary = z.object({
  id: z.string(),
  title: z.string(),
  periodCode: z.string(),
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  schedule: z.string(),
  banks: z.array(z.object({ id: z.string(), name: z.string() })),
  entries: z.number().int(),
  coverage: ZCoverage,
});
export type TWhitelistSummary = z.infer<typeof ZWhitelistSummary>;

export const ZWhitelist = ZWhitelistSummary.extend({
  criteria: ZWhitelistCriteria,
  items: z.array(ZWhitelistEntry),
  coverageByBank: z.array(ZCoverage.extend({ institutionId: z.string(), institutionName: z.string() })),
});
export type TWhitelist = z.infer<typeof ZWhitelist>;
export const ZWhitelistList = z.object({
  items: z.array(ZWhitelistSummary),
  nextDue: z.string().nullable(),
  reading: z.string().describe('推送周期的平台口径'),
});

// ---------- events ----------

const ZTime = (label: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '应为时刻（HH:MM）' })
    .describe(label);
export const ZSlot = z.strictObject({ start: ZTime('开始时刻'), end: ZTime('结束时刻') });

export const ZEventInput = z.strictObject({
  theme: text(80, '对接会主题'),
  heldOn: zDate('举办日期'),
  mode: z.enum(['onsite', 'online']).describe('举办方式'),
  place: text(120, '地点或线上会议链接'),
  slots: z.array(ZSlot).min(1, { error: '至少设置一个时段' }).max(24).describe('洽谈时段'),
});
export type TEventInput = z.infer<typeof ZEventInput>;

export const ZRegistrationInput = z.strictObject({
  /** The city registers a party on its behalf; a party registering itself leaves both null. */
  institutionId: ZUuid('机构').nullable(),
  enterpriseId: ZUuid('企业').nullable(),
  wishes: z.array(ZUuid('希望对接的对象')).max(50).describe('希望对接的对象'),
  contactName: text(30, '参会联系人'),
});
export type TRegistrationInput = z.infer<typeof ZRegistrationInput>;

export const ZOutcomeInput = z.strictObject({
  intentionAmount: ZYuan('意向金额（元）').nullable(),
  signed: z.boolean().describe('是否签约'),
  followUpOrderId: ZUuid('后续对接单').nullable(),
  note: optText(500, '洽谈情况'),
});
export type TMeetingOutcomeInput = z.infer<typeof ZOutcomeInput>;

export const ZRegistration = z.object({
  id: z.string(),
  side: z.enum(['institution', 'enterprise']),
  partyId: z.string(),
  name: z.string(),
  kindZh: z.string(),
  wishes: z.array(z.object({ partyId: z.string(), name: z.string() })),
  contactName: z.string(),
  checkedInAt: z.string().nullable(),
});

export const ZMeeting = z.object({
  id: z.string(),
  slot: z.number().int(),
  start: z.string(),
  end: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  wishedBy: z.enum(['both', 'institution', 'enterprise']),
  intentionAmount: z.string().nullable(),
  signed: z.boolean().nullable(),
  followUpOrderId: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  outcomeRecordedAt: z.string().nullable(),
});

export const ZEventSummary = z.object({
  id: z.string(),
  theme: z.string(),
  heldOn: z.string(),
  mode: z.enum(['onsite', 'online']),
  place: z.string(),
  slots: z.array(ZSlot),
  status: z.enum(['open', 'scheduled', 'closed']),
  registrations: z.number().int(),
  meetings: z.number().int(),
  /** The actor's own registration, if any. */
  mine: z.string().nullable(),
});
export const ZEventList = z.object({ items: z.array(ZEventSummary), cadence: z.string() });

export const ZEvent = ZEventSummary.extend({
  registrations: z.array(ZRegistration),
  meetings: z.array(ZMeeting),
  unmet: z.array(
    z.object({ institutionName: z.string(), enterpriseName: z.string(), wishedBy: z.string(), reason: z.string() }),
  ),
  slotsNeeded: z.number().int(),
  registrationCount: z.number().int(),
});
export type TEvent = z.infer<typeof ZEvent>;

export const ZTimetable = z.object({
  eventId: z.string(),
  partyName: z.string(),
  rows: z.array(
    z.object({
      slot: z.number().int(),
      start: z.string(),
      end: z.string(),
      meetingId: z.string().nullable(),
      counterpart: z.string().nullable(),
    }),
  ),
});
export type TTimetable = z.infer<typeof ZTimetable>;

export const ZScheduleResult = z.object({
  meetings: z.number().int(),
  unmet: z.number().int(),
  slotsNeeded: z.number().int(),
});

// ---------- statistics ----------

export const ZStatRow = z.object({
  key: z.string(),
  label: z.string(),
  posted: z.number().int().nullable(),
  matched: z.number().int(),
  taken: z.number().int(),
  approved: z.number().int(),
  granted: z.string(),
});
export const ZBankStatRow = ZStatRow.extend({
  answered: z.number().int(),
  avgAnswerWorkingDays: z.string().nullable(),
  maxAnswerWorkingDays: z.number().int().nullable(),
});
export const ZTarget = z.object({
  target: z.string(),
  granted: z.string(),
  from: z.string(),
  to: z.string(),
  percent: z.string(),
  citation: z.string(),
  explanation: z.string(),
});
export const ZStatistics = z.object({
  asOf: z.string(),
  totals: ZStatRow,
  byBank: z.array(ZBankStatRow),
  byDistrict: z.array(ZStatRow),
  byProductType: z.array(ZStatRow),
  byMonth: z.array(ZStatRow),
  target: ZTarget,
});
export type TStatistics = z.infer<typeof ZStatistics>;
export const ZPublicStatistics = ZStatistics.omit({ byBank: true });
export type TPublicStatistics = z.infer<typeof ZPublicStatistics>;

export const ZCreated = z.object({ id: z.string() });
export const ZUpdated = z.object({ id: z.string(), ok: z.literal(true) });

// ---------- audit labels ----------

export const OUTREACH_AUDIT_ACTION_LABELS: Record<string, string> = {
  'outreach_whitelist.created': '建立融资服务白名单',
  'outreach_whitelist.entry_added': '白名单手工加入企业',
  'outreach_whitelist.entry_removed': '白名单移出企业',
  'outreach_whitelist.published': '推送融资服务白名单',
  'outreach_visit.recorded': '银行记录走访对接',
  'outreach_event.created': '安排融资对接会',
  'outreach_event.registered': '报名融资对接会',
  'outreach_event.scheduled': '排定一对一洽谈',
  'outreach_event.checked_in': '对接会签到',
  'outreach_meeting.outcome_recorded': '记录洽谈结果',
};
export const OUTREACH_AUDIT_OBJECT_LABELS: Record<string, string> = {
  outreach_whitelist: '融资服务白名单',
  outreach_visit: '走访对接记录',
  outreach_event: '融资对接会',
  outreach_meeting: '一对一洽谈',
};
