/**
 * How the platform's Excel files print, written once: A4 landscape, one page wide, the header row repeated on every
 * printed page and frozen on screen, page numbers in the footer. Times go in as date cells holding Beijing wall time
 * (a spreadsheet has no timezone), so a bureau can sort and filter them as dates.
 */
import ExcelJS from 'exceljs';
import { CHINA_OFFSET_MS } from '../domain/calendar/china-time';

/** A4 in the paper-size codes of the OOXML format. */
const A4 = 9;

/** The options of `workbook.addWorksheet(name, …)` (the streaming writer takes them only there). */
export function bureauSheet(headerRow: number, opts: { freeze?: boolean } = {}): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: opts.freeze === false ? [] : [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
  } as Partial<ExcelJS.AddWorksheetOptions>;
}

/** An instant as a spreadsheet date cell showing its Beijing wall time. */
export function beijingDateCell(instant: Date): Date {
  return new Date(instant.getTime() + CHINA_OFFSET_MS);
}

export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONEY_FORMAT = '#,##0.00';

/** What a column of an exported list holds: text, a date (YYYY-MM-DD), an instant (ISO), an amount in yuan, a count. */
export type CellKind = 'text' | 'date' | 'instant' | 'money' | 'count';
export interface ListColumn<T> {
  /** The Chinese header. */
  header: string;
  width: number;
  kind?: CellKind;
  value: (row: T, index: number) => string | number | null | undefined;
}

/** A date (YYYY-MM-DD) as a date cell. */
function dateCell(d: string): Date | string {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T00:00:00Z`) : d;
}

function cellOf(kind: CellKind, v: string | number | null | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (kind === 'date') return dateCell(String(v));
  if (kind === 'instant') return beijingDateCell(new Date(String(v)));
  if (kind === 'money' || kind === 'count') return Number(v);
  return String(v);
}

/** A sheet ready to write: its headers and its rows' raw values (see `listSheet`). */
export interface ListSheet {
  name: string;
  title: string;
  subtitle: string;
  columns: ReadonlyArray<{ header: string; width: number; kind: CellKind }>;
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>;
}

/** A list's rows read through its columns. */
export function listSheet<T>(s: {
  name: string;
  title: string;
  subtitle: string;
  columns: ListColumn<T>[];
  rows: readonly T[];
}): ListSheet {
  return {
    name: s.name,
    title: s.title,
    subtitle: s.subtitle,
    columns: s.columns.map((c) => ({ header: c.header, width: c.width, kind: c.kind ?? 'text' })),
    rows: s.rows.map((row, i) => s.columns.map((c) => c.value(row, i))),
  };
}

/**
 * Sheets of lists as a bureau prints them: the title in row 1, what it covers in row 2, the Chinese header in row 3
 * (repeated on every printed page, frozen on screen), A4 landscape one page wide; dates and times as date cells,
 * amounts as numbers with two decimals.
 */
export async function listWorkbook(sheets: readonly ListSheet[], created: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '惠企 Huiqi';
  wb.created = created;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, bureauSheet(3));
    ws.columns = s.columns.map((c, i) => ({ key: `c${i}`, width: c.width }));
    const last = ws.getColumn(s.columns.length).letter;
    ws.mergeCells(`A1:${last}1`);
    ws.getCell('A1').value = s.title;
    ws.getCell('A1').font = { bold: true, size: 14 };
    ws.getCell('A1').alignment = { horizontal: 'center' };
    ws.mergeCells(`A2:${last}2`);
    ws.getCell('A2').value = s.subtitle;
    ws.getCell('A2').alignment = { horizontal: 'center' };
    const header = ws.addRow(s.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    for (const values of s.rows) {
      const r = ws.addRow(s.columns.map((c, j) => cellOf(c.kind, values[j])));
      s.columns.forEach((c, j) => {
        const cell = r.getCell(j + 1);
        if (c.kind === 'date' && cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
        if (c.kind === 'instant' && cell.value instanceof Date) cell.numFmt = DATE_TIME_FORMAT;
        if (c.kind === 'money') cell.numFmt = MONEY_FORMAT;
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
