/**
 * The operator's expert pool (name, field, employer with its credit code, phone encrypted with the personal-data
 * cipher and shown masked), optionally linked to the expert's sign-in account.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { TCreateExpert } from '../../contracts/fund';
import { fundAssignments, fundExperts, users } from '../../db/schema';
import { ROLES, type Role } from '../../domain/access/actor';
import { mayDo, roleMayDo } from '../../domain/access/business';
import { describeUsccProblems, validateUscc } from '../../domain/enterprise/uscc';
import { maskContact } from '../../domain/subsidy/notice';
import { type Ctx, inTx } from '../context';
import { uniqueViolationOf } from '../enterprises';
import { AppError, Errors, fieldError } from '../errors';
import { auditedRows } from '../workflow';
import { requireActor } from './records';

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

const expertRows = auditedRows(fundExperts, 'fund_expert');

export async function createExpert(ctx: Ctx, input: TCreateExpert): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.expert.manage')) throw Errors.forbidden('专家库由受托机构维护');
  const uscc = validateUscc(input.employerCreditCode);
  if (!uscc.ok)
    throw fieldError(
      'employerCreditCode',
      '工作单位统一社会信用代码',
      describeUsccProblems(uscc.problems),
      'is not valid',
    );
  try {
    return await inTx(ctx, async (tx) => {
      if (input.userId) {
        const [u] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.userId));
        if (!u || !isRole(u.role) || !roleMayDo(u.role, 'fund.review.score'))
          throw fieldError('userId', '专家账号', '应为评审专家角色的账号', 'must be an expert account');
      }
      const id = await expertRows.insert(tx, ctx, {
        values: {
          operatorInstitutionId: actor.institutionId!,
          name: input.name,
          field: input.field,
          employer: input.employer,
          employerCreditCode: input.employerCreditCode,
          phoneEnc: ctx.deps.cipher.encrypt(input.phone),
          userId: input.userId ?? null,
          createdAt: ctx.now,
        },
        action: 'fund.expert_added',
        after: { name: input.name, field: input.field, employer: input.employer },
      });
      return { id };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (uniqueViolationOf(e))
      throw Errors.conflict('FUND_EXPERT_ACCOUNT_TAKEN', '该账号已关联其他专家', 'Account taken');
    throw e;
  }
}

export async function listExperts(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.expert.manage')) throw Errors.forbidden('专家库由受托机构维护');
  const rows = await ctx.deps.db
    .select({
      e: fundExperts,
      assignments: sql<number>`(select count(*)::int from ${fundAssignments} a where a.expert_id = ${fundExperts.id} and a.status <> 'conflict')`,
    })
    .from(fundExperts)
    .where(and(eq(fundExperts.operatorInstitutionId, actor.institutionId!)))
    .orderBy(fundExperts.name);
  return {
    items: rows.map(({ e, assignments }) => ({
      id: e.id,
      name: e.name,
      field: e.field,
      employer: e.employer,
      employerCreditCode: e.employerCreditCode,
      phoneMasked: maskContact(ctx.deps.cipher.decrypt(e.phoneEnc)),
      active: e.active,
      assignments,
    })),
  };
}
