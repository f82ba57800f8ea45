/**
 * `huiqi financing parse [--json]`: reads `{"text":"…"}` (standard input or --input) and prints what the offline
 * reader made of the financing need: amount and term ranges, purpose, guarantee, confidence, and the figures left
 * out with the reason. Bad input: exit 2 with the Chinese message naming the field.
 */
import { ZParseNeedInput } from '../../contracts/financing';
import { parseNeed } from '../../services/financing';
import { badInput, type CliIO, EXIT_OK, hasFlag, positionals, printJson, readInput, reportBadInput } from './_io';

export async function run(args: string[], io: CliIO): Promise<number> {
  const json = hasFlag(args, 'json');
  const [sub] = positionals(args);
  if (sub !== 'parse')
    return reportBadInput(
      io,
      json,
      badInput(`输入有误：未知的子命令“${sub ?? ''}”。用法：huiqi financing parse [--json]`, 'subcommand'),
    );
  const input = await readInput(args, io, ZParseNeedInput);
  if (!input.ok) return input.code;
  const r = parseNeed(input.value.text);
  if (json) {
    printJson(io, r);
    return EXIT_OK;
  }
  const amount = r.readings.amount;
  const term = r.readings.term;
  io.out(
    `金额：${amount ? `${r.amountMin ?? '—'} 至 ${r.amountMax ?? '—'} 元（依据“${amount.evidence}”）` : '未读出'}`,
  );
  io.out(
    `期限：${term ? `${r.termMonthsMin ?? '—'} 至 ${r.termMonthsMax ?? '—'} 个月（依据“${term.evidence}”）` : '未读出'}`,
  );
  io.out(`用途：${r.purpose ?? '未读出'}；担保方式：${r.guarantee ?? '未读出'}；把握程度：${r.confidence}`);
  for (const i of r.ignored) io.out(`    未采用“${i.text}”：${i.reasonZh}`);
  return EXIT_OK;
}
