/**
 * The public looks up an objection it lodged: by the case number on its receipt and the contact it gave then (the
 * number alone is sequential, so it would let anyone read every case). The answer is the case's progress and outcome,
 * never the objector's details; a wrong number and a wrong contact get the same answer.
 */
import { eq } from 'drizzle-orm';
import type { TObjectionCase, TObjectionLookup } from '../../contracts/subsidy';
import { subsidyNotices, subsidyObjections } from '../../db/schema';
import type { ObjectionOutcome, ObjectionStatus } from '../../domain/workflow/application';
import type { Ctx } from '../context';
import { AppError } from '../errors';

/** Phone numbers compare without spaces, dashes or brackets; e-mail addresses without case. */
function sameContact(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/[\s\-()]/g, '');
  return norm(a) === norm(b);
}

export async function lookupObjection(ctx: Ctx, input: TObjectionLookup): Promise<TObjectionCase> {
  const notFound = () =>
    new AppError('NOT_FOUND', 404, {
      zh: '未找到该异议案件：请核对案件编号，联系方式须与提出异议时填写的一致',
      en: 'No such objection case: check the case number; the contact must be the one given when objecting',
    });
  const [row] = await ctx.deps.db
    .select({ o: subsidyObjections, noticeTitle: subsidyNotices.title })
    .from(subsidyObjections)
    .innerJoin(subsidyNotices, eq(subsidyNotices.id, subsidyObjections.noticeId))
    .where(eq(subsidyObjections.caseNo, input.caseNo.toUpperCase()))
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
    caseNo: row.o.caseNo,
    noticeTitle: row.noticeTitle,
    lodgedAt: row.o.createdAt.toISOString(),
    status: row.o.status as ObjectionStatus,
    outcome: (row.o.outcome as ObjectionOutcome | null) ?? null,
    outcomeNote: row.o.outcomeNote,
    closedAt: row.o.closedAt?.toISOString() ?? null,
  };
}
