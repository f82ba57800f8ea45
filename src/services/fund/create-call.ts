/**
 * The operator (数江公司, 第六条 组织项目申报) drafts a call: its programme and year, directions with budgets (each
 * direction's support standard read from the rules in force on the opening day), dates, materials and the scoring
 * template. A special-fund call opening after 2024-05-15 needs an approved renewal of 003 (第十八条); the bureau then
 * approves it (第十条（一）).
 */
import type { TCreateCall } from '../../contracts/fund';
import { fundCallDirections } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { rankInputProblems } from '../../domain/fund/ranking';
import { DIRECTION_ZH, PROGRAMME_DIRECTIONS, PROGRAMME_KIND_ZH } from '../../domain/fund/standards';
import { governingVersion } from '../../domain/fund/versions';
import { yuanToFen } from '../../domain/money/index';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { callRows, loadIifundVersions, requireActor } from './records';

export const RESOURCE_POOL_BASIS = 'guide.001';

export async function createCall(ctx: Ctx, input: TCreateCall): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.call.create')) throw Errors.forbidden('申报通知由受托机构起草');
  const allowed = PROGRAMME_DIRECTIONS[input.programme];
  input.directions.forEach((d, i) => {
    if (!allowed.includes(d.direction))
      throw fieldError(
        `directions.${i}.direction`,
        '方向',
        `“${DIRECTION_ZH[d.direction]}”不属于${PROGRAMME_KIND_ZH[input.programme]}`,
        'is not a direction of this programme',
      );
  });
  if (new Set(input.directions.map((d) => d.direction)).size !== input.directions.length)
    throw fieldError('directions', '方向', '同一方向只能开放一次', 'lists a direction twice');
  const problems = rankInputProblems({
    criteria: input.criteria,
    method: input.method,
    minReviews: input.minReviews,
    threshold: input.threshold,
    applications: [],
    reviews: [],
  });
  if (problems[0]) throw fieldError(problems[0].path.join('.'), '评分模板', problems[0].message, 'is not valid');
  if (input.minReviews > input.expertsPerApplication)
    throw fieldError('minReviews', '最少有效评分数', '不能多于每项申报抽取的专家数', 'exceeds the experts drawn');
  let policyVersion = RESOURCE_POOL_BASIS;
  if (input.programme === 'special_fund') {
    const g = governingVersion(await loadIifundVersions(ctx.deps.db), input.opensOn);
    if (!g.ok) throw fieldError('opensOn', '申报开始日期', g.zh, 'is outside every version of the rules');
    policyVersion = g.version.id;
  }
  return inTx(ctx, async (tx) => {
    const id = await callRows.insert(tx, ctx, {
      values: {
        programme: input.programme,
        year: input.year,
        title: input.title,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        materials: input.materials,
        criteria: input.criteria,
        method: input.method,
        minReviews: input.minReviews,
        expertsPerApplication: input.expertsPerApplication,
        threshold: input.threshold,
        policyVersion,
        operatorInstitutionId: actor.institutionId!,
        createdBy: actor.id,
        createdAt: ctx.now,
      },
      action: 'fund.call_created',
      after: {
        programme: input.programme,
        year: input.year,
        title: input.title,
        policyVersion,
        directions: input.directions,
      },
    });
    await tx
      .insert(fundCallDirections)
      .values(input.directions.map((d) => ({ callId: id, direction: d.direction, budgetFen: yuanToFen(d.budget) })));
    return { id };
  });
}
