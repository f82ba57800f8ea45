/**
 * How the platform's Excel files print, written once: A4 landscape, one page wide, the header row repeated on every
 * printed page and frozen on screen, page numbers in the footer. Times go in as date cells holding Beijing wall time
 * (a spreadsheet has no timezone), so a bureau can sort and filter them as dates.
 */
import type ExcelJS from 'exceljs';
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
