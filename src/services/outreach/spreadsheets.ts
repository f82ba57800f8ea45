/** The module's Excel files: a white list as pushed to a bank (with its visits) and every table of the statistics. */
import ExcelJS from 'exceljs';
import type { TStatistics, TWhitelist } from '../../contracts/outreach';
import { bureauSheet } from '../spreadsheet';
import { districtLabel, METHOD_ZH } from './records';

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function whitelistXlsx(list: TWhitelist): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('融资服务白名单', bureauSheet(3));
  ws.addRow([`${list.title}（${list.periodLabel}）`]);
  ws.addRow([`推送银行：${list.banks.map((b) => b.name).join('、')}；${list.schedule}`]);
  ws.addRow([
    '序号',
    '企业名称',
    '统一社会信用代码',
    '县（市、区）',
    '纳入方式',
    '纳入理由',
    '走访银行',
    '走访日期',
    '方式',
    '结果',
    '意向金额（元）',
    '走访情况',
  ]);
  ws.getRow(3).font = { bold: true };
  list.items.forEach((e, i) => {
    const base = [
      i + 1,
      e.enterpriseName,
      e.uscc,
      districtLabel(e.districtCode),
      e.source === 'filter' ? '条件筛选' : '手工加入',
      e.reason,
    ];
    if (e.visits.length === 0) ws.addRow([...base, '', '', '', '未走访', '', '']);
    for (const v of e.visits)
      ws.addRow([
        ...base,
        v.institutionName,
        v.visitedOn,
        METHOD_ZH[v.method] ?? v.method,
        v.outcomeZh,
        v.intentionAmount ? Number(v.intentionAmount) : '',
        v.note,
      ]);
  });
  ws.addRow([]);
  ws.addRow(['', `覆盖率：${list.coverage.explanation}`]);
  for (const b of list.coverageByBank) ws.addRow(['', `${b.institutionName}：${b.explanation}`]);
  ws.columns.forEach((c, i) => {
    c.width = [6, 32, 22, 10, 10, 40, 22, 12, 10, 14, 14, 30][i] ?? 12;
  });
  return bufferOf(wb);
}

export async function statisticsXlsx(
  s: Omit<TStatistics, 'byBank'> & { byBank?: TStatistics['byBank'] },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const head = ['项目', '发布需求', '对接单', '银行接单', '获批', '授信金额（元）'];
  const table = (name: string, rows: TStatistics['byDistrict']) => {
    const ws = wb.addWorksheet(name, bureauSheet(2));
    ws.addRow([`融资对接统计 · ${name}（截至${s.asOf}）`]);
    ws.addRow(head).font = { bold: true };
    for (const r of rows) ws.addRow([r.label, r.posted ?? '', r.matched, r.taken, r.approved, Number(r.granted)]);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 28 : 14;
    });
  };
  const t = wb.addWorksheet('授信目标', bureauSheet(2));
  t.addRow(['融资规模目标进度']);
  t.addRow(['期间', '目标（元）', '累计获批授信（元）', '完成比例（%）', '依据']).font = { bold: true };
  t.addRow([
    `${s.target.from}至${s.target.to}`,
    Number(s.target.target),
    Number(s.target.granted),
    Number(s.target.percent),
    s.target.citation,
  ]);
  t.addRow([s.target.explanation]);
  table('合计', [s.totals]);
  if (s.byBank) {
    const ws = wb.addWorksheet('按银行', bureauSheet(2));
    ws.addRow([`融资对接统计 · 按银行（截至${s.asOf}）`]);
    ws.addRow([
      '银行',
      '对接单',
      '银行接单',
      '获批',
      '授信金额（元）',
      '已答复',
      '平均答复（工作日）',
      '最长答复（工作日）',
    ]).font = { bold: true };
    for (const r of s.byBank)
      ws.addRow([
        r.label,
        r.matched,
        r.taken,
        r.approved,
        Number(r.granted),
        r.answered,
        r.avgAnswerWorkingDays ?? '',
        r.maxAnswerWorkingDays ?? '',
      ]);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 28 : 14;
    });
  }
  table('按县（市、区）', s.byDistrict);
  table('按产品类型', s.byProductType);
  table('按月份', s.byMonth);
  return bufferOf(wb);
}
