/**
 * Downloadable import templates. The .xlsx (exceljs) has an instructions sheet (填写说明), the data sheets
 * 贷款 and 还款 with Chinese headers, text-formatted code columns and data-validation lists (loan purpose,
 * cover institution) plus range checks; a hidden sheet lists the institutions. The CSV template (UTF-8 with
 * BOM, so Excel shows Chinese correctly) holds the header of one kind of record.
 */
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../db/client';
import { toCsv } from '../../domain/loans/csv';
import {
  type ColumnDef,
  INSTRUCTIONS_SHEET,
  LOAN_COLUMNS,
  LOAN_SHEET,
  MAX_IMPORT_ROWS,
  REPAYMENT_COLUMNS,
  REPAYMENT_SHEET,
} from '../../domain/loans/import';
import { LOAN_LIMITS, LOAN_PURPOSES, PURPOSE_RULES } from '../../domain/loans/params';
import { bureauSheet } from '../spreadsheet';
import { listCoverInstitutions } from './shared';

const LISTS_SHEET = '机构列表';
/** Rows that carry validation in the template (Excel applies it to typed and pasted values alike). */
const VALIDATED_ROWS = 2000;

type Validation = ExcelJS.DataValidation;

function colLetter(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function addValidation(ws: ExcelJS.Worksheet, col: number, v: Validation): void {
  const letter = colLetter(col);
  (ws as unknown as { dataValidations: { add(a: string, v: Validation): void } }).dataValidations.add(
    `${letter}2:${letter}${VALIDATED_ROWS + 1}`,
    v,
  );
}

/** A drop-down from a column of the lists sheet (A: the cover institutions, B: the loan purposes). */
function pickFromLists(column: 'A' | 'B', count: number, errorTitle: string, error: string): Validation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`'${LISTS_SHEET}'!$${column}$2:$${column}$${count + 1}`],
    showErrorMessage: true,
    errorTitle,
    error,
  };
}

function dataSheet<K extends string>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnDef<K>[],
  setup: (ws: ExcelJS.Worksheet, index: (k: K) => number) => void,
): void {
  const ws = wb.addWorksheet(name, bureauSheet(1));
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length * 2 + 4) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.height = 22;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFE7E6E6' } };
    cell.note = `${c.required ? '【必填】' : '【选填】'}${c.note}`;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  setup(ws, (k) => columns.findIndex((c) => c.key === k));
}

/** A date (or date-time) column: Excel refuses text such as 2026-13-45 as it is typed. */
function dateColumn(ws: ExcelJS.Worksheet, col: number, header: string, format: string): void {
  ws.getColumn(col + 1).numFmt = format;
  addValidation(ws, col, {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
    showErrorMessage: true,
    errorTitle: header,
    error: `${header}应为 2000 年至 2099 年之间的有效日期，格式 ${format.toUpperCase()}`,
  });
}

function textColumn(ws: ExcelJS.Worksheet, col: number): void {
  ws.getColumn(col + 1).numFmt = '@';
}

export async function buildXlsxTemplate(db: DbOrTx): Promise<Buffer> {
  const covers = await listCoverInstitutions(db);
  const wb = new ExcelJS.Workbook();
  wb.creator = '惠企 Huiqi';
  wb.created = new Date(0);

  const help = wb.addWorksheet(INSTRUCTIONS_SHEET, bureauSheet(1, { freeze: false }));
  help.columns = [
    { key: 'sheet', width: 10 },
    { key: 'col', width: 28 },
    { key: 'req', width: 10 },
    { key: 'ex', width: 24 },
    { key: 'note', width: 90 },
  ];
  const title = help.addRow({ sheet: '政银保贷款及还款批量导入模板 · 填写说明' });
  help.mergeCells(`A${title.number}:E${title.number}`);
  title.font = { bold: true, size: 14 };
  const intro = [
    '一、本模板用于合作银行批量导入“政银保”贷款及其还款记录（江工信工业互联网〔2023〕33号 第七条（三）（四）、第十条）。',
    `二、“${LOAN_SHEET}”表每行一笔贷款，“${REPAYMENT_SHEET}”表每行一期还款；两表可以只填其一。请从第 2 行开始填写，不要修改表头。`,
    '三、系统先检查整个文件：全部无误才导入；有任何错误则一条也不导入，并列出出错的行、列和原因。',
    '四、同一文件重复导入不会产生重复数据；已登记的贷款（按贷款合同编号）和还款（按合同编号+期次）内容相同时自动跳过，内容不同时报错。',
    '五、金额单位为元，最多两位小数；年利率填小数（0.0385 表示 3.85%）；放款时间为北京时间，精确到分钟；日期格式 YYYY-MM-DD。',
    '六、实还利息只填按合同利率实际支付的正常利息，不含罚息、复利；该利息是贴息计算的依据（申报指南 六（二））。',
    `七、每个文件最多 ${MAX_IMPORT_ROWS} 行数据。也可导出为 CSV（UTF-8）导入，CSV 每个文件只能包含一种表（贷款或还款）。`,
  ];
  intro.forEach((line) => {
    const row = help.addRow({ sheet: line });
    help.mergeCells(`A${row.number}:E${row.number}`);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  });
  help.addRow({});
  const head = help.addRow({ sheet: '工作表', col: '列名', req: '是否必填', ex: '示例', note: '填写要求' });
  head.font = { bold: true };
  help.pageSetup.printTitlesRow = `${head.number}:${head.number}`;
  for (const [sheet, cols] of [
    [LOAN_SHEET, LOAN_COLUMNS],
    [REPAYMENT_SHEET, REPAYMENT_COLUMNS],
  ] as const) {
    for (const c of cols as readonly ColumnDef<string>[]) {
      const r = help.addRow({
        sheet,
        col: c.header,
        req: c.required ? '必填' : '选填',
        ex: c.key === 'coverInstitution' ? (covers[0]?.name ?? '') : c.example,
        note: c.note,
      });
      r.alignment = { wrapText: true, vertical: 'top' };
    }
  }

  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.getCell('A1').value = '保险/担保机构';
  lists.getCell('B1').value = '贷款用途';
  covers.forEach((c, i) => {
    lists.getCell(`A${i + 2}`).value = c.name;
  });
  LOAN_PURPOSES.forEach((p, i) => {
    lists.getCell(`B${i + 2}`).value = PURPOSE_RULES[p].zh;
  });

  dataSheet(wb, LOAN_SHEET, LOAN_COLUMNS, (ws, at) => {
    textColumn(ws, at('enterpriseUscc'));
    textColumn(ws, at('contractNo'));
    textColumn(ws, at('projectNo'));
    ws.getColumn(at('amount') + 1).numFmt = '0.00';
    ws.getColumn(at('annualRate') + 1).numFmt = '0.0000##';
    dateColumn(ws, at('disbursedAt'), '放款时间', 'yyyy-mm-dd hh:mm');
    addValidation(ws, at('enterpriseUscc'), {
      type: 'textLength',
      operator: 'equal',
      allowBlank: true,
      formulae: [18],
      showErrorMessage: true,
      errorTitle: '统一社会信用代码',
      error: '统一社会信用代码应为 18 位',
    });
    addValidation(
      ws,
      at('purpose'),
      pickFromLists('B', LOAN_PURPOSES.length, '贷款用途', '请从下拉列表中选择贷款用途'),
    );
    addValidation(ws, at('amount'), {
      type: 'decimal',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorTitle: '贷款金额',
      error: '贷款金额应为大于 0 的数字（单位：元）',
    });
    addValidation(ws, at('annualRate'), {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0.000001, Number(LOAN_LIMITS.maxRate)],
      showErrorMessage: true,
      showInputMessage: true,
      promptTitle: '年利率',
      prompt: '填小数：0.0385 表示 3.85%',
      errorTitle: '年利率',
      error: `年利率应大于 0 且不超过 ${LOAN_LIMITS.maxRate}（填小数，如 0.0385）`,
    });
    addValidation(ws, at('termMonths'), {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [LOAN_LIMITS.minTermMonths, LOAN_LIMITS.maxTermMonths],
      showErrorMessage: true,
      errorTitle: '贷款期限',
      error: `贷款期限应为 ${LOAN_LIMITS.minTermMonths}–${LOAN_LIMITS.maxTermMonths} 的整数（月）`,
    });
    if (covers.length > 0) {
      const error = '请从下拉列表中选择合作保险/担保机构';
      addValidation(ws, at('coverInstitution'), pickFromLists('A', covers.length, '保险/担保机构', error));
    }
  });

  dataSheet(wb, REPAYMENT_SHEET, REPAYMENT_COLUMNS, (ws, at) => {
    textColumn(ws, at('contractNo'));
    dateColumn(ws, at('dueDate'), '应还日期', 'yyyy-mm-dd');
    dateColumn(ws, at('paidDate'), '实还日期', 'yyyy-mm-dd');
    ws.getColumn(at('principalPaid') + 1).numFmt = '0.00';
    ws.getColumn(at('interestPaid') + 1).numFmt = '0.00';
    addValidation(ws, at('periodNo'), {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [1, LOAN_LIMITS.maxPeriodNo],
      showErrorMessage: true,
      errorTitle: '期次',
      error: `期次应为 1–${LOAN_LIMITS.maxPeriodNo} 的整数`,
    });
    for (const k of ['principalPaid', 'interestPaid'] as const) {
      addValidation(ws, at(k), {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorTitle: '金额',
        error: '金额应为不小于 0 的数字（单位：元）',
      });
    }
  });

  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}

export function buildCsvTemplate(kind: 'loans' | 'repayments'): Buffer {
  const cols = kind === 'loans' ? LOAN_COLUMNS : REPAYMENT_COLUMNS;
  return Buffer.from(`\uFEFF${toCsv([cols.map((c) => c.header)])}`, 'utf8');
}

export function templateFileName(format: 'xlsx' | 'csv', kind: 'loans' | 'repayments'): string {
  if (format === 'xlsx') return '政银保贷款导入模板.xlsx';
  return kind === 'loans' ? '政银保贷款导入模板-贷款.csv' : '政银保贷款导入模板-还款.csv';
}
