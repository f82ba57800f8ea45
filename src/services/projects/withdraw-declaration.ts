/** The enterprise withdraws a draft, or a declaration the district has not yet verified. */
import { type Ctx, inTx } from '../context';
import { districtReviewers, notifyUsers } from '../notifications';
import { requireEnterpriseActor } from './create-declaration';
import { auditStep, declarationForStep, takeStep } from './declaration-step';
import { loadEnterprise } from './repository';

export async function withdrawDeclaration(ctx: Ctx, id: string, reason?: string | null): Promise<void> {
  const actor = requireEnterpriseActor(ctx);
  await inTx(ctx, async (tx) => {
    const { row, step } = await declarationForStep(tx, actor, id, 'withdraw', 'enterprise', reason);
    const enterprise = await loadEnterprise(tx, row.enterpriseId);
    await takeStep(tx, ctx, step, {}, { reason: reason ?? null, enterpriseName: enterprise.name });
    if (row.state === 'submitted')
      await notifyUsers(tx, ctx.deps, ctx.now, await districtReviewers(tx, row.districtCode), {
        kind: 'declaration_submitted',
        title: `申报已撤回：${row.name ?? ''}`,
        body: `${enterprise.name}已撤回入库申报“${row.name ?? ''}”，无须核实。`,
        link: `/district/declarations/${id}`,
        objectType: 'project_declaration',
        objectId: id,
      });
    await auditStep(tx, ctx, step, 'project_declaration.withdrawn', { reason: reason ?? null });
  });
}
