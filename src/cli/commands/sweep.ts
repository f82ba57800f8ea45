/**
 * `huiqi sweep [--as-of <日期或时间>] [--json] [--force]`: runs the periodic duties once — the financing zone's
 * overdue orders are marked (the bank reminded, the city told), the credit profile's time-based risk warnings are
 * raised (principal unpaid after maturity, an expired digital-level result), and the project library's:
 * returned declarations past their correction deadline lapse, filing-window, verification-due and progress-report
 * notices go out (each at most once, so running it again, or on several instances, sends nothing twice). The
 * server does not run it by itself: schedule it (e.g. cron, daily after 08:00 Beijing time).
 *
 * Exit codes: 0 done; 1 unexpected error; 2 bad input; 3 the database cannot be opened.
 */
import { systemCtx } from '../../services/context';
import { sweepCreditWarnings } from '../../services/credit';
import { sweepOverdueOrders } from '../../services/financing';
import { sweepProjectLibrary } from '../../services/projects';
import { badInput, type CliIO, EXIT_OK, flagValue, hasFlag, printJson, reportBadInput } from './_io';
import { checkArgs, openRuntime, parseAsOf, reportUnavailable } from './_runtime';

const USAGE = '用法：huiqi sweep [--as-of <YYYY-MM-DD 或 ISO 8601 时间>] [--json] [--force]';

export async function run(args: string[], io: CliIO): Promise<number> {
  return runSweep(args, io, process.env);
}

/** As `run`, with the environment passed in (tests). */
export async function runSweep(args: string[], io: CliIO, env: NodeJS.ProcessEnv): Promise<number> {
  const json = hasFlag(args, 'json');
  const bad = checkArgs(io, args, { words: [], flags: ['json', 'force'], valueFlags: ['as-of'], usage: USAGE });
  if (bad !== null) return bad;
  const asOfText = flagValue(args, 'as-of');
  const asOf = asOfText === undefined ? undefined : parseAsOf(asOfText);
  if (asOf === null) {
    return reportBadInput(
      io,
      json,
      badInput(`输入有误：执行时间（--as-of）应为 YYYY-MM-DD 日期或带时区的 ISO 8601 时间。${USAGE}`, 'as-of'),
    );
  }

  const opened = await openRuntime(env, hasFlag(args, 'force'));
  if (!opened.ok) return reportUnavailable(io, json, opened.code, opened.message);
  const { deps, label } = opened.runtime;
  try {
    const at = asOf ?? deps.clock();
    const r = await sweepProjectLibrary(deps, at);
    const financing = await sweepOverdueOrders({ ...systemCtx(deps, 'sweep'), now: at });
    const credit = await sweepCreditWarnings({ ...systemCtx(deps, 'sweep'), now: at });
    if (json)
      printJson(io, {
        database: label,
        at: at.toISOString(),
        ...r,
        financingOverdueMarked: financing.marked,
        creditWarningsRaised: credit.raised,
      });
    else
      io.out(
        `项目库巡检完成：逾期未补正失效 ${r.lapsed} 件，申报窗口通知 ${r.windowNotices} 条，核实到期提醒 ${r.reviewNotices} 条，进展报告提醒 ${r.reportNotices} 条，融资对接单新标记逾期 ${financing.marked} 件，新发风险预警 ${credit.raised} 条（数据库：${label}）。`,
      );
    return EXIT_OK;
  } finally {
    await opened.runtime.close().catch(() => {});
  }
}
