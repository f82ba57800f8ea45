/**
 * The sandbox of a draft policy version (政策沙盘·版本草稿): before a renewal is approved, the city administrator runs
 * a campaign's real verified applications under the draft's parameters — as if it were approved now, taking
 * precedence from its start date — and sees the difference against the versions in force. Read-only, like the
 * sandbox: the draft stays a draft and nothing live changes.
 */
import type { TSandboxResult } from '../../contracts/sandbox';
import type { AllocationMode } from '../../contracts/subsidy';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { ZYB_PARAM_LABELS } from '../../domain/policies/zyb/params';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { loadDraftZybVersion, loadZybVersions } from '../policy-versions';
import { loadCampaign } from './campaigns';
import { computeAllocation } from './run-allocation';
import { compareComputed } from './run-sandbox';

export async function runDraftVersionSandbox(
  ctx: Ctx & { actor: Actor },
  versionId: string,
  campaignId: string,
): Promise<TSandboxResult> {
  if (!mayDo(ctx.actor, 'subsidy.sandbox.run'))
    throw Errors.forbidden('只有市级业务管理员可以使用政策沙盘', 'Only the city administrator uses the sandbox');
  const db = ctx.deps.readDb;
  const draft = await loadDraftZybVersion(db, versionId);
  const campaign = await loadCampaign(db, campaignId);
  const mode = campaign.allocationMode as AllocationMode;
  const inForce = await loadZybVersions(db);
  const live = await computeAllocation(db, campaign);
  const sim = await computeAllocation(db, campaign, undefined, [...inForce, draft]);
  const changes = Object.keys(draft.changes).map((k) => ZYB_PARAM_LABELS[k as keyof typeof ZYB_PARAM_LABELS] ?? k);
  return compareComputed(ctx, campaign, live, sim, {
    liveMode: mode,
    mode,
    budget: campaign.budgetFen,
    changed: [
      `政策版本草稿：${draft.docNumber}《${draft.title}》，${draft.validity.from}至${draft.validity.to ?? '长期'}`,
      ...(changes.length ? [`调整的参数：${changes.join('、')}`] : []),
    ],
  });
}
