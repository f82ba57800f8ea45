/**
 * Excel exports of the subsidy module's working lists: the review queue (the applications in the reader's scope with
 * the page's filter — a district its own, the city all) and the city's dashboard. Every row, Chinese headers, dates
 * and times as date cells (Beijing time), printed A4 landscape one page wide with the header repeated.
 */
import type { TApplicationListQuery, TApplicationSummary } from '../../contracts/subsidy';
import type { Actor } from '../../domain/access/actor';
import { formatDateZh } from '../../domain/calendar/dates';
import { districtName } from '../../domain/enterprise/districts';
import { chinaDateOf } from '../../domain/subsidy/notice';
import { APPLICATION_STATUS_ZH } from '../../domain/workflow/application';
import type { Ctx } from '../context';
import { type ListColumn, listSheet, listWorkbook } from '../spreadsheet';
import { loadCampaign } from './campaigns';
import { subsidyDashboard } from './dashboard';
import { listApplications } from './read-applications';

/** More rows than a campaign holds. */
const EXPORT_MAX_ROWS = 10_000;

export interface XlsxFile {
  fileName: string;
  buffer: Buffer;
}

const APPLICATION_COLUMNS: ListColumn<TApplicationSummary>[] = [
  { header: '序号', width: 6, kind: 'count', value: (_, i) => i + 1 },
  { header: '企业名称', width: 32, value: (r) => r.enterpriseName },
  { header: '项目编号', width: 16, value: (r) => r.projectNo },
  { header: '项目名称', width: 30, value: (r) => r.projectName },
  { header: '县（市、区）', width: 12, value: (r) => districtName(r.districtCode) },
  { header: '申请年度', width: 10, kind: 'count', value: (r) => r.campaignYear },
  { header: '入库申报月份', width: 12, value: (r) => r.declarationMonth },
  { header: '首笔放款时间（北京时间）', width: 20, kind: 'instant', value: (r) => r.firstDisbursedAt },
  { header: '申报利息（元）', width: 14, kind: 'money', value: (r) => r.claimedInterest },
  { header: '银行登记利息（元）', width: 16, kind: 'money', value: (r) => r.bankInterest },
  { header: '差额（元）', width: 12, kind: 'money', value: (r) => r.interestDifference },
  { header: '状态', width: 22, value: (r) => APPLICATION_STATUS_ZH[r.status] },
  { header: '提交时间（北京时间）', width: 20, kind: 'instant', value: (r) => r.submittedAt },
];

/** The applications the reader's list shows with this filter (scoped in the query), every page. */
export async function applicationsXlsx(
  ctx: Ctx & { actor: Actor },
  q: Omit<TApplicationListQuery, 'page' | 'pageSize'>,
): Promise<XlsxFile> {
  const list = await listApplications(ctx, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  const campaign = q.campaignId ? await loadCampaign(ctx.deps.db, q.campaignId) : null;
  const today = chinaDateOf(ctx.now);
  const covers = [
    campaign?.title,
    q.districtCode ? districtName(q.districtCode) : null,
    q.status ? APPLICATION_STATUS_ZH[q.status] : null,
    q.q ? `企业名称含“${q.q}”` : null,
  ].filter(Boolean);
  const title = '贴息申请审核清单';
  const buffer = await listWorkbook(
    [
      listSheet({
        name: '贴息申请',
        title,
        subtitle: `${covers.length ? `${covers.join('，')}，` : ''}共${list.total}件    导出日期：${formatDateZh(today)}`,
        columns: APPLICATION_COLUMNS,
        rows: list.items,
      }),
    ],
    ctx.now,
  );
  return { fileName: `${title}-${today}.xlsx`, buffer };
}

const STAGES: ReadonlyArray<[string, string]> = [
  ['district', '待县（市、区）核查'],
  ['city', '待市级核实'],
  ['returned', '退回修改'],
  ['verified', '核实通过待分配'],
  ['done', '已分配'],
];

type DistrictRow = Awaited<ReturnType<typeof subsidyDashboard>>['byDistrict'][number];
type MonthRow = Awaited<ReturnType<typeof subsidyDashboard>>['awardsByMonth'][number];

/** The city's dashboard: the budget, applications by district and stage, awards by declaration month. */
export async function dashboardXlsx(ctx: Ctx & { actor: Actor }, campaignId?: string): Promise<XlsxFile> {
  const d = await subsidyDashboard(ctx, campaignId);
  const today = chinaDateOf(ctx.now);
  const name = d.campaign?.title ?? '补贴看板';
  const subtitle = `${d.campaign ? `申请时间${d.campaign.applyFrom}至${d.campaign.applyTo}，` : ''}导出日期：${formatDateZh(today)}`;
  const summary = listSheet<[string, string | number, string]>({
    name: '预算',
    title: `${name} 预算使用情况`,
    subtitle,
    columns: [
      { header: '项目', width: 20, value: (r) => r[0] },
      { header: '数值', width: 18, kind: 'money', value: (r) => r[1] },
      { header: '说明', width: 40, value: (r) => r[2] },
    ],
    rows: [
      ['预算（元）', d.budget, '本批次补贴预算'],
      ['已安排（元）', d.used, '正式分配及递补安排的补贴金额'],
      ['剩余（元）', d.remaining, '预算减已安排'],
    ],
  });
  const districts = listSheet<DistrictRow>({
    name: '各县区申请',
    title: `${name} 各县（市、区）申请情况`,
    subtitle,
    columns: [
      { header: '县（市、区）', width: 14, value: (r) => r.districtName },
      ...STAGES.map(
        ([key, label]): ListColumn<DistrictRow> => ({
          header: label,
          width: 12,
          kind: 'count',
          value: (r) => r.stages[key] ?? 0,
        }),
      ),
      { header: '申请合计', width: 10, kind: 'count', value: (r) => r.total },
      { header: '已安排补贴（元）', width: 18, kind: 'money', value: (r) => r.awarded },
    ],
    rows: d.byDistrict,
  });
  const months = listSheet<MonthRow>({
    name: '按入库申报月份',
    title: `${name} 按入库申报月份的补贴安排（申报指南 六（四）先到先得）`,
    subtitle,
    columns: [
      { header: '入库申报月份', width: 14, value: (r) => r.month },
      { header: '获补贴申请数', width: 14, kind: 'count', value: (r) => r.count },
      { header: '补贴金额（元）', width: 18, kind: 'money', value: (r) => r.amount },
    ],
    rows: d.awardsByMonth,
  });
  const buffer = await listWorkbook([summary, districts, months], ctx.now);
  return { fileName: `${name}-看板-${today}.xlsx`, buffer };
}
