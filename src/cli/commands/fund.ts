/**
 * `huiqi fund rank [--json]`: the ranking of a competitive call from its scoring template and the experts' reviews
 * (江工信工业互联网〔2021〕4号 第十一条 专家评审, 第十条（二） 排序优选). The JSON shapes are a contract (README).
 */
import { ZRankInput } from '../../contracts/fund';
import { rankApplications } from '../../domain/fund/ranking';
import {
  badInput,
  type CliIO,
  EXIT_OK,
  hasFlag,
  positionals,
  printJson,
  readInput,
  reportBadInput,
  table,
} from './_io';

const STATUS_ZH = { ranked: '入围', below_threshold: '低于分数线', insufficient_reviews: '有效评分不足' } as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const [sub] = positionals(args);
  if (sub !== 'rank')
    return reportBadInput(
      io,
      hasFlag(args, 'json'),
      badInput('用法：huiqi fund rank [--json]（从标准输入读取评分 JSON）', 'command'),
    );
  const input = await readInput(args, io, ZRankInput);
  if (!input.ok) return input.code;
  const ranking = rankApplications(input.value);
  if (hasFlag(args, 'json')) {
    printJson(io, { ranking });
    return EXIT_OK;
  }
  table(
    io,
    ['名次', '申报', '得分', '有效评分', '结果'],
    ranking.map((r) => [
      r.rank === null ? '—' : String(r.rank),
      r.id,
      r.score ?? '—',
      String(r.reviews),
      STATUS_ZH[r.status],
    ]),
  );
  return EXIT_OK;
}
