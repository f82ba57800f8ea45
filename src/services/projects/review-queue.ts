/**
 * Reviewers' work queues. A district reviewer sees its district's declarations awaiting verification, sorted
 * by due date (5 working days after the window closes, 第七条（二）), with overdue ones marked and counted; within
 * a due date, projects led by resource-pool providers come first (申报指南 四（五）). A city reviewer sees the
 * declarations the districts passed, resource-pool-led first, then oldest first.
 */
import { and, asc, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { TReviewQueue } from '../../contracts/projects';
import { projectDeclarations } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { shanghaiDate } from '../../domain/projects/time';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { declarationScope } from './access';
import { selectSummaries, toSummary } from './view';

export async function reviewQueue(
  ctx: Ctx,
  q: { districtCode?: string | undefined; overdueOnly?: boolean; page: number; pageSize: number },
): Promise<TReviewQueue> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  const stage = mayDo(actor, 'project.review_queue.district')
    ? 'district'
    : mayDo(actor, 'project.review_queue.city')
      ? 'city'
      : null;
  if (!stage) throw Errors.forbidden('只有审核人员有审核队列', 'Only reviewers have a review queue');
  const today = shanghaiDate(ctx.now);
  const db = ctx.deps.db;
  const base: (SQL | undefined)[] = [
    declarationScope(actor),
    eq(projectDeclarations.state, stage === 'district' ? 'submitted' : 'district_verified'),
    q.districtCode ? eq(projectDeclarations.districtCode, q.districtCode) : undefined,
  ];
  const overdueCond = lt(projectDeclarations.verifyDueOn, today);
  const where = and(...base, q.overdueOnly && stage === 'district' ? overdueCond : undefined);
  const order =
    stage === 'district'
      ? [
          asc(projectDeclarations.verifyDueOn),
          desc(projectDeclarations.resourcePoolLed),
          asc(projectDeclarations.lastSubmittedAt),
        ]
      : [
          desc(projectDeclarations.resourcePoolLed),
          asc(projectDeclarations.districtVerifiedAt),
          asc(projectDeclarations.id),
        ];
  const rows = await selectSummaries(db)
    .where(where)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [t] = await db.select({ n: count() }).from(projectDeclarations).where(where);
  let overdueCount = 0;
  let dueTodayCount = 0;
  if (stage === 'district') {
    const [o] = await db
      .select({ n: count() })
      .from(projectDeclarations)
      .where(and(...base, overdueCond));
    const [d] = await db
      .select({ n: count() })
      .from(projectDeclarations)
      .where(and(...base, eq(projectDeclarations.verifyDueOn, today)));
    overdueCount = o?.n ?? 0;
    dueTodayCount = d?.n ?? 0;
  }
  return {
    today,
    stage,
    items: rows.map((r) => toSummary(r, today)),
    total: t?.n ?? 0,
    overdueCount,
    dueTodayCount,
  };
}
