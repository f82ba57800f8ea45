/**
 * `huiqi risk-compensation [--json]`: risk compensation for a non-performing loan and what later recoveries return
 * to the pool (方案 三（五）2.、3.). Input is JSON on standard input (or `--input file.json`).
 */
import { ZRiskCompensationInput } from '../../contracts/guarantee';
import { riskCompensationApi } from '../../services/guarantee';
import { type CliIO, EXIT_OK, hasFlag, printJson, readInput } from './_io';

export async function run(args: string[], io: CliIO): Promise<number> {
  const input = await readInput(args, io, ZRiskCompensationInput);
  if (!input.ok) return input.code;
  const r = riskCompensationApi(input.value);
  if (hasFlag(args, 'json')) printJson(io, r);
  else {
    for (const line of r.explanation) io.out(line);
    io.out(`补偿 ${r.compensation} 元，返还资金池 ${r.returned} 元，净补偿 ${r.net} 元`);
  }
  return EXIT_OK;
}
