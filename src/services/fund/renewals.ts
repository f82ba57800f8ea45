/**
 * Renewals of 江工信工业互联网〔2021〕4号 (its validity ended 2024-05-15, 第十八条) recorded as policy versions on the
 * platform's policy-versions table (policy `iifund`), maker–checker as for the 政银保 rules (ADR 0011): a city
 * administrator drafts, another city account approves; every cited article must be found in the pasted text.
 */
import { and, eq } from 'drizzle-orm';
import type { TIifundRenewal } from '../../contracts/fund';
import { policyVersions } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { IIFUND_POLICY } from '../../domain/fund/versions';
import { cite, locateCitation } from '../../domain/policies/core/citation';
import { type Ctx, inTx } from '../context';
import { uniqueViolationOf } from '../enterprises';
import { AppError, Errors, fieldError } from '../errors';
import { auditedRows } from '../workflow';
import { fundStep, requireActor } from './records';

function checkArticle(text: string, a: { ref: string[]; quote: string }, path: string, label: string) {
  const found = locateCitation(text, cite('003', a.ref, a.quote));
  if (!found.ok) throw fieldError(path, label, `在通知原文中找不到：${found.reason}`, 'is not in the pasted text');
}

const versionRows = auditedRows(policyVersions, 'policy_version');

export async function draftIifundRenewal(ctx: Ctx, input: TIifundRenewal): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.policy.renew')) throw Errors.forbidden('续期文件由市级业务管理员登记');
  checkArticle(input.sourceText, input.params.validityArticle, 'params.validityArticle', '有效期条款');
  for (const [k, c] of Object.entries(input.params.changes))
    if (c) checkArticle(input.sourceText, c.article, `params.changes.${k}.article`, `参数“${k}”的依据条款`);
  try {
    return await inTx(ctx, async (tx) => {
      const id = await versionRows.insert(tx, ctx, {
        values: {
          policyId: IIFUND_POLICY,
          docNumber: input.docNumber,
          title: input.title,
          issuer: input.issuer,
          issuedOn: input.issuedOn,
          validFrom: input.validFrom,
          validTo: input.validTo,
          sourceText: input.sourceText,
          params: input.params,
          status: 'draft',
          draftedBy: actor.id,
          draftedAt: ctx.now,
          updatedAt: ctx.now,
        },
        action: 'fund.renewal_drafted',
        after: { docNumber: input.docNumber, validFrom: input.validFrom, validTo: input.validTo, params: input.params },
      });
      return { id };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (uniqueViolationOf(e))
      throw Errors.conflict(
        'DUPLICATE_VERSION',
        `文号 ${input.docNumber} 已登记`,
        `${input.docNumber} is already recorded`,
      );
    throw e;
  }
}

export async function approveIifundRenewal(ctx: Ctx, id: string): Promise<{ id: string }> {
  return fundStep(ctx, 'fund.policy.approve_renewal', '续期文件由市级审核人员或业务管理员批准', async (tx, actor) => {
    const [row] = await tx
      .select()
      .from(policyVersions)
      .where(and(eq(policyVersions.id, id), eq(policyVersions.policyId, IIFUND_POLICY)))
      .for('update');
    if (!row) throw Errors.notFound({ zh: '续期文件', en: 'Renewal' });
    if (row.status !== 'draft') throw Errors.conflict('VERSION_NOT_DRAFT', '该续期文件已批准', 'Already approved');
    if (!mayDo(actor, 'fund.policy.approve_renewal', { enterpriseId: null, editable: true, madeBy: row.draftedBy }))
      throw Errors.forbidden('续期文件须由起草人以外的市级审核人员或业务管理员批准（双人复核）');
    await versionRows.update(tx, ctx, id, {
      set: { status: 'approved', approvedBy: actor.id, approvedAt: ctx.now, updatedAt: ctx.now },
      action: 'fund.renewal_approved',
      before: { status: 'draft' },
      after: { status: 'approved', docNumber: row.docNumber, validFrom: row.validFrom, validTo: row.validTo },
    });
    return { id };
  });
}
