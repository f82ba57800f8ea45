/**
 * The policy library's versions: every version with its status on a date and what it changed. The public sees
 * the approved ones (and the code's first version); city reviewers and administrators also see drafts.
 */
import { ne } from 'drizzle-orm';
import type { TPolicyVersionDetail, TPolicyVersionList } from '../../contracts/policy-versions';
import { ZPolicyVersionParams } from '../../contracts/policy-versions';
import type { DbOrTx } from '../../db/client';
import { policyVersions } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { ZYB_BASE_VERSION, type ZybVersion } from '../../domain/policies/zyb/versions';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { type PolicyVersionRow, selectVersionRows, todayOf, toZybVersion, versionJson, ZYB_POLICY } from './records';

async function load(db: DbOrTx, withDrafts: boolean) {
  const rows = await selectVersionRows(db, withDrafts ? undefined : ne(policyVersions.status, 'draft'));
  const views = [
    { row: null as PolicyVersionRow | null, version: ZYB_BASE_VERSION as ZybVersion },
    ...rows.map((row) => ({ row, version: toZybVersion(row) })),
  ];
  const approved = views.filter((v) => v.row === null || v.row.status !== 'draft').map((v) => v.version);
  return { views, approved };
}

function mayReadDrafts(ctx: Ctx): boolean {
  return mayDo(ctx.actor, 'policy.version.read_drafts');
}

/** Public: every approved version of the 政银保 rules with its status on `asOf` (default today in Beijing). */
export async function listPolicyVersions(ctx: Ctx, asOf?: string): Promise<TPolicyVersionList> {
  const day = asOf ?? todayOf(ctx.now);
  const { views, approved } = await load(ctx.deps.readDb, false);
  return { policyId: ZYB_POLICY, asOf: day, versions: views.map((v) => versionJson(v, approved, day)) };
}

/** City reviewers and administrators: the versions including drafts. */
export async function listPolicyVersionsForCity(ctx: Ctx, asOf?: string): Promise<TPolicyVersionList> {
  if (!ctx.actor) throw Errors.unauthenticated();
  if (!mayReadDrafts(ctx)) throw Errors.forbidden('只有市级审核人员或业务管理员可以查看政策版本草稿');
  const day = asOf ?? todayOf(ctx.now);
  const { views, approved } = await load(ctx.deps.db, true);
  return { policyId: ZYB_POLICY, asOf: day, versions: views.map((v) => versionJson(v, approved, day)) };
}

/** One version with its text; a draft is found only by those who may read drafts (otherwise 404). */
export async function readPolicyVersion(ctx: Ctx, id: string, asOf?: string): Promise<TPolicyVersionDetail> {
  const day = asOf ?? todayOf(ctx.now);
  const drafts = mayReadDrafts(ctx);
  const { views, approved } = await load(drafts ? ctx.deps.db : ctx.deps.readDb, drafts);
  const view = views.find((v) => v.version.id === id);
  if (!view) throw Errors.notFound({ zh: '政策版本', en: 'Policy version' });
  return {
    ...versionJson(view, approved, day),
    sourceText: view.row?.sourceText ?? null,
    params: view.row ? ZPolicyVersionParams.parse(view.row.params) : null,
  };
}
