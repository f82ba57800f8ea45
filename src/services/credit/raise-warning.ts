/**
 * Raising and closing risk warnings inside the caller's transaction: a warning exists exactly when the change
 * that causes it was committed. One warning per cause (the cause key is unique); it goes to the banks with exposure
 * to the enterprise and to its district, who are notified in the same transaction.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { creditWarningDeliveries, creditWarnings, enterprises, users } from '../../db/schema';
import { WARNING_LEVEL_ZH, WARNING_RULES, type WarningDraft, type WarningKind } from '../../domain/credit/warnings';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { districtReviewers, notifyUsers } from '../notifications';
import { anyRow } from '../workflow';
import { banksWithExposure } from './records';

/**
 * Raises the warning unless its cause already raised one. `bankId` names a bank told whatever its exposure (the
 * lender of the loan the cause is about). Returns the new warning's id, or null when nothing was raised.
 */
export async function raiseWarning(
  tx: Tx,
  ctx: Ctx,
  enterpriseId: string,
  draft: WarningDraft,
  opts: { bankId?: string | null; oncePerSubject?: boolean } = {},
): Promise<string | null> {
  const openAlready =
    opts.oncePerSubject &&
    (await anyRow(
      tx,
      creditWarnings,
      eq(creditWarnings.kind, draft.kind),
      eq(creditWarnings.subjectId, draft.subjectId),
      eq(creditWarnings.status, 'open'),
    ));
  if (openAlready) return null;
  const [e] = await tx
    .select({ name: enterprises.name, districtCode: enterprises.districtCode })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  if (!e) return null;
  const [w] = await tx
    .insert(creditWarnings)
    .values({
      enterpriseId,
      districtCode: e.districtCode,
      kind: draft.kind,
      level: draft.level,
      causeKey: draft.causeKey,
      subjectId: draft.subjectId,
      reason: draft.reason,
      raisedAt: ctx.now,
    })
    .onConflictDoNothing({ target: creditWarnings.causeKey })
    .returning({ id: creditWarnings.id });
  if (!w) return null;

  const banks = await banksWithExposure(tx, enterpriseId);
  if (opts.bankId && !banks.some((b) => b.institutionId === opts.bankId))
    banks.push({ institutionId: opts.bankId, exposure: 'loan' });
  const rows: (typeof creditWarningDeliveries.$inferInsert)[] = banks.map((b) => ({
    warningId: w.id,
    audience: 'bank',
    institutionId: b.institutionId,
    exposure: b.exposure,
  }));
  if (e.districtCode) rows.push({ warningId: w.id, audience: 'district', districtCode: e.districtCode });
  if (rows.length) await tx.insert(creditWarningDeliveries).values(rows);

  const rule = WARNING_RULES[draft.kind];
  const notice = {
    kind: 'credit_warning' as const,
    title: `风险预警（${WARNING_LEVEL_ZH[draft.level]}）：${e.name}${rule.title}`,
    body: draft.reason,
    objectType: 'credit_warning',
    objectId: w.id,
    dedupeKey: `credit_warning:${w.id}`,
  };
  if (banks.length) {
    const officers = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          inArray(
            users.institutionId,
            banks.map((b) => b.institutionId),
          ),
          eq(users.role, 'bank_officer'),
          eq(users.active, true),
        ),
      );
    await notifyUsers(
      tx,
      ctx.deps,
      ctx.now,
      officers.map((o) => o.id),
      { ...notice, link: '/bank/credit/warnings' },
    );
  }
  await notifyUsers(tx, ctx.deps, ctx.now, await districtReviewers(tx, e.districtCode), {
    ...notice,
    link: '/district/credit/warnings',
  });
  await recordAudit(tx, ctx, {
    action: 'credit_warning.raised',
    objectType: 'credit_warning',
    objectId: w.id,
    after: {
      enterpriseId,
      kind: draft.kind,
      level: draft.level,
      causeKey: draft.causeKey,
      banks: banks.map((b) => b.institutionId),
      district: e.districtCode,
    },
  });
  return w.id;
}

/** Closes the open warnings of these kinds about a subject (or about an enterprise), with the reason. */
export async function closeWarnings(
  tx: Tx,
  ctx: Ctx,
  kinds: readonly WarningKind[],
  about: { subjectId: string } | { enterpriseId: string },
  reason: string,
): Promise<number> {
  const who =
    'subjectId' in about
      ? eq(creditWarnings.subjectId, about.subjectId)
      : eq(creditWarnings.enterpriseId, about.enterpriseId);
  const closed = await tx
    .update(creditWarnings)
    .set({ status: 'closed', closedAt: ctx.now, closeReason: reason })
    .where(and(inArray(creditWarnings.kind, [...kinds]), who, eq(creditWarnings.status, 'open')))
    .returning({ id: creditWarnings.id, kind: creditWarnings.kind });
  for (const c of closed)
    await recordAudit(tx, ctx, {
      action: 'credit_warning.closed',
      objectType: 'credit_warning',
      objectId: c.id,
      before: { status: 'open' },
      after: { status: 'closed', kind: c.kind, reason },
    });
  return closed.length;
}

/** Principal repaid on a loan so far (fen). */
export async function principalRepaid(tx: Tx, loanId: string): Promise<bigint> {
  const r = await tx.execute<{ s: string | null }>(
    sql`select coalesce(sum(principal_paid_fen), 0)::text as s from loan_repayments where loan_id = ${loanId}`,
  );
  const rows = Array.isArray(r) ? r : ((r as { rows?: { s: string | null }[] }).rows ?? []);
  return BigInt(rows[0]?.s ?? '0');
}
