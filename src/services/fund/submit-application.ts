/**
 * An enterprise applies to an open call by direction (第十条（一）): its project, investment by item backed by
 * invoices (第八条 以相关发票金额为准), the 第九条 conditions (from its records, the rest under the signed commitment),
 * and the experts it asks to avoid. Refused: a failed condition (422), double funding (409, the other record named),
 * a second application to the same direction (409).
 */
import { and, eq, gte, ne } from 'drizzle-orm';
import type { TSubmitApplication } from '../../contracts/fund';
import type { Tx } from '../../db/client';
import { enterpriseCreditChanges, enterprises, fundCallDirections, fundInvoices, projects } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { addMonths } from '../../domain/calendar/dates';
import { article9Checks } from '../../domain/fund/eligibility';
import { DIRECTION_ZH } from '../../domain/fund/standards';
import { yuanToFen } from '../../domain/money/index';
import { type Ctx, inTx } from '../context';
import { uniqueViolationOf } from '../enterprises';
import { AppError, Errors, fieldError } from '../errors';
import { refuseDoubleFunding } from './double-funding';
import { applicationRows, fundErrors, loadCall, requireActor, timelineEntry } from './records';

type Invoice = TSubmitApplication['invoices'][number];

export function invoiceRows(applicationId: string, stage: 'application' | 'final', invoices: readonly Invoice[]) {
  return invoices.map((i, position) => ({
    applicationId,
    stage,
    item: i.item,
    invoiceNo: i.invoiceNo.toUpperCase(),
    amountFen: yuanToFen(i.amount),
    issuedOn: i.issuedOn,
    seller: i.seller,
    position,
  }));
}

export function checkInvoices(invoices: readonly Invoice[], today: string, path = 'invoices'): bigint {
  const seen = new Set<string>();
  let total = 0n;
  invoices.forEach((i, k) => {
    const no = i.invoiceNo.toUpperCase();
    if (seen.has(no)) throw fieldError(`${path}.${k}.invoiceNo`, '发票号码', `${no} 重复填写`, 'is listed twice');
    seen.add(no);
    if (i.issuedOn > today) throw fieldError(`${path}.${k}.issuedOn`, '开票日期', '不能晚于今天', 'is in the future');
    const fen = yuanToFen(i.amount);
    if (fen <= 0n) throw fieldError(`${path}.${k}.amount`, '发票金额', '应大于0', 'must be positive');
    total += fen;
  });
  return total;
}

async function creditGood3y(tx: Tx, enterpriseId: string, status: string, today: string): Promise<boolean> {
  if (status !== 'good') return false;
  const since = addMonths(today, -36).date;
  const bad = await tx
    .select({ id: enterpriseCreditChanges.id })
    .from(enterpriseCreditChanges)
    .where(
      and(
        eq(enterpriseCreditChanges.enterpriseId, enterpriseId),
        ne(enterpriseCreditChanges.toStatus, 'good'),
        gte(enterpriseCreditChanges.asOf, since),
      ),
    )
    .limit(1);
  return bad.length === 0;
}

export async function submitFundApplication(
  ctx: Ctx,
  callId: string,
  input: TSubmitApplication,
): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.application.submit')) throw Errors.forbidden('只有企业用户可以申报');
  const today = chinaDateOf(ctx.now);
  const total = checkInvoices(input.invoices, today);
  if (input.direction === 'cluster' && !input.cluster)
    throw fieldError('cluster', '产业集群', '产业集群试点须写明所属产业集群', 'is required for cluster pilots');
  try {
    return await inTx(ctx, async (tx) => {
      const call = await loadCall(tx, actor, callId);
      if (call.state !== 'approved') throw fundErrors.stage('该申报通知当前不接受申报');
      if (today < call.opensOn || today > call.closesOn)
        throw fundErrors.stage(`申报时间为${call.opensOn}至${call.closesOn}，当前不在申报期内`);
      const [dir] = await tx
        .select()
        .from(fundCallDirections)
        .where(and(eq(fundCallDirections.callId, callId), eq(fundCallDirections.direction, input.direction)));
      if (!dir)
        throw fieldError(
          'direction',
          '方向',
          `本通知未开放“${DIRECTION_ZH[input.direction]}”`,
          'is not open in this call',
        );
      const [ent] = await tx.select().from(enterprises).where(eq(enterprises.id, actor.enterpriseId!));
      if (!ent) throw Errors.forbidden('企业信息不存在');
      const projectId = input.projectId ?? null;
      if (projectId) {
        const [p] = await tx
          .select({ id: projects.id })
          .from(projects)
          .where(and(eq(projects.id, projectId), eq(projects.enterpriseId, ent.id)));
        if (!p) throw fieldError('projectId', '入库项目', '不是本企业的入库项目', 'is not a project of yours');
      }
      const checks = article9Checks(
        input.direction,
        {
          registeredInJiangmen: !ent.outsideCity && !!ent.districtCode,
          establishedOn: ent.establishedOn,
          creditGood3y: await creditGood3y(tx, ent.id, ent.creditStatus, today),
          isSme: ent.isSme,
          declarations: input.declarations,
        },
        today,
      );
      const failed = checks.filter((c) => c.status === 'fail');
      if (failed.length > 0)
        throw Errors.unprocessable(
          'FUND_INELIGIBLE',
          `不符合申报条件：${failed.map((c) => c.message).join('；')}`,
          'The applicant does not meet the conditions',
          { failures: failed },
        );
      await refuseDoubleFunding(tx, {
        applicationId: null,
        invoiceNos: input.invoices.map((i) => i.invoiceNo.toUpperCase()),
        projectId,
      });
      const id = await applicationRows.insert(tx, ctx, {
        values: {
          callId,
          enterpriseId: ent.id,
          districtCode: ent.districtCode,
          direction: input.direction,
          projectName: input.projectName,
          projectId,
          cluster: input.cluster ?? null,
          state: 'submitted',
          submittedAt: ctx.now,
          invoiceTotalFen: total,
          checks,
          avoidExperts: input.avoidExperts ?? [],
          targets: input.targets ?? [],
          tasks: input.tasks ?? [],
          timeline: [timelineEntry(ctx, '提交申报（已签署承诺书）')],
        },
        action: 'fund.application_submitted',
        after: {
          callId,
          direction: input.direction,
          projectName: input.projectName,
          invoiceTotalFen: total.toString(),
        },
      });
      await tx.insert(fundInvoices).values(invoiceRows(id, 'application', input.invoices));
      return { id };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    const c = uniqueViolationOf(e);
    if (c === 'fund_applications_once_uq')
      throw Errors.conflict('FUND_ALREADY_APPLIED', '本企业已在该方向提交过申报，不能重复申报', 'Already applied');
    if (c === 'fund_invoices_claimed_uq')
      throw Errors.conflict(
        'FUND_INVOICE_CLAIMED',
        '发票已在其他申报中申报，同一发票不得重复申请财政资金（依据江工信工业互联网〔2021〕4号 第九条（二））',
        'Invoice already claimed',
      );
    throw e;
  }
}
