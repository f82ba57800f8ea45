/**
 * `huiqi policies list [--as-of YYYY-MM-DD] [--json]`: the catalogue, each policy with validity, parameters and
 * rules, all cited. `huiqi policies match [--json]`: given an enterprise's facts (JSON on standard input), the
 * policies it may claim, estimated amounts, conditions still to prove, expired ones marked.
 */
import { parseWith, ZPolicyListQuery, ZPolicyMatchInput } from '../../contracts/calculators';
import { policyListApi, policyMatchApi } from '../../services/calculators';
import {
  badInput,
  type CliIO,
  EXIT_OK,
  flagValue,
  hasFlag,
  positionals,
  printJson,
  readInput,
  reportBadInput,
} from './_io';

const VALIDITY_ZH = { in_force: '有效', not_yet: '尚未施行', expired: '已失效' } as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const json = hasFlag(args, 'json');
  const [sub] = positionals(args);
  if (sub === 'list') {
    const asOf = flagValue(args, 'as-of');
    const parsed = parseWith(ZPolicyListQuery, asOf === undefined ? {} : { asOf });
    if (!parsed.ok) return reportBadInput(io, json, parsed.error);
    const r = policyListApi(parsed.value);
    if (json) printJson(io, r);
    else
      for (const p of r.policies) {
        const status = p.validity.status ? `【${VALIDITY_ZH[p.validity.status]}】` : '';
        io.out(`${status}${p.name}（${p.id}）${p.docNumber}，有效期${p.validity.from}至${p.validity.to ?? '长期'}`);
        io.out(`    ${p.summary}`);
      }
    return EXIT_OK;
  }
  if (sub === 'match') {
    const input = await readInput(args, io, ZPolicyMatchInput);
    if (!input.ok) return input.code;
    const r = policyMatchApi(input.value);
    if (json) {
      printJson(io, r);
      return EXIT_OK;
    }
    io.out(`截至${r.asOf}可申请或待确认的政策：`);
    for (const p of r.policies) {
      const amount =
        p.estimate.amount === null ? p.estimate.kindText : `${p.estimate.kindText} ${p.estimate.amount} 元`;
      io.out(
        `【${p.validity.statusText}】${p.name}（${p.docNumber}）：${amount}${p.estimate.note ? `；${p.estimate.note}` : ''}`,
      );
      for (const c of p.toProve) io.out(`    待证明：${c.message}（${c.citation}）`);
      for (const n of p.notes) io.out(`    说明：${n}`);
    }
    return EXIT_OK;
  }
  return reportBadInput(
    io,
    json,
    badInput(`输入有误：未知的子命令“${sub ?? ''}”。用法：huiqi policies list|match [--json]`, 'subcommand'),
  );
}
