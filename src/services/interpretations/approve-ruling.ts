/**
 * Maker–checker: a city reviewer or administrator other than the one who recorded it approves a ruling; decisions
 * dated from its effective date on follow it, and their traces name it.
 */
import { eq } from 'drizzle-orm';
import { interpretationRulings } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { changingReference } from '../reference-cache';

const NOT_FOUND = { zh: '解释口径裁定', en: 'Ruling' };

export async function approveRuling(ctx: Ctx, id: string): Promise<{ id: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'policy.ruling.read_drafts'))
    throw Errors.forbidden('只有市级审核人员或业务管理员可以批准解释口径裁定', 'Only city reviewers approve rulings');
  return changingReference('rulings', () =>
    inTx(ctx, async (tx) => {
      const [row] = await tx.select().from(interpretationRulings).where(eq(interpretationRulings.id, id)).for('update');
      if (!row) throw Errors.notFound(NOT_FOUND);
      if (row.status !== 'draft')
        throw Errors.conflict('RULING_NOT_DRAFT', '该裁定已批准，不能重复批准', 'This ruling is already approved');
      if (!mayDo(actor, 'policy.ruling.approve', { enterpriseId: null, editable: true, madeBy: row.recordedBy }))
        throw Errors.forbidden(
          '解释口径裁定须由登记人以外的市级审核人员或业务管理员批准（双人复核）',
          'A ruling is approved by someone other than the one who recorded it (maker–checker)',
        );
      await tx
        .update(interpretationRulings)
        .set({ status: 'approved', approvedBy: actor.id, approvedAt: ctx.now })
        .where(eq(interpretationRulings.id, id));
      await recordAudit(tx, ctx, {
        action: 'interpretation_ruling.approved',
        objectType: 'interpretation_ruling',
        objectId: id,
        before: { status: 'draft' },
        after: {
          status: 'approved',
          interpretationId: row.interpretationId,
          option: row.option,
          effectiveFrom: row.effectiveFrom,
        },
      });
      return { id };
    }),
  );
}
