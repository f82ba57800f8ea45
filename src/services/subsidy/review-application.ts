/**
 * District check (第七条（五）补贴核查) and city verification (第七条（六）市工业和信息化局……进行核实): each passes or
 * returns with reasons. The application is read inside the actor's scope (404 outside it) and updated only if
 * its version is the one the reviewer saw.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { TReviewApplication } from '../../contracts/subsidy';
import type { Tx } from '../../db/client';
import { subsidyApplications, subsidyCampaigns } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import {
  type ApplicationAction,
  type ApplicationStatus,
  applicationTransition,
} from '../../domain/workflow/application';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { AppError, Errors } from '../errors';
import { rowInScope } from '../kit';
import { applicationScope } from './scope';

export const APPLICATION = { zh: '补贴申请', en: 'Subsidy application' };

export interface ReviewEntry {
  stage: 'district' | 'city' | 'enterprise';
  decision: string;
  reasons: string[];
  comment: string | null;
  by: string;
  byName: string;
  at: string;
}

/**
 * Loads an application in the actor's scope for update (outside it: 404) and lets the workflow decide `action`:
 * a role that may not is a 403, a return without reasons a 400 on the reasons, any other state a 409.
 */
export async function applicationForStep(
  tx: Tx,
  ctx: Ctx & { actor: Actor },
  id: string,
  action: ApplicationAction,
  reasons: readonly string[] = [],
) {
  const app = await rowInScope(tx, subsidyApplications, subsidyApplications.id, id, applicationScope(ctx.actor), {
    forUpdate: true,
  });
  if (!app) throw Errors.notFound(APPLICATION);
  const t = applicationTransition(app.status as ApplicationStatus, action, ctx.actor.role, reasons);
  if (!t.ok) {
    if (t.code === 'ROLE_NOT_ALLOWED') throw Errors.forbidden(t.zh, t.en);
    if (t.code === 'REASONS_REQUIRED') {
      throw new AppError('VALIDATION_FAILED', 400, { zh: `退回原因${t.zh}`, en: t.en }, [
        { path: 'reasons', label: '退回原因', message: '退回原因不能为空' },
      ]);
    }
    throw Errors.conflict('WRONG_STATE', t.zh, t.en);
  }
  return { app, to: t.to };
}

/** The request edits the version it read, or it is refused (someone changed the application meanwhile). */
export function assertVersion(app: { version: number }, version: number): void {
  if (app.version !== version) {
    throw Errors.conflict(
      'STALE_VERSION',
      '申请已被他人修改，请刷新后重试',
      'The application changed; reload and retry',
    );
  }
}

/** One entry of an application's review history: who decided what, at which stage, when. */
export function reviewEntry(
  ctx: Ctx & { actor: Actor },
  stage: ReviewEntry['stage'],
  decision: string,
  reasons: string[],
  comment: string | null,
): ReviewEntry {
  return { stage, decision, reasons, comment, by: ctx.actor.id, byName: ctx.actor.name, at: ctx.now.toISOString() };
}

export async function reviewApplication(
  ctx: Ctx & { actor: Actor },
  id: string,
  stage: 'district' | 'city',
  input: TReviewApplication,
): Promise<{ id: string; status: ApplicationStatus; version: number }> {
  const action: ApplicationAction =
    stage === 'district'
      ? input.decision === 'pass'
        ? 'district_pass'
        : 'district_return'
      : input.decision === 'pass'
        ? 'city_verify'
        : 'city_return';
  return inTx(ctx, async (tx) => {
    const { app, to } = await applicationForStep(tx, ctx, id, action, input.reasons);
    if (action === 'city_verify') {
      const [c] = await tx
        .select({ status: subsidyCampaigns.status, title: subsidyCampaigns.title })
        .from(subsidyCampaigns)
        .where(eq(subsidyCampaigns.id, app.campaignId))
        .limit(1);
      if (c && c.status !== 'open') {
        throw Errors.unprocessable(
          'CAMPAIGN_ALLOCATED',
          `${c.title}已完成分配，不能再核实通过新的申请`,
          'The campaign is already allocated',
        );
      }
    }
    assertVersion(app, input.version);
    const entry = reviewEntry(ctx, stage, input.decision, input.reasons, input.comment ?? null);
    const [updated] = await tx
      .update(subsidyApplications)
      .set({
        status: to,
        reviews: sql`${subsidyApplications.reviews} || ${JSON.stringify([entry])}::jsonb`,
        version: app.version + 1,
        updatedAt: ctx.now,
      })
      .where(and(eq(subsidyApplications.id, id), eq(subsidyApplications.version, app.version)))
      .returning({
        id: subsidyApplications.id,
        status: subsidyApplications.status,
        version: subsidyApplications.version,
      });
    if (!updated) throw Errors.conflict('STALE_VERSION', '申请已被他人修改，请刷新后重试', 'The application changed');
    await recordAudit(tx, ctx, {
      action: `subsidy.application_${action}`,
      objectType: 'subsidy_application',
      objectId: id,
      before: { status: app.status },
      after: { status: to, reasons: input.reasons, comment: input.comment ?? null },
    });
    return { id, status: updated.status as ApplicationStatus, version: updated.version };
  });
}
