/** The enterprise withdraws a draft, or a declaration the district has not yet verified. */
import { eq, sql } from 'drizzle-orm';
import { projectDeclarations } from '../../db/schema';
import { type DeclarationState, transition } from '../../domain/workflow/declaration';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { districtReviewers, notifyUsers } from '../notifications';
import { requireEnterpriseActor } from './create-declaration';
import { projectErrors } from './errors';
import { findDeclaration, loadEnterprise } from './repository';
import { appendTimeline } from './timeline';

export async function withdrawDeclaration(ctx: Ctx, id: string, reason?: string | null): Promise<void> {
  const actor = requireEnterpriseActor(ctx);
  await inTx(ctx, async (tx) => {
    const row = await findDeclaration(tx, actor, id, { forUpdate: true });
    if (!row) throw projectErrors.declarationNotFound();
    const t = transition(row.state as DeclarationState, 'withdraw', 'enterprise', reason);
    if (!t.ok) throw projectErrors.transition(t.refusal);
    await tx
      .update(projectDeclarations)
      .set({ state: t.to, version: sql`${projectDeclarations.version} + 1`, updatedAt: ctx.now })
      .where(eq(projectDeclarations.id, id));
    const enterprise = await loadEnterprise(tx, row.enterpriseId);
    await appendTimeline(tx, ctx, {
      declarationId: id,
      event: 'withdraw',
      fromState: row.state,
      toState: t.to,
      reason: reason ?? null,
      enterpriseName: enterprise.name,
    });
    if (row.state === 'submitted')
      await notifyUsers(tx, ctx.deps, ctx.now, await districtReviewers(tx, row.districtCode), {
        kind: 'declaration_submitted',
        title: `申报已撤回：${row.name ?? ''}`,
        body: `${enterprise.name}已撤回入库申报“${row.name ?? ''}”，无须核实。`,
        link: `/district/declarations/${id}`,
        objectType: 'project_declaration',
        objectId: id,
      });
    await recordAudit(tx, ctx, {
      action: 'project_declaration.withdrawn',
      objectType: 'project_declaration',
      objectId: id,
      before: { state: row.state },
      after: { state: t.to, reason: reason ?? null },
    });
  });
}
