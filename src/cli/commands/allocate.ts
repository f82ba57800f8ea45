/** `huiqi allocate [--json]`: first-come-first-served budget allocation (申报指南 六（四）). */
import { ZAllocateInput } from '../../contracts/calculators';
import { allocateApi } from '../../services/calculators';
import { type CliIO, EXIT_OK, hasFlag, printJson, readInput, table } from './_io';

const STATUS_ZH = {
  funded: '足额',
  partial: '部分',
  unfunded: '未安排（预算用完）',
  skipped: '跳过',
  stopped: '未安排（停止）',
} as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const input = await readInput(args, io, ZAllocateInput);
  if (!input.ok) return input.code;
  const r = allocateApi(input.value);
  if (hasFlag(args, 'json')) {
    printJson(io, r);
    return EXIT_OK;
  }
  io.out(`预算 ${r.budget} 元，方式 ${r.mode}；排序：${r.order}`);
  table(
    io,
    ['名次', '申请', '申请金额', '安排金额', '结果'],
    r.awards.map((a) => [String(a.rank), a.id, a.requested, a.awarded, STATUS_ZH[a.status]]),
  );
  io.out(`合计安排 ${r.totalAwarded} 元，余额 ${r.remaining} 元`);
  return EXIT_OK;
}
