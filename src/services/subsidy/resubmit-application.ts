/** The enterprise corrects a returned application and submits it again to its district. */
import { eq, sql } from 'drizzle-orm';
import type { TResubmitApplication } from '../../contracts/subsidy';
import { subsidyApplications } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import type { ApplicationStatus } from '../../domain/workflow/application';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { loadCampaign } from './campaigns';
import { applicationForStep, assertVersion, reviewEntry } from './review-application';
import { auditSnapshot, prepareApplicationBody, writeApplicationLines } from './submit-application';

export async function resubmitApplication(
  ctx: Ctx & { actor: Actor },
  id: string,
  input: TResubmitApplication,
): Promise<{ id: string; status: ApplicationStatus; version: number }> {
  return inTx(ctx, async (tx) => {
    const { app, to } = await applicationForStep(tx, ctx, id, 'resubmit');
    assertVersion(app, input.version);
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
    const entry = reviewEntry(ctx, 'enterprise', 'resubmit', [], null);
    await tx
      .update(subsidyApplications)
      .set({
        status: to,
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
      after: auditSnapshot(prepared, { status: to }),
    });
    return { id, status: to, version: app.version + 1 };
  });
}
