/**
 * A call's dashboard: applications by direction and stage, budget committed and left, the distribution of final
 * scores (10-point bands), the experts' workload (reviews assigned and scored, conflicts, acceptance panels), and
 * acceptance status.
 */
import { eq, inArray } from 'drizzle-orm';
import { fundApplications, fundAssignments, fundCallDirections, fundExperts } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { DIRECTION_ZH, type Direction } from '../../domain/fund/standards';
import { fenToYuan } from '../../domain/money/index';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { loadCall, requireActor } from './records';

export async function fundDashboard(ctx: Ctx, callId: string) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.dashboard.read')) throw Errors.forbidden();
  const call = await loadCall(ctx.deps.db, actor, callId);
  const db = ctx.deps.db;
  const [apps, dirs] = await Promise.all([
    db.select().from(fundApplications).where(eq(fundApplications.callId, call.id)),
    db.select().from(fundCallDirections).where(eq(fundCallDirections.callId, call.id)),
  ]);
  const work = apps.length
    ? await db
        .select({ expert: fundExperts.name, status: fundAssignments.status, purpose: fundAssignments.purpose })
        .from(fundAssignments)
        .innerJoin(fundExperts, eq(fundExperts.id, fundAssignments.expertId))
        .where(
          inArray(
            fundAssignments.applicationId,
            apps.map((a) => a.id),
          ),
        )
    : [];
  const count = <T extends string>(keys: T[]) => {
    const m: Record<string, number> = {};
    for (const k of keys) m[k] = (m[k] ?? 0) + 1;
    return m;
  };
  const bands = Array.from({ length: 10 }, (_, i) => ({ band: `${i * 10}–${i * 10 + 10}`, count: 0 }));
  for (const a of apps) if (a.score !== null) bands[Math.min(9, Math.floor(Number(a.score) / 10))]!.count++;
  const workload = new Map<
    string,
    { expert: string; assigned: number; scored: number; conflicts: number; acceptance: number }
  >();
  for (const w of work) {
    const e = workload.get(w.expert) ?? { expert: w.expert, assigned: 0, scored: 0, conflicts: 0, acceptance: 0 };
    if (w.purpose === 'acceptance') {
      if (w.status !== 'conflict') e.acceptance++;
      else e.conflicts++;
      workload.set(w.expert, e);
      continue;
    }
    e.assigned++;
    if (w.status === 'scored') e.scored++;
    if (w.status === 'conflict') e.conflicts++;
    workload.set(w.expert, e);
  }
  return {
    callId: call.id,
    byDirection: dirs.map((d) => ({
      direction: d.direction,
      name: DIRECTION_ZH[d.direction as Direction],
      budget: fenToYuan(d.budgetFen),
      committed: fenToYuan(d.committedFen),
      left: fenToYuan(d.budgetFen - d.committedFen),
      stages: count(apps.filter((a) => a.direction === d.direction).map((a) => a.state)),
    })),
    scoreBands: bands,
    workload: [...workload.values()],
    acceptance: count(
      apps.filter((a) => ['awarded', 'accepted', 'rectify', 'failed'].includes(a.state)).map((a) => a.state),
    ),
  };
}
