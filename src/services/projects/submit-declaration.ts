/**
 * The enterprise submits its declaration (or resubmits a returned one). In one transaction: the idempotency key,
 * a row lock on the declaration (a duplicate sent at the same moment waits, then finds it submitted), the
 * state machine, the filing window (第七条（一）, named when closed), completeness, materials, the policy
 * engine's eligibility at the declaration date, the resource-pool priority flag, the due date of district
 * verification, the timeline, notices to the district's reviewers, and the audit event.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { projectDeclarations } from '../../db/schema';
import { ACTIVE_STATES, type DeclarationState } from '../../domain/workflow/declaration';
import { reverifyDueOn, verifyDueOn } from '../calendar';
import { type Ctx, inTx } from '../context';
import { districtReviewers, notifyUsers } from '../notifications';
import { requireEnterpriseActor } from './create-declaration';
import { auditStep, declarationForStep, takeStep } from './declaration-step';
import { projectErrors } from './errors';
import { claimKey } from './idempotency';
import { assessReadiness } from './readiness';
import { contentOf, loadEnterprise, loadParts, predecessorOf } from './repository';

export async function submitDeclaration(
  ctx: Ctx,
  id: string,
  idempotencyKey?: string,
): Promise<{ id: string; replayed: boolean }> {
  const actor = requireEnterpriseActor(ctx);
  return inTx(ctx, async (tx) => {
    if (idempotencyKey) {
      const claim = await claimKey(tx, actor.id, idempotencyKey, 'submit', id);
      if (!claim.fresh) return { id, replayed: true };
    }
    const resubmitting = (from: DeclarationState) => (from === 'returned' ? 'resubmit' : 'submit');
    const { row, step } = await declarationForStep(tx, actor, id, resubmitting, 'enterprise');
    const event = step.event as 'submit' | 'resubmit';

    const agg = await loadParts(tx, row);
    const content = contentOf(agg);
    const enterprise = await loadEnterprise(tx, row.enterpriseId);
    const predecessor = await predecessorOf(tx, row);
    // The eligibility kept on the record is the Chinese one, whatever language the request asked for; the
    // refusals thrown below are bilingual and answer in the request's language.
    const r = await assessReadiness(
      tx,
      { ...ctx, lang: 'zh' },
      {
        enterprise,
        content,
        files: agg.files,
        mode: event,
        declaredOn: row.declaredOn,
        declarationMonth: row.declarationMonth,
        returnDeadline: row.returnDeadline,
        predecessor,
      },
    );
    if (r.errors.length > 0) throw r.errors[0]!;
    // One live declaration per project (a numbered project is not declared again).
    const [dup] = await tx
      .select({ id: projectDeclarations.id })
      .from(projectDeclarations)
      .where(
        and(
          eq(projectDeclarations.enterpriseId, row.enterpriseId),
          sql`lower(${projectDeclarations.name}) = lower(${content.name})`,
          inArray(projectDeclarations.state, [...ACTIVE_STATES]),
          ne(projectDeclarations.id, id),
        ),
      );
    if (dup) throw projectErrors.duplicateProject(content.name ?? '');

    const window = r.window;
    const due =
      event === 'submit' && window ? verifyDueOn(r.calendar, window.closes) : reverifyDueOn(r.calendar, r.today);
    await takeStep(
      tx,
      ctx,
      step,
      {
        districtCode: enterprise.districtCode,
        ...(event === 'submit' && window
          ? {
              declaredOn: r.today,
              declarationMonth: window.month,
              windowOpens: window.opens,
              windowCloses: window.closes,
              submittedAt: ctx.now,
            }
          : {}),
        verifyDueOn: due,
        lastSubmittedAt: ctx.now,
        submissionCount: sql`${projectDeclarations.submissionCount} + 1`,
        returnDeadline: null,
        resourcePoolLed: r.view.resourcePoolLed,
        leadProviderUscc: r.view.leadProvider.uscc,
        leadProviderName: r.view.leadProvider.name,
        eligibility: r.view.eligibility,
      },
      {
        enterpriseName: enterprise.name,
        details: {
          declaredOn: r.declaredOn,
          declarationMonth: window?.month ?? row.declarationMonth,
          verifyDueOn: due,
          eligibility: r.view.eligibility.status,
          unknowns: r.view.eligibility.unknowns.map((u) => u.code),
          resourcePoolLed: r.view.resourcePoolLed,
        },
      },
    );
    const reviewers = await districtReviewers(tx, enterprise.districtCode);
    await notifyUsers(tx, ctx.deps, ctx.now, reviewers, {
      kind: event === 'submit' ? 'declaration_submitted' : 'declaration_resubmitted',
      title: `${event === 'submit' ? '新的入库申报待核实' : '补正后的申报待核实'}：${row.name ?? ''}`,
      body: `${enterprise.name}${event === 'submit' ? '提交了' : '补正后重新提交了'}数字化转型项目入库申报“${row.name ?? ''}”，请于${due}前完成核实（江工信工业互联网〔2023〕33号 第七条（二））。${r.view.resourcePoolLed ? '该项目由资源池服务商牵头，优先推荐入库（申报指南 四（五））。' : ''}`,
      link: `/district/declarations/${id}`,
      objectType: 'project_declaration',
      objectId: id,
    });
    await auditStep(
      tx,
      ctx,
      step,
      event === 'submit' ? 'project_declaration.submitted' : 'project_declaration.resubmitted',
      {
        declaredOn: r.declaredOn,
        declarationMonth: window?.month ?? row.declarationMonth,
        verifyDueOn: due,
        eligibility: r.view.eligibility.status,
        resourcePoolLed: r.view.resourcePoolLed,
      },
    );
    return { id, replayed: false };
  });
}
