/** In-app notifications and the SMS / e-mail outbox (administrators' view). */
import { z } from 'zod';
import { countedList } from './fields';

export const NOTIFICATION_KINDS = [
  'window_open',
  'declaration_submitted',
  'declaration_resubmitted',
  'declaration_returned',
  'declaration_verified',
  'declaration_approved',
  'declaration_rejected',
  'declaration_lapsed',
  'return_deadline_near',
  'review_due',
  'review_overdue',
  'report_due',
  'report_overdue',
  'report_submitted',
  'spot_check_opened',
  'spot_check_closed',
  'account_locked',
  'financing_order_overdue',
  'credit_warning',
  'outreach_whitelist_published',
  'outreach_meetings_scheduled',
  'fund_application_returned',
  'fund_review_assigned',
  'fund_plan_issued',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_NAMES: Readonly<Record<NotificationKind, { zh: string; en: string }>> = {
  window_open: { zh: '申报窗口开放', en: 'Filing window open' },
  declaration_submitted: { zh: '新的入库申报待核实', en: 'New declaration to verify' },
  declaration_resubmitted: { zh: '补正申报待核实', en: 'Corrected declaration to verify' },
  declaration_returned: { zh: '申报被退回补正', en: 'Declaration returned' },
  declaration_verified: { zh: '区县核实通过', en: 'Verified by the district' },
  declaration_approved: { zh: '项目已入库', en: 'Project numbered' },
  declaration_rejected: { zh: '项目未通过复核', en: 'Declaration rejected' },
  declaration_lapsed: { zh: '申报逾期未补正', en: 'Declaration lapsed' },
  return_deadline_near: { zh: '补正期限将至', en: 'Correction deadline near' },
  review_due: { zh: '核实即将到期', en: 'Verification due' },
  review_overdue: { zh: '核实已逾期', en: 'Verification overdue' },
  report_due: { zh: '进展报告待报送', en: 'Progress report due' },
  report_overdue: { zh: '进展报告已逾期', en: 'Progress report overdue' },
  report_submitted: { zh: '项目进展已报送', en: 'Progress reported' },
  spot_check_opened: { zh: '项目抽查', en: 'Spot check opened' },
  spot_check_closed: { zh: '抽查结论', en: 'Spot check result' },
  account_locked: { zh: '账号临时锁定', en: 'Account locked' },
  financing_order_overdue: { zh: '融资对接单逾期', en: 'Financing order overdue' },
  credit_warning: { zh: '风险预警', en: 'Risk warning' },
  outreach_whitelist_published: { zh: '融资服务白名单推送', en: 'White list published' },
  outreach_meetings_scheduled: { zh: '对接会洽谈日程', en: 'Match-making timetable' },
  fund_application_returned: { zh: '专项资金申报被退回补正', en: 'Fund application returned' },
  fund_review_assigned: { zh: '新的专家评审任务', en: 'New expert review' },
  fund_plan_issued: { zh: '项目计划已下达', en: 'Project plan issued' },
};

export const ZNotification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  kindName: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('只看未读'),
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});

export const ZNotificationList = z.object({
  items: z.array(ZNotification),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZUnreadCount = z.object({ unread: z.number().int() });

export const ZNotificationIdParams = z.object({
  id: z.uuid({ message: '通知编号应为 UUID' }).describe('通知编号'),
});

export const ZOutboxItem = z.object({
  id: z.string(),
  channel: z.enum(['sms', 'email']),
  addressMasked: z.string(),
  subject: z.string(),
  kind: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string(),
  sentAt: z.string().nullable(),
});

export const ZOutboxQuery = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'failed']).optional().describe('状态'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const ZOutboxList = countedList(ZOutboxItem);

export const ZDispatchResult = z.object({
  claimed: z.number().int(),
  sent: z.number().int(),
  retrying: z.number().int(),
  failed: z.number().int(),
});
export type TDispatchResult = z.infer<typeof ZDispatchResult>;
