/**
 * An enterprise posts a financing need (the form, possibly filled from its sentence and corrected), with its
 * consent to share the profile with the banks it names, with all, or with none. A linked project must be one of
 * the enterprise's own.
 */
import { eq } from 'drizzle-orm';
import type { TNeedInput } from '../../contracts/financing';
import { enterprises, projects } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { parseNeedText } from '../../domain/financing/parse';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { anyRow } from '../workflow';
import { fenOrNull, needRows } from './records';

export async function postNeed(ctx: Ctx, input: TNeedInput): Promise<{ id: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'financing.need.post') || !actor.enterpriseId)
    throw Errors.forbidden('只有企业用户可以发布融资需求', 'Only enterprise users post needs');
  const enterpriseId = actor.enterpriseId;
  const min = fenOrNull(input.amountMin);
  const max = fenOrNull(input.amountMax);
  if (min !== null && max !== null && min > max)
    throw fieldError('amountMax', '最高融资金额', '不能低于最低融资金额', 'is below the minimum');
  if (input.termMinMonths !== null && input.termMaxMonths !== null && input.termMinMonths > input.termMaxMonths)
    throw fieldError('termMaxMonths', '最长期限', '不能短于最短期限', 'is below the minimum');
  return inTx(ctx, async (tx) => {
    const [e] = await tx.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    if (!e) throw Errors.notFound({ zh: '企业', en: 'Enterprise' });
    const ours = (projectId: string) =>
      anyRow(tx, projects, eq(projects.id, projectId), eq(projects.enterpriseId, enterpriseId));
    if (input.projectId && !(await ours(input.projectId)))
      throw fieldError('projectId', '关联的入库项目', '不是本企业的项目', 'is not a project of yours');
    const id = await needRows.insert(tx, ctx, {
      values: {
        enterpriseId,
        districtCode: e.districtCode,
        amountMinFen: min,
        amountMaxFen: max,
        termMinMonths: input.termMinMonths,
        termMaxMonths: input.termMaxMonths,
        purpose: input.purpose,
        guarantee: input.guarantee,
        wantedBy: input.wantedBy,
        projectId: input.projectId,
        description: input.description,
        sourceText: input.sourceText,
        reading: input.sourceText ? parseNeedText(input.sourceText) : null,
        consentScope: input.consent.scope,
        consentBanks: input.consent.scope === 'named' ? input.consent.banks : [],
        consentAt: input.consent.scope === 'none' ? null : ctx.now,
        exclusive: input.exclusive,
        createdBy: actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
      action: 'financing_need.posted',
      after: { ...input },
    });
    return { id };
  });
}
