/**
 * `huiqi policies list [--as-of YYYY-MM-DD] [--json]`: the catalogue, each policy with validity, parameters and
 * rules, all cited. `huiqi policies match [--json]`: given an enterprise's facts (JSON on standard input), the
 * policies it may claim, estimated amounts, conditions still to prove, expired ones marked.
 */
import { parseWith, ZPolicyListQuery, ZPolicyMatchInput } from '../../contracts/calculators';
import { policyListApi, policyMatchApi } from '../../services/calculators';
import { POLICIES_MATCH_INPUT } from '../policies-match-input';
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

const POLICIES_USAGE = `huiqi policies list [--as-of YYYY-MM-DD] [--json]；huiqi policies match [--json] < 企业情况.json（${POLICIES_MATCH_INPUT}）`;

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
    // What applies first; then, folded, what could apply once facts are proved; an expired or not yet
    // effective measure is never listed as claimable and shows no amount.
    const applies = r.policies.filter((p) => p.claimable && p.toProve.length === 0);
    const toProve = r.policies.filter((p) => p.claimable && p.toProve.length > 0);
    const ineligible = r.policies.filter((p) => !p.claimable && p.validity.status === 'in_force');
    const closed = r.policies.filter((p) => p.validity.status !== 'in_force');
    const line = (p: (typeof r.policies)[number], withAmount: boolean) => {
      const amount =
        !withAmount || p.estimate.amount === null
          ? p.estimate.kindText
          : `${p.estimate.kindText} ${p.estimate.amount} 元`;
      io.out(
        `【${p.validity.statusText}】${p.name}（${p.docNumber}）：${amount}${p.estimate.note ? `；${p.estimate.note}` : ''}`,
      );
      for (const n of p.notes) io.out(`    说明：${n}`);
    };
    io.out(`截至${r.asOf}可申请的政策：${applies.length ? '' : '无'}`);
    for (const p of applies) line(p, true);
    io.out(`尚需证明条件后可能申请的政策：${toProve.length}项${toProve.length ? '（每项列出尚需证明的条件）' : ''}`);
    for (const p of toProve) {
      line(p, true);
      for (const c of p.toProve) io.out(`    ${c.message}（${c.citation}）`);
    }
    if (ineligible.length) io.out(`不符合条件的政策：${ineligible.length}项`);
    for (const p of ineligible) {
      line(p, false);
      for (const c of p.failures) io.out(`    ${c.message}（${c.citation}）`);
    }
    if (closed.length) io.out(`另有${closed.length}项政策不在有效期内，不可申请（不列金额；--json 可查看明细）`);
    return EXIT_OK;
  }
  return reportBadInput(
    io,
    json,
    badInput(`输入有误：未知的子命令“${sub ?? ''}”。用法：${POLICIES_USAGE}`, 'subcommand'),
  );
}
