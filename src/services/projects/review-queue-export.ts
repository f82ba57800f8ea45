/**
 * The reviewer's queue as an Excel file: the same rows the queue shows this reviewer (its scope, its stage, the
 * same filter and order), every row rather than one page, with Chinese headers and dates as date cells.
 */
import type { TDeclarationSummary } from '../../contracts/projects';
import { formatDateZh } from '../../domain/calendar/dates';
import { districtName } from '../../domain/enterprise/districts';
import type { Ctx } from '../context';
import { type ListColumn, listSheet, listWorkbook } from '../spreadsheet';
import { reviewQueue } from './review-queue';

/** More rows than any district or the city holds in one queue. */
const EXPORT_MAX_ROWS = 10_000;

const DUE: Record<NonNullable<TDeclarationSummary['dueStatus']>, string> = {
  overdue: '已逾期',
  due_today: '今日到期',
  pending: '未到期',
};

const FORM: Record<TDeclarationSummary['form'], string> = {
  manufacturer: '制造业企业',
  service_provider: '数字化服务商',
};

/** The district's deadline columns (5 working days after the window closes, 第七条（二）). */
const dueColumns: ListColumn<TDeclarationSummary>[] = [
  { header: '核实截止日', width: 14, kind: 'date', value: (r) => r.verifyDueOn },
  { header: '时限状态', width: 10, value: (r) => (r.dueStatus ? DUE[r.dueStatus] : '') },
];

export async function reviewQueueXlsx(
  ctx: Ctx,
  q: { districtCode?: string | undefined; overdueOnly?: boolean },
): Promise<{ fileName: string; buffer: Buffer }> {
  const queue = await reviewQueue(ctx, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  const district = queue.stage === 'district';
  const title = district ? '入库申报区县核实队列' : '入库申报市级复核队列';
  const scope = q.districtCode ? `${districtName(q.districtCode)}，` : '';
  const columns: ListColumn<TDeclarationSummary>[] = [
    { header: '序号', width: 6, kind: 'count', value: (_, i) => i + 1 },
    { header: '企业名称', width: 32, value: (r) => r.enterpriseName },
    { header: '统一社会信用代码', width: 22, value: (r) => r.enterpriseUscc },
    { header: '县（市、区）', width: 12, value: (r) => r.districtName },
    { header: '申报类型', width: 14, value: (r) => FORM[r.form] },
    { header: '项目名称', width: 32, value: (r) => r.name },
    { header: '计划总投资（元）', width: 16, kind: 'money', value: (r) => r.plannedTotal },
    { header: '入库申报日期', width: 14, kind: 'date', value: (r) => r.declaredOn },
    { header: '入库申报月份', width: 12, value: (r) => r.declarationMonth },
    ...(district ? dueColumns : []),
    { header: '资源池牵头', width: 10, value: (r) => (r.resourcePoolLed ? '是' : '否') },
    { header: '提交次数', width: 8, kind: 'count', value: (r) => r.submissionCount },
    { header: '状态', width: 20, value: (r) => r.stateName },
    { header: '最近更新（北京时间）', width: 20, kind: 'instant', value: (r) => r.updatedAt },
  ];
  const subtitle = `${scope}${q.overdueOnly && district ? '只含逾期，' : ''}共${queue.total}件${
    district ? `（逾期${queue.overdueCount}件，今日到期${queue.dueTodayCount}件）` : ''
  }    导出日期：${formatDateZh(queue.today)}`;
  const buffer = await listWorkbook(
    [listSheet({ name: district ? '区县核实队列' : '市级复核队列', title, subtitle, columns, rows: queue.items })],
    ctx.now,
  );
  return { fileName: `${title}-${queue.today}.xlsx`, buffer };
}
