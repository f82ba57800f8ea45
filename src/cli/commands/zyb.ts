/**
 * `huiqi zyb subsidy|eligibility|decide [--json]`: the 政银保 digital-transformation interest subsidy.
 * Input is JSON on standard input (or `--input file.json`); with --json the output is the contract JSON.
 */
import {
  type TCondition,
  ZZybDecisionInput,
  ZZybEligibilityInput,
  ZZybSubsidyInput,
} from '../../contracts/calculators';
import { zybDecisionApi, zybEligibilityApi, zybSubsidyApi } from '../../services/calculators';
import { loadRulings } from '../../services/interpretations';
import { loadZybVersions } from '../../services/policy-versions';
import { badInput, type CliIO, EXIT_OK, hasFlag, positionals, printJson, readInput, reportBadInput } from './_io';
import { openRuntime, reportUnavailable } from './_runtime';

const STATUS_MARK = { pass: '✓ 符合', fail: '✗ 不符合', unknown: '? 待确认', not_applicable: '— 不适用' } as const;
const VERDICT = { eligible: '符合条件', ineligible: '不符合条件', undetermined: '尚有条件待确认' } as const;

function printConditions(io: CliIO, conditions: readonly TCondition[]): void {
  for (const c of conditions) io.out(`${STATUS_MARK[c.status]}  ${c.message}（${c.citation}）`);
}

const USAGE = '用法：huiqi zyb subsidy|eligibility|decide [--json] [--db] < input.json';

export async function run(args: string[], io: CliIO): Promise<number> {
  const json = hasFlag(args, 'json');
  const [sub] = positionals(args);
  switch (sub) {
    case 'subsidy': {
      const input = await readInput(args, io, ZZybSubsidyInput);
      if (!input.ok) return input.code;
      const r = zybSubsidyApi(input.value);
      if (json) printJson(io, r);
      else {
        for (const line of r.explanation) io.out(line);
        io.out(`补助金额：${r.amount} 元（${r.amountInWords}）${r.capped ? '，已按累计上限核减' : ''}`);
      }
      return EXIT_OK;
    }
    case 'eligibility': {
      const input = await readInput(args, io, ZZybEligibilityInput);
      if (!input.ok) return input.code;
      const r = zybEligibilityApi(input.value);
      if (json) printJson(io, r);
      else {
        io.out(`结论：${VERDICT[r.status]}`);
        if (r.window)
          io.out(
            `当月申报窗口：${r.window.opens} 至 ${r.window.closes}${r.window.reason ? `（${r.window.reason}）` : ''}`,
          );
        if (r.verificationDue) io.out(`县（市、区）核实截止：${r.verificationDue}`);
        printConditions(io, r.conditions);
      }
      return EXIT_OK;
    }
    case 'decide': {
      const input = await readInput(args, io, ZZybDecisionInput);
      if (!input.ok) return input.code;
      // --db: decide with the approved versions of the configured database (without it, the code's version).
      let zybVersions: Awaited<ReturnType<typeof loadZybVersions>> | undefined;
      let rulings: Awaited<ReturnType<typeof loadRulings>> | undefined;
      if (hasFlag(args, 'db')) {
        const opened = await openRuntime(process.env, hasFlag(args, 'force'));
        if (!opened.ok) return reportUnavailable(io, json, opened.code, opened.message);
        try {
          zybVersions = await loadZybVersions(opened.runtime.deps.db);
          rulings = await loadRulings(opened.runtime.deps.db);
        } finally {
          await opened.runtime.close();
        }
      }
      const r = zybDecisionApi(input.value, zybVersions ? { zybVersions, ...(rulings ? { rulings } : {}) } : {});
      if (json) printJson(io, r);
      else for (const line of r.explanation) io.out(line);
      return EXIT_OK;
    }
    default:
      return reportBadInput(io, json, badInput(`输入有误：未知的子命令“${sub ?? ''}”。${USAGE}`, 'subcommand'));
  }
}
