/**
 * 人才培养 (003 第八条（四）): the operator records the training events it runs against its year's programme budget
 * (not an enterprise grant); the year's progress is read against the targets (10 sessions, 500 people). Spending
 * never goes over the budget: the year's row is updated only while the cost fits, and the database checks it too.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZTrainingEventInput } from '../../contracts/fund';
import { fundTrainingEvents, fundTrainingYears, institutions } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { fundScopeOf } from '../../domain/access/scope';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { trainingCostProblem, trainingProgress, trainingTargets } from '../../domain/fund/training';
import { fenToYuan, yuanToFen } from '../../domain/money/index';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { NONE } from '../scope';
import { auditedRows } from '../workflow';
import { requireActor } from './records';

function yearScope(ctx: Ctx): SQL {
  const s = fundScopeOf(requireActor(ctx));
  if (s.kind === 'all') return sql`true`;
  if (s.kind === 'operator') return sql`${fundTrainingYears.operatorInstitutionId} = ${s.institutionId}`;
  return NONE;
}

const trainingEventRows = auditedRows(fundTrainingEvents, 'fund_training_event');

export async function recordTrainingEvent(ctx: Ctx, input: z.infer<typeof ZTrainingEventInput>) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.training.record') || !actor.institutionId)
    throw Errors.forbidden('人才培养培训活动由受托机构登记');
  const institutionId = actor.institutionId;
  if (!input.heldOn.startsWith(`${input.year}-`))
    throw fieldError('heldOn', '举办日期', `应在${input.year}年内`, 'must be within the year');
  if (input.heldOn > chinaDateOf(ctx.now)) throw fieldError('heldOn', '举办日期', '不能晚于今天', 'is in the future');
  const targets = trainingTargets(input.year);
  const costFen = yuanToFen(input.cost);
  return inTx(ctx, async (tx) => {
    await tx
      .insert(fundTrainingYears)
      .values({ operatorInstitutionId: institutionId, year: input.year, budgetFen: targets.budgetFen })
      .onConflictDoNothing();
    // Locked, then spent only if the cost fits (concurrent events never overspend).
    const [year] = await tx
      .select()
      .from(fundTrainingYears)
      .where(and(eq(fundTrainingYears.operatorInstitutionId, institutionId), eq(fundTrainingYears.year, input.year)))
      .for('update');
    const problem = trainingCostProblem({ ...targets, budgetFen: year!.budgetFen }, year!.spentFen, costFen);
    if (problem) throw fieldError('cost', '费用（元）', problem, 'is over what is left of the year’s budget');
    await tx
      .update(fundTrainingYears)
      .set({ spentFen: sql`${fundTrainingYears.spentFen} + ${costFen}` })
      .where(eq(fundTrainingYears.id, year!.id));
    const id = await trainingEventRows.insert(tx, ctx, {
      values: {
        yearId: year!.id,
        heldOn: input.heldOn,
        title: input.title,
        attendees: input.attendees,
        costFen,
        recordedBy: actor.id,
      },
      action: 'fund.training_event_recorded',
      after: {
        year: input.year,
        heldOn: input.heldOn,
        title: input.title,
        attendees: input.attendees,
        costFen: costFen.toString(),
      },
    });
    return { id };
  });
}

/** The year's training programme of each operator in scope (the operator: its own), with progress. */
export async function readTraining(ctx: Ctx, year: number) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.training.read')) throw Errors.forbidden('人才培养由受托机构和市工业和信息化局查看');
  const db = ctx.deps.db;
  const targets = trainingTargets(year);
  const years = await db
    .select({ y: fundTrainingYears, name: institutions.name })
    .from(fundTrainingYears)
    .innerJoin(institutions, eq(institutions.id, fundTrainingYears.operatorInstitutionId))
    .where(and(eq(fundTrainingYears.year, year), yearScope(ctx)))
    .orderBy(asc(institutions.name));
  const events = years.length
    ? await db
        .select()
        .from(fundTrainingEvents)
        .where(
          inArray(
            fundTrainingEvents.yearId,
            years.map((y) => y.y.id),
          ),
        )
        .orderBy(asc(fundTrainingEvents.heldOn), asc(fundTrainingEvents.createdAt))
    : [];
  const view = (y: { id: string; operatorInstitutionId: string; budgetFen: bigint } | null, name: string | null) => {
    const mine = y ? events.filter((e) => e.yearId === y.id) : [];
    const t = { ...targets, budgetFen: y?.budgetFen ?? targets.budgetFen };
    const p = trainingProgress(t, mine);
    return {
      year,
      operatorInstitutionId: y?.operatorInstitutionId ?? null,
      operatorName: name,
      budget: fenToYuan(t.budgetFen),
      spent: fenToYuan(p.spentFen),
      left: fenToYuan(p.leftFen),
      targets: { sessions: targets.sessions, people: targets.people },
      progress: { sessions: p.sessions, people: p.people, sessionsMet: p.sessionsMet, peopleMet: p.peopleMet },
      basis: [...targets.basis],
      events: mine.map((e) => ({
        id: e.id,
        heldOn: e.heldOn,
        title: e.title,
        attendees: e.attendees,
        cost: fenToYuan(e.costFen),
      })),
    };
  };
  const items = years.map(({ y, name }) => view(y, name));
  // An operator that has recorded nothing yet still sees its year's budget and targets.
  if (items.length === 0 && fundScopeOf(actor).kind === 'operator') items.push(view(null, null));
  return { items };
}
