/**
 * The public notice of the arrangement on the bureau's public pages (第十一条 公示期不少于7日; a shorter period is
 * refused), objections from anyone during it (handled as cases by the city: 核实提出处理意见), and the public view.
 */
import { and, asc, count, desc, eq, gt, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZCloseObjection, ZObjectionInput, ZPublishNotice } from '../../contracts/fund';
import type { ZObjectionLookup } from '../../contracts/subsidy';
import { enterprises, fundApplications, fundCalls, fundObjections } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { noticeDaysProblem } from '../../domain/fund/notice';
import { DIRECTION_ZH, type Direction } from '../../domain/fund/standards';
import { fenToYuan } from '../../domain/money/index';
import { noticeEndsOn, noticePhase } from '../../domain/subsidy/notice';
import type { ObjectionOutcome } from '../../domain/workflow/application';
import { type Ctx, inTx } from '../context';
import { AppError, Errors, fieldError } from '../errors';
import { anyRow, auditedRows } from '../workflow';
import { fundErrors, fundStep, loadCall, moveCall, nextCallState, requireActor } from './records';

const objectionRows = auditedRows(fundObjections, 'fund_objection');

export async function publishFundNotice(ctx: Ctx, callId: string, input: z.infer<typeof ZPublishNotice>) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.notice.publish')) throw Errors.forbidden('公示由市工业和信息化局发布');
  const problem = noticeDaysProblem(input.days);
  if (problem) throw fieldError('days', '公示天数', problem, 'is shorter than 7 days (003 article 11)');
  if (input.startsOn < chinaDateOf(ctx.now))
    throw fieldError('startsOn', '公示开始日期', '不能早于今天', 'is in the past');
  return inTx(ctx, async (tx) => {
    const call = await loadCall(tx, actor, callId, true);
    const to = nextCallState(call, 'publish');
    const endsOn = noticeEndsOn(input.startsOn, input.days);
    await moveCall(tx, ctx, call, to, {
      action: 'fund.notice_published',
      set: { noticeStartsOn: input.startsOn, noticeEndsOn: endsOn },
      after: { startsOn: input.startsOn, endsOn },
    });
    return { id: callId, startsOn: input.startsOn, endsOn };
  });
}

/** Public: the notice of a call (while it runs and after), with the decided items. */
export async function readPublicFundNotice(ctx: Ctx, callId: string) {
  if (!/^[0-9a-f-]{36}$/.test(callId)) throw Errors.notFound({ zh: '公示', en: 'Notice' });
  const db = ctx.deps.readDb;
  const [call] = await db
    .select()
    .from(fundCalls)
    .where(and(eq(fundCalls.id, callId)));
  if (!call?.noticeStartsOn || !call.noticeEndsOn) throw Errors.notFound({ zh: '公示', en: 'Notice' });
  const rows = await db
    .select({ a: fundApplications, name: enterprises.name })
    .from(fundApplications)
    .innerJoin(enterprises, eq(enterprises.id, fundApplications.enterpriseId))
    .where(and(eq(fundApplications.callId, callId), gt(fundApplications.decidedFen, -1n)))
    .orderBy(asc(fundApplications.direction), asc(fundApplications.rank));
  return {
    callId,
    title: call.title,
    startsOn: call.noticeStartsOn,
    endsOn: call.noticeEndsOn,
    phase: noticePhase(chinaDateOf(ctx.now), call.noticeStartsOn, call.noticeEndsOn),
    items: rows
      .filter((r) => r.a.rank !== null)
      .map(({ a, name }) => ({
        applicationId: a.id,
        enterpriseName: name,
        projectName: a.projectName,
        direction: DIRECTION_ZH[a.direction as Direction],
        amount: fenToYuan(a.decidedFen ?? 0n),
      })),
  };
}

/** Anyone may object while the notice runs; the contact is kept encrypted. */
export async function submitFundObjection(ctx: Ctx, callId: string, input: z.infer<typeof ZObjectionInput>) {
  return inTx(ctx, async (tx) => {
    if (!/^[0-9a-f-]{36}$/.test(callId)) throw Errors.notFound({ zh: '公示', en: 'Notice' });
    const [call] = await tx.select().from(fundCalls).where(eq(fundCalls.id, callId)).for('update');
    if (!call?.noticeStartsOn || !call.noticeEndsOn) throw Errors.notFound({ zh: '公示', en: 'Notice' });
    if (noticePhase(chinaDateOf(ctx.now), call.noticeStartsOn, call.noticeEndsOn) !== 'open')
      throw fundErrors.stage(`公示期为${call.noticeStartsOn}至${call.noticeEndsOn}，当前不在公示期内`);
    const inNotice = (applicationId: string) =>
      anyRow(tx, fundApplications, eq(fundApplications.id, applicationId), eq(fundApplications.callId, callId));
    if (input.applicationId && !(await inNotice(input.applicationId)))
      throw fieldError('applicationId', '异议所针对的项目', '不在本次公示中', 'is not in this notice');
    // Numbered in order within the call (the call row is locked above), as the 政银保 cases are (ADR 0017).
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(fundObjections)
      .where(eq(fundObjections.callId, callId));
    const caseNo = fundCaseNo(call.year, callId, n + 1);
    const id = await objectionRows.insert(tx, ctx, {
      values: {
        callId,
        caseNo,
        applicationId: input.applicationId ?? null,
        name: input.name,
        contactEnc: ctx.deps.cipher.encrypt(input.contact),
        content: input.content,
        createdAt: ctx.now,
      },
      action: 'fund.objection_received',
      after: { callId, caseNo, applicationId: input.applicationId ?? null },
    });
    return { id, caseNo, lodgedAt: ctx.now.toISOString() };
  });
}

export async function listFundObjections(ctx: Ctx, callId: string) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.ranking.read')) throw Errors.forbidden();
  await loadCall(ctx.deps.db, actor, callId);
  const rows = await ctx.deps.db
    .select()
    .from(fundObjections)
    .where(eq(fundObjections.callId, callId))
    .orderBy(asc(fundObjections.createdAt));
  return {
    items: rows.map((o) => ({
      id: o.id,
      caseNo: o.caseNo,
      applicationId: o.applicationId,
      name: o.name,
      content: o.content,
      status: o.status,
      result: o.result,
      outcome: o.outcome,
      createdAt: o.createdAt.toISOString(),
    })),
  };
}

export async function closeFundObjection(ctx: Ctx, id: string, input: z.infer<typeof ZCloseObjection>) {
  return fundStep(ctx, 'fund.objection.handle', '异议由市工业和信息化局核实处理', async (tx, actor) => {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound({ zh: '异议', en: 'Objection' });
    const [o] = await tx.select().from(fundObjections).where(eq(fundObjections.id, id)).for('update');
    if (!o) throw Errors.notFound({ zh: '异议', en: 'Objection' });
    if (o.status !== 'open') throw fundErrors.stage('该异议已办结');
    await objectionRows.update(tx, ctx, id, {
      set: {
        status: 'closed',
        result: input.result ?? null,
        outcome: input.outcome,
        closedBy: actor.id,
        closedAt: ctx.now,
      },
      action: 'fund.objection_closed',
      before: { status: 'open' },
      after: { status: 'closed', result: input.result ?? null, outcome: input.outcome },
    });
    return { id };
  });
}

/** A fund objection's case number: `ZX` (专项) apart from the 政银保 cases' `YY`, the call's year and its order. */
export function fundCaseNo(year: number, callId: string, seq: number): string {
  return `ZX${year}-${callId.slice(0, 4).toUpperCase()}-${String(seq).padStart(4, '0')}`;
}

/** Is this case number one of the fund's (the public lookup sends it here; the others are the 政银保 cases). */
export function isFundCaseNo(caseNo: string): boolean {
  return /^ZX\d{4}-/i.test(caseNo.trim());
}

/**
 * Public: the objector looks a fund objection up by its case number and the contact given (ADR 0017): progress and
 * outcome only, never the objector's details; a wrong number and a wrong contact get the same answer.
 */
export async function lookupFundObjection(ctx: Ctx, input: z.infer<typeof ZObjectionLookup>) {
  const notFound = () =>
    new AppError('NOT_FOUND', 404, {
      zh: '未找到该异议案件：请核对案件编号，联系方式须与提出异议时填写的一致',
      en: 'No such objection case: check the case number; the contact must be the one given when objecting',
    });
  const [row] = await ctx.deps.db
    .select({ o: fundObjections, title: fundCalls.title })
    .from(fundObjections)
    .innerJoin(fundCalls, eq(fundCalls.id, fundObjections.callId))
    .where(eq(fundObjections.caseNo, input.caseNo.trim().toUpperCase()))
    .limit(1);
  if (!row) throw notFound();
  let contact: string | null = null;
  try {
    contact = ctx.deps.cipher.decrypt(row.o.contactEnc);
  } catch {
    // unreadable with this key: the case cannot be confirmed
  }
  if (contact === null || !sameContact(contact, input.contact)) throw notFound();
  return {
    caseNo: row.o.caseNo!,
    noticeTitle: `${row.title}（公示）`,
    lodgedAt: row.o.createdAt.toISOString(),
    status: row.o.status as 'open' | 'closed',
    outcome: (row.o.result as ObjectionOutcome | null) ?? null,
    outcomeNote: row.o.outcome,
    closedAt: row.o.closedAt?.toISOString() ?? null,
  };
}

/** Phone numbers compare without spaces, dashes or brackets; e-mail addresses without case. */
function sameContact(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/[\s\-()]/g, '');
  return norm(a) === norm(b);
}

/** Public: the fund's notices (calls that have published one), newest first, for the public notices page. */
export async function listPublicFundNotices(ctx: Ctx) {
  const rows = await ctx.deps.readDb
    .select()
    .from(fundCalls)
    .where(isNotNull(fundCalls.noticeStartsOn))
    .orderBy(desc(fundCalls.noticeStartsOn));
  const today = chinaDateOf(ctx.now);
  return {
    items: rows.map((c) => ({
      callId: c.id,
      title: c.title,
      startsOn: c.noticeStartsOn!,
      endsOn: c.noticeEndsOn!,
      phase: noticePhase(today, c.noticeStartsOn!, c.noticeEndsOn!),
    })),
  };
}

export async function openObjectionCount(
  tx: Parameters<Parameters<typeof inTx>[1]>[0],
  callId: string,
): Promise<number> {
  const [r] = await tx
    .select({ n: count() })
    .from(fundObjections)
    .where(and(eq(fundObjections.callId, callId), eq(fundObjections.status, 'open')));
  return r?.n ?? 0;
}
