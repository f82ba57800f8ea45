/** `huiqi windows <year> [--json]`: the monthly filing windows of a year, moved by holidays (申报指南 三（四）). */
import { parseWith, ZFilingWindowsQuery } from '../../contracts/calculators';
import { filingWindowsApi } from '../../services/calculators';
import { badInput, type CliIO, EXIT_OK, hasFlag, positionals, printJson, reportBadInput, table } from './_io';

const ADJUSTMENT_ZH = { none: '', postponed: '顺延', extended: '延长', notice: '按通知' } as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const json = hasFlag(args, 'json');
  const [year] = positionals(args);
  if (year === undefined)
    return reportBadInput(io, json, badInput('输入有误：年份为必填项，用法：huiqi windows 2024 [--json]', 'year'));
  const parsed = parseWith(ZFilingWindowsQuery, { year });
  if (!parsed.ok) return reportBadInput(io, json, parsed.error);
  const result = filingWindowsApi(parsed.value);
  if (json) {
    printJson(io, result);
    return EXIT_OK;
  }
  io.out(
    `${result.year}年“政银保”数字化转型项目入库申报窗口（每月10-15日，遇节假日按申报指南 三（四）调整）` +
      (result.holidayNotice ? `，节假日依据${result.holidayNotice}` : ''),
  );
  if (!result.scheduleKnown) io.out(`注意：未收录${result.year}年国务院节假日安排，以下按周末计算，仅供参考。`);
  table(
    io,
    ['月份', '开始', '结束', '调整', '原因', '核实截止'],
    result.windows.map((w) => [
      w.month,
      w.opens,
      w.closes,
      ADJUSTMENT_ZH[w.adjustment],
      (w.reason ?? '') + (w.extensionInHoliday ? '（延长日仍在假期内）' : ''),
      w.verificationDue,
    ]),
  );
  return EXIT_OK;
}
