/**
 * The audit trail as the audit administrator sees it: search, export, chain verification, and the Chinese
 * names of actions. Shared by the API and the web app.
 */
import { z } from 'zod';

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
  format: z.enum(['xlsx', 'csv']).default('xlsx').describe('导出格式'),
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
  hash: z.string(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditPage = z.object({
  items: z.array(ZAuditEvent),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;

export const ZAuditProblem = z.object({
  kind: z.enum(['gap', 'broken_link', 'altered', 'anchor_mismatch']),
  seq: z.number().int(),
  expected: z.number().int().optional(),
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
  durationMs: z.number().int(),
});
export type TAuditVerifyResult = z.infer<typeof ZAuditVerifyResult>;

/** Chinese names of audit actions; an action without an entry is shown as its raw name. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
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
  'policy_version.drafted': '登记政策版本草稿',
  'policy_version.draft_updated': '修改政策版本草稿',
  'policy_version.approved': '批准政策版本',
  'policy_version.superseded': '政策版本被替代',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** Chinese names of the object types used in audit events. */
export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  user: '账号',
  api_token: '接口令牌',
  attachment: '附件',
  audit_events: '审计日志',
  system: '系统',
};
