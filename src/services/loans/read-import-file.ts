/**
 * Reads an uploaded import file into sheets of cells: an .xlsx workbook (sheets 贷款 and 还款) or a CSV file
 * (one kind per file, recognised by its header; UTF-8 with or without BOM, or GB18030 as saved by Excel on
 * Chinese Windows). A file that cannot be read yields one file-level error, never an exception.
 */
import { parse as parseCsvText } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  type Cell,
  detectSheetKind,
  type ImportError,
  LOAN_SHEET,
  MAX_IMPORT_ROWS,
  REPAYMENT_SHEET,
  type SheetRows,
} from '../../domain/loans/import';

export interface ReadFile {
  format: 'xlsx' | 'csv';
  loans: SheetRows | null;
  repayments: SheetRows | null;
  errors: ImportError[];
}

function fileError(format: 'xlsx' | 'csv', reason: string, reasonEn: string): ReadFile {
  return { format, loans: null, repayments: null, errors: [{ sheet: '文件', row: 0, column: null, reason, reasonEn }] };
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOle(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Flattens an exceljs cell value (rich text, formulas, hyperlinks, errors) into a plain cell. */
export function plainCell(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plainCell(v.result as ExcelJS.CellValue);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v) return plainCell((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return null;
  }
  return String(v);
}

function toSheet(name: string, records: { rowNo: number; cells: Cell[] }[]): SheetRows | null {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) return null;
  return { name, headerRowNo: header.rowNo, header: header.cells, rows };
}

async function readXlsx(bytes: Uint8Array): Promise<ReadFile> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fileError('xlsx', '无法读取该 Excel 文件，请确认文件未损坏且为 .xlsx 格式', 'The workbook cannot be read');
  }
  const read = (name: string): SheetRows | null | 'too_many' => {
    const ws = wb.worksheets.find((w) => w.name.trim() === name);
    if (!ws) return null;
    if (ws.actualRowCount > MAX_IMPORT_ROWS + 1) return 'too_many';
    const records: { rowNo: number; cells: Cell[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
      const values = row.values as ExcelJS.CellValue[];
      records.push({ rowNo, cells: values.slice(1).map(plainCell) });
    });
    return toSheet(name, records);
  };
  const loans = read(LOAN_SHEET);
  const repayments = read(REPAYMENT_SHEET);
  if (loans === 'too_many' || repayments === 'too_many') {
    return fileError('xlsx', `数据行过多：每个文件最多 ${MAX_IMPORT_ROWS} 行，请分批导入`, 'Too many rows');
  }
  if (!wb.worksheets.some((w) => [LOAN_SHEET, REPAYMENT_SHEET].includes(w.name.trim()))) {
    return fileError(
      'xlsx',
      `未找到名为“${LOAN_SHEET}”或“${REPAYMENT_SHEET}”的工作表，请使用平台下载的导入模板`,
      'No sheet named 贷款 or 还款; use the template',
    );
  }
  return { format: 'xlsx', loans, repayments, errors: [] };
}

/** Decodes CSV bytes: UTF-8 when valid, otherwise GB18030 (a superset of GBK/GB2312). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Splits CSV text into records with csv-parse (RFC 4180: quoted fields, doubled quotes, CRLF, LF or CR; a leading
 * BOM dropped; rows of any length; a stray quote inside an unquoted field kept as text). Null when a quoted field
 * is never closed.
 */
export function csvRecords(text: string): string[][] | null {
  try {
    return parseCsvText(text, { bom: true, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch {
    return null;
  }
}

function readCsvFile(bytes: Uint8Array): ReadFile {
  const parsed = csvRecords(decodeCsv(bytes));
  if (!parsed) {
    return fileError(
      'csv',
      'CSV 文件格式有误：有以英文双引号开头的单元格没有结束的双引号，请用表格软件重新另存为 CSV',
      'Malformed CSV: a quoted cell is never closed',
    );
  }
  const records = parsed.map((cells, i) => ({
    rowNo: i + 1,
    cells: cells.map((c) => (c.trim() === '' ? null : c)),
  }));
  if (records.length > MAX_IMPORT_ROWS + 1) {
    return fileError('csv', `数据行过多：每个文件最多 ${MAX_IMPORT_ROWS} 行，请分批导入`, 'Too many rows');
  }
  const probe = toSheet('', records);
  if (!probe) return fileError('csv', '文件为空', 'The file is empty');
  const kind = detectSheetKind(probe.header);
  if (!kind) {
    return fileError(
      'csv',
      '无法识别 CSV 表头：第一行应为导入模板的列名（贷款或还款模板），请使用平台下载的模板',
      'Unrecognised CSV header; use the template',
    );
  }
  const name = kind === 'loans' ? LOAN_SHEET : REPAYMENT_SHEET;
  const sheet = { ...probe, name };
  return {
    format: 'csv',
    loans: kind === 'loans' ? sheet : null,
    repayments: kind === 'loans' ? null : sheet,
    errors: [],
  };
}

export async function readImportFile(bytes: Uint8Array, fileName: string): Promise<ReadFile> {
  const lower = fileName.toLowerCase();
  if (isOle(bytes) || lower.endsWith('.xls')) {
    return fileError(
      'xlsx',
      '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入',
      '.xls is not supported',
    );
  }
  if (isZip(bytes)) return readXlsx(bytes);
  if (lower.endsWith('.xlsx')) {
    return fileError('xlsx', '文件扩展名为 .xlsx 但内容不是 Excel 工作簿', 'Not an .xlsx workbook');
  }
  if (bytes.length === 0) return fileError('csv', '文件为空', 'The file is empty');
  return readCsvFile(bytes);
}
