/**
 * Maker–checker: a city reviewer or administrator other than the one who drafted it approves a draft version;
 * from its start date the engine decides with it. Older versions whose every day it now governs are marked
 * superseded (each with its own audit event, in the same transaction).
 */
import { and, eq } from 'drizzle-orm';
import { policyVersions } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { isWhollySuperseded, ZYB_BASE_VERSION } from '../../domain/policies/zyb/versions';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { changingReference } from '../reference-cache';
import { isStoredId, selectVersionRows, toZybVersion, ZYB_POLICY } from './records';

export async function approvePolicyVersion(ctx: Ctx, id: string): Promise<{ id: string; superseded: string[] }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'policy.version.read_drafts'))
    throw Errors.forbidden('只有市级审核人员或业务管理员可以批准政策版本', 'Only city reviewers approve versions');
  if (!isStoredId(id)) throw Errors.notFound({ zh: '政策版本', en: 'Policy version' });
  return changingReference('zyb-versions', () =>
    inTx(ctx, async (tx) => {
      const [row] = await tx
        .select()
        .from(policyVersions)
        .where(and(eq(policyVersions.id, id), eq(policyVersions.policyId, ZYB_POLICY)))
        .for('update');
      if (!row) throw Errors.notFound({ zh: '政策版本', en: 'Policy version' });
      if (row.status !== 'draft')
        throw Errors.conflict(
          'VERSION_NOT_DRAFT',
          '该政策版本已批准，不能重复批准',
          'This version is already approved',
        );
      if (!mayDo(actor, 'policy.version.approve', { enterpriseId: null, editable: true, madeBy: row.draftedBy }))
        throw Errors.forbidden(
          '政策版本须由起草人以外的市级审核人员或业务管理员批准（双人复核）',
          'A version is approved by someone other than its drafter (maker–checker)',
        );
      const [approved] = await tx
        .update(policyVersions)
        .set({ status: 'approved', approvedBy: actor.id, approvedAt: ctx.now, updatedAt: ctx.now })
        .where(eq(policyVersions.id, id))
        .returning();
      await recordAudit(tx, ctx, {
        action: 'policy_version.approved',
        objectType: 'policy_version',
        objectId: id,
        before: { status: 'draft' },
        after: { status: 'approved', docNumber: row.docNumber, validFrom: row.validFrom, validTo: row.validTo },
      });
      // Older approved versions now wholly governed by later ones are superseded.
      const rows = await selectVersionRows(tx, eq(policyVersions.status, 'approved'));
      const all = [ZYB_BASE_VERSION, ...rows.map(toZybVersion)];
      const superseded: string[] = [];
      for (const r of rows) {
        if (r.id === approved!.id) continue;
        const v = all.find((x) => x.id === r.id)!;
        if (!isWhollySuperseded(all, v)) continue;
        await tx
          .update(policyVersions)
          .set({ status: 'superseded', supersededAt: ctx.now, supersededBy: id, updatedAt: ctx.now })
          .where(eq(policyVersions.id, r.id));
        await recordAudit(tx, ctx, {
          action: 'policy_version.superseded',
          objectType: 'policy_version',
          objectId: r.id,
          before: { status: 'approved' },
          after: { status: 'superseded', supersededBy: id },
        });
        superseded.push(r.id);
      }
      return { id, superseded };
    }),
  );
}
