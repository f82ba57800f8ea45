/**
 * The audit trail as the audit administrator sees it: search, export, chain verification, and the Chinese
 * names of actions. Shared by the API and the web app.
 */
import { z } from 'zod';
import { pagedList } from './fields';
import { FUND_AUDIT_ACTION_LABELS, FUND_AUDIT_OBJECT_LABELS } from './fund';
import { GUARANTEE_AUDIT_ACTION_LABELS, GUARANTEE_AUDIT_OBJECT_LABELS } from './guarantee';
import { LOAN_AUDIT_ACTION_LABELS, LOAN_AUDIT_OBJECT_LABELS } from './loans';
import { OUTREACH_AUDIT_ACTION_LABELS, OUTREACH_AUDIT_OBJECT_LABELS } from './outreach';

/** A day (YYYY-MM-DD, a Beijing-time calendar day) or an ISO 8601 instant with offset. */
const DAY_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/;
const ZDayOrInstant = (label: string) =>
  z
    .string()
    .trim()
    .regex(DAY_OR_INSTANT, { message: `${label}应为日期 YYYY-MM-DD 或带时区的时间，如 2026-11-21T10:00:00+08:00` })
    .describe(label);

export const ZAuditFilters = z.object({
  from: ZDayOrInstant('开始时间').optional(),
  to: ZDayOrInstant('结束时间').optional(),
  actorId: z.string().trim().min(1).max(64).optional().describe('操作人编号'),
  actorRole: z.string().trim().min(1).max(32).optional().describe('操作人角色'),
  action: z.string().trim().min(1).max(64).optional().describe('操作'),
  objectType: z.string().trim().min(1).max(64).optional().describe('对象类型'),
  objectId: z.string().trim().min(1).max(128).optional().describe('对象编号'),
  q: z.string().trim().min(1).max(64).optional().describe('关键字'),
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

export const ZAuditQuery = ZAuditFilters.extend({
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数'),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditExportQuery = ZAuditFilters.extend({
  format: z.enum(['xlsx', 'csv', 'jsonl']).default('xlsx').describe('导出格式'),
});
export type TAuditExportQuery = z.infer<typeof ZAuditExportQuery>;

export const ZAuditEvent = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  scope: z.unknown(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  clientIp: z.string().nullable(),
  requestId: z.string().nullable(),
  /** Null while the event waits for the chaining step (a moment after its transaction committed). */
  hash: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditPage = pagedList(ZAuditEvent);
export type TAuditPage = z.infer<typeof ZAuditPage>;

export const ZAuditProblem = z.object({
  kind: z.enum(['gap', 'inserted', 'broken_link', 'altered', 'unchained', 'anchor_mismatch']),
  seq: z.number().int(),
  expected: z.number().int().optional(),
  /** For a gap: the last missing event (the one the next event is linked after). */
  lastMissing: z.number().int().optional(),
  /** Chinese explanation, e.g. "第 12 条之前缺少第 11 条（被删除或插入）". */
  message: z.string(),
});
export type TAuditProblem = z.infer<typeof ZAuditProblem>;

export const ZAuditVerifyResult = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  lastSeq: z.number().int(),
  lastHash: z.string(),
  problems: z.array(ZAuditProblem),
  /** Problems beyond this many are counted but not listed. */
  problemCount: z.number().int(),
  /**
   * Events committed but not linked into the chain yet (the chaining step runs shortly after commit, ADR 0015):
   * how many, and the oldest. A large or old backlog means the chaining step is not running.
   */
  pending: z.object({
    events: z.number().int(),
    oldestSeq: z.number().int().nullable(),
    oldestAt: z.string().nullable(),
    oldestAgeSeconds: z.number().int().nullable(),
  }),
  durationMs: z.number().int(),
});
export type TAuditVerifyResult = z.infer<typeof ZAuditVerifyResult>;

/** Chinese names of audit actions; an action without an entry is shown as its raw name. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  ...LOAN_AUDIT_ACTION_LABELS,
  ...GUARANTEE_AUDIT_ACTION_LABELS,
  ...FUND_AUDIT_ACTION_LABELS,
  ...OUTREACH_AUDIT_ACTION_LABELS,
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.account_locked': '账号锁定（连续登录失败）',
  'auth.logout': '退出登录',
  'notification.read': '标记通知已读',
  'notification.all_read': '全部通知标记已读',
  'auth.password_changed': '修改本人密码',
  'system.demo_data_loaded': '载入演示数据',
  'user.created': '创建账号',
  'user.disabled': '停用账号',
  'user.enabled': '启用账号',
  'user.unlocked': '解除账号锁定',
  'user.password_reset': '重置密码',
  'api_token.issued': '签发接口令牌',
  'api_token.revoked': '吊销接口令牌',
  'attachment.downloaded': '下载附件',
  'audit.exported': '导出审计日志',
  'audit.verified': '校验审计日志完整性',
  'auth.recovery_code_used': '使用恢复码登录',
  'auth.second_factor_failed': '动态口令错误',
  'auth.two_factor_enabled': '启用两步验证',
  'auth.two_factor_enrolment_started': '开始绑定身份验证器',
  'user.two_factor_reset': '重置身份验证器',
  'crypto.reencrypted': '重新加密个人信息',
  'attachment.uploaded': '上传附件',
  'attachment.deleted': '删除附件',
  'calendar.schedule_saved': '保存法定节假日安排',
  'calendar.schedule_deleted': '删除法定节假日安排',
  'calendar.window_override_saved': '调整月度申报窗口',
  'calendar.window_override_deleted': '撤销申报窗口调整',
  'enterprise.registered': '企业注册',
  'enterprise.updated': '修改企业信息',
  'enterprise.credit_standing_set': '记录企业信用状况',
  'enterprise.resource_pool_set': '调整资源池入库状态',
  'project_declaration.created': '新建入库申报',
  'project_declaration.updated': '修改入库申报',
  'project_declaration.submitted': '提交入库申报',
  'project_declaration.resubmitted': '补正后重新提交申报',
  'project_declaration.withdrawn': '撤回入库申报',
  'project_declaration.returned': '退回申报补正',
  'project_declaration.district_verified': '区县核实通过',
  'project_declaration.approved': '市级复核通过（项目入库）',
  'project_declaration.rejected': '市级复核不通过',
  'project_declaration.lapsed': '申报逾期未补正失效',
  'project_report.created': '新建项目进展报告',
  'project_report.updated': '修改项目进展报告',
  'project_report.submitted': '报送项目进展报告',
  'project_spot_check.opened': '发起项目抽查',
  'project_spot_check.closed': '办结项目抽查',
  'subsidy.campaign_created': '创建贴息申报批次',
  'subsidy.application_submitted': '提交贴息申请',
  'subsidy.application_resubmitted': '补正后重新提交贴息申请',
  'subsidy.allocation_dry_run': '试算贴息资金分配',
  'subsidy.allocation_committed': '确定贴息资金分配',
  'subsidy.campaign_closed_early': '正式分配前提前截止贴息申请受理',
  'subsidy.supplementary_dry_run': '试算递补分配',
  'subsidy.supplementary_committed': '确定递补分配',
  'subsidy.notice_published': '发布贴息公示',
  'subsidy.supplementary_notice_published': '发布递补公示',
  'subsidy.objection_lodged': '提出公示异议',
  'subsidy.objection_investigating': '受理异议并核查',
  'subsidy.objection_closed': '异议处理办结',
  'subsidy.award_reduced': '核减贴息金额',
  'subsidy.award_revoked': '取消贴息资格',
  'subsidy.plan_issued': '下达贴息资金计划',
  'policy_version.drafted': '登记政策版本草稿',
  'policy_version.draft_updated': '修改政策版本草稿',
  'policy_version.approved': '批准政策版本',
  'policy_version.superseded': '政策版本被替代',
  'interpretation_ruling.recorded': '登记解释口径裁定',
  'interpretation_ruling.approved': '批准解释口径裁定',
  'sandbox_scenario.saved': '保存政策沙盘方案',
  'sandbox_scenario.exported': '导出政策沙盘方案对比',
  'financing_product.submitted': '发布融资产品（提交上架审核）',
  'financing_product.revised': '修改融资产品（新版本提交审核）',
  'financing_product.approved': '融资产品上架审核通过',
  'financing_product.refused': '融资产品不予上架',
  'financing_need.posted': '发布融资需求',
  'financing_need.consent_set': '授权银行查看企业档案',
  'financing_need.consent_revoked': '撤回企业档案授权',
  'financing_need.green_channel_set': '设置融资需求绿色通道',
  'financing_order.applied': '企业申请融资产品',
  'financing_order.taken': '银行接洽融资需求',
  'financing_order.accepted': '银行接单',
  'financing_order.declined': '银行婉拒对接',
  'financing_order.approved': '报告授信获批',
  'financing_order.refused': '报告授信未获批',
  'financing_order.rated': '企业评价银行服务',
  'financing_order.overdue_marked': '对接单逾期标记',
  'financing_order.loan_registered': '获批政银保贷款转入贷款登记',
  'financing_answer_times.set': '设定融资对接答复时限',
  'credit_profile.viewed': '查看企业画像',
  'credit_digital_level.recorded': '登记数字化水平评测结果',
  'credit_warning.raised': '发出风险预警',
  'credit_warning.closed': '风险预警关闭（原因已消除）',
  'credit_warning.acknowledged': '确认风险预警并登记处理措施',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** Chinese names of the object types used in audit events. */
export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  ...LOAN_AUDIT_OBJECT_LABELS,
  ...GUARANTEE_AUDIT_OBJECT_LABELS,
  ...FUND_AUDIT_OBJECT_LABELS,
  ...OUTREACH_AUDIT_OBJECT_LABELS,
  user: '账号',
  api_token: '接口令牌',
  attachment: '附件',
  audit_events: '审计日志',
  system: '系统',
  notification: '通知',
  enterprise: '企业',
  calendar_holiday_schedule: '法定节假日安排',
  filing_window_override: '申报窗口调整',
  project: '入库项目',
  project_declaration: '入库申报',
  project_progress_report: '项目进展报告',
  project_spot_check: '项目抽查',
  subsidy_campaign: '贴息申报批次',
  subsidy_application: '贴息申请',
  subsidy_allocation_run: '贴息资金分配',
  subsidy_award: '贴息核定结果',
  subsidy_notice: '贴息公示',
  subsidy_objection: '公示异议',
  subsidy_funding_plan: '贴息资金计划',
  policy_version: '政策版本',
  interpretation_ruling: '解释口径裁定',
  sandbox_scenario: '政策沙盘方案',
  financing_product: '融资产品',
  financing_need: '融资需求',
  financing_order: '融资对接单',
  financing_answer_times: '融资对接答复时限',
  credit_profile: '企业画像',
  credit_digital_level: '数字化水平评测',
  credit_warning: '风险预警',
};
