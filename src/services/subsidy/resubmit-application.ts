/** The enterprise corrects a returned application and submits it again to its district. */
import { and, eq, sql } from 'drizzle-orm';
import type { TResubmitApplication } from '../../contracts/subsidy';
import { subsidyApplications } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { type ApplicationStatus, applicationTransition } from '../../domain/workflow/application';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { loadCampaign } from './campaigns';
import { APPLICATION, type ReviewEntry } from './review-application';
import { applicationScope } from './scope';
import { auditSnapshot, prepareApplicationBody, writeApplicationLines } from './submit-application';

export async function resubmitApplication(
  ctx: Ctx & { actor: Actor },
  id: string,
  input: TResubmitApplication,
): Promise<{ id: string; status: ApplicationStatus; version: number }> {
  return inTx(ctx, async (tx) => {
    const [app] = await tx
      .select()
      .from(subsidyApplications)
      .where(and(eq(subsidyApplications.id, id), applicationScope(ctx.actor)))
      .for('update')
      .limit(1);
    if (!app) throw Errors.notFound(APPLICATION);
    const t = applicationTransition(app.status as ApplicationStatus, 'resubmit', ctx.actor.role);
    if (!t.ok) {
      if (t.code === 'ROLE_NOT_ALLOWED') throw Errors.forbidden(t.zh, t.en);
      throw Errors.conflict('WRONG_STATE', t.zh, t.en);
    }
    if (app.version !== input.version) {
      throw Errors.conflict(
        'STALE_VERSION',
        '申请已被他人修改，请刷新后重试',
        'The application changed; reload and retry',
      );
    }
    const campaign = await loadCampaign(tx, app.campaignId);
    if (campaign.status !== 'open') {
      throw Errors.unprocessable(
        'CAMPAIGN_CLOSED',
        `${campaign.title}已完成分配，不能再修改申请`,
        'The campaign is already allocated',
      );
    }
    const prepared = await prepareApplicationBody(tx, ctx, {
      enterpriseId: app.enterpriseId,
      applicationId: app.id,
      projectId: app.projectId,
      campaign,
      body: input,
    });
    const entry: ReviewEntry = {
      stage: 'enterprise',
      decision: 'resubmit',
      reasons: [],
      comment: null,
      by: ctx.actor.id,
      byName: ctx.actor.name,
      at: ctx.now.toISOString(),
    };
    await tx
      .update(subsidyApplications)
      .set({
        status: t.to,
        interestFrom: input.interestFrom,
        interestTo: input.interestTo,
        newInvestmentFen: prepared.newInvestmentFen,
        progressReport: input.progressReport,
        claimedInterestFen: prepared.claimedInterestFen,
        bankInterestFen: prepared.bankInterestFen,
        firstDisbursedAt: prepared.firstDisbursedAt,
        reviews: sql`${subsidyApplications.reviews} || ${JSON.stringify([entry])}::jsonb`,
        version: app.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(subsidyApplications.id, id));
    await writeApplicationLines(tx, id, app.campaignId, prepared);
    await recordAudit(tx, ctx, {
      action: 'subsidy.application_resubmitted',
      objectType: 'subsidy_application',
      objectId: id,
      before: { status: app.status },
      after: auditSnapshot(prepared, { status: t.to }),
    });
    return { id, status: t.to, version: app.version + 1 };
  });
}
