/**
 * A city administrator records a renewal notice as a draft version, or corrects a draft. Every cited article
 * must be found in the pasted text (with its quoted words), so a version proves its own numbers as the committed
 * rules do. Approved versions are never edited: a change is a new version.
 */
import { and, eq } from 'drizzle-orm';
import type { TArticle, TPolicyVersionInput } from '../../contracts/policy-versions';
import { policyVersions } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { cite, locateCitation } from '../../domain/policies/core/citation';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { AppError, Errors, fieldError } from '../errors';
import { isStoredId, ZYB_POLICY } from './records';

function checkArticle(text: string, a: TArticle, path: string, label: string): void {
  const found = locateCitation(text, cite('000', a.ref, a.quote));
  if (!found.ok) throw fieldError(path, label, `在通知原文中找不到：${found.reason}`, 'is not in the pasted text');
}

/** Every article of the input is in the pasted text. */
export function checkArticles(input: TPolicyVersionInput): void {
  checkArticle(input.sourceText, input.params.validityArticle, 'params.validityArticle', '有效期条款');
  for (const [k, c] of Object.entries(input.params.changes)) {
    if (c) checkArticle(input.sourceText, c.article, `params.changes.${k}.article`, `参数“${k}”的依据条款`);
  }
}

function values(input: TPolicyVersionInput) {
  return {
    docNumber: input.docNumber,
    title: input.title,
    issuer: input.issuer,
    issuedOn: input.issuedOn,
    validFrom: input.validFrom,
    validTo: input.validTo,
    sourceText: input.sourceText,
    params: input.params,
  };
}

function duplicate(e: unknown, docNumber: string): never {
  const code =
    (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  if (code === '23505')
    throw Errors.conflict(
      'DUPLICATE_VERSION',
      `文号 ${docNumber} 已登记为政策版本`,
      `${docNumber} is already recorded`,
    );
  throw e;
}

export async function draftPolicyVersion(ctx: Ctx, input: TPolicyVersionInput): Promise<{ id: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'policy.version.draft'))
    throw Errors.forbidden('只有市级业务管理员可以登记政策版本', 'Only the city administrator records policy versions');
  checkArticles(input);
  try {
    return await inTx(ctx, async (tx) => {
      const [row] = await tx
        .insert(policyVersions)
        .values({
          policyId: ZYB_POLICY,
          ...values(input),
          status: 'draft',
          draftedBy: actor.id,
          draftedAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: policyVersions.id });
      await recordAudit(tx, ctx, {
        action: 'policy_version.drafted',
        objectType: 'policy_version',
        objectId: row!.id,
        after: { docNumber: input.docNumber, validFrom: input.validFrom, validTo: input.validTo, params: input.params },
      });
      return { id: row!.id };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    return duplicate(e, input.docNumber);
  }
}

export async function updatePolicyVersion(ctx: Ctx, id: string, input: TPolicyVersionInput): Promise<{ id: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'policy.version.update'))
    throw Errors.forbidden('只有市级业务管理员可以修改政策版本草稿', 'Only the city administrator edits drafts');
  if (!isStoredId(id)) throw Errors.notFound({ zh: '政策版本', en: 'Policy version' });
  checkArticles(input);
  try {
    return await inTx(ctx, async (tx) => {
      const [before] = await tx
        .select()
        .from(policyVersions)
        .where(and(eq(policyVersions.id, id), eq(policyVersions.policyId, ZYB_POLICY)))
        .for('update');
      if (!before) throw Errors.notFound({ zh: '政策版本', en: 'Policy version' });
      if (!mayDo(actor, 'policy.version.update', { enterpriseId: null, editable: before.status === 'draft' }))
        throw Errors.conflict(
          'VERSION_NOT_DRAFT',
          '已批准的政策版本不能修改，只能由新的版本替代',
          'An approved version is never edited, only superseded',
        );
      await tx
        .update(policyVersions)
        .set({ ...values(input), updatedAt: ctx.now })
        .where(eq(policyVersions.id, id));
      await recordAudit(tx, ctx, {
        action: 'policy_version.draft_updated',
        objectType: 'policy_version',
        objectId: id,
        before: {
          docNumber: before.docNumber,
          validFrom: before.validFrom,
          validTo: before.validTo,
          params: before.params,
        },
        after: { docNumber: input.docNumber, validFrom: input.validFrom, validTo: input.validTo, params: input.params },
      });
      return { id };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    return duplicate(e, input.docNumber);
  }
}
