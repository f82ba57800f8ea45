/**
 * Public registration: creates the enterprise and its first user — the enterprise's administrator — in one
 * transaction with its audit event. A duplicate code answers 409 even when two submissions race: the unique index
 * decides, and its violation is mapped to the same message as the pre-check.
 */
import { eq, sql } from 'drizzle-orm';
import type { TRegisterEnterprise, TRegisterEnterpriseResult } from '../../contracts/enterprises';
import { enterprises, users } from '../../db/schema';
import { checkPassword } from '../../domain/access/password-policy';
import { OUTSIDE_CITY } from '../../domain/enterprise/districts';
import { checkEstablishedOn, chinaDateOf } from '../../domain/enterprise/profile';
import { validateResidentId } from '../../domain/enterprise/resident-id';
import { recordAudit } from '../audit';
import { hashPassword } from '../auth';
import { type Ctx, inTx } from '../context';
import { AppError, fieldError } from '../errors';
import { enterpriseErrors } from './errors';
import { uniqueViolationOf } from './unique-violation';
import { auditViewOf } from './view';

export async function registerEnterprise(ctx: Ctx, input: TRegisterEnterprise): Promise<TRegisterEnterpriseResult> {
  const today = chinaDateOf(ctx.now);
  const est = checkEstablishedOn(input.establishedOn, today);
  if (est) throw fieldError('establishedOn', '成立日期', est.zh, est.en);
  if (input.legalRepIdNumber) {
    const id = validateResidentId(input.legalRepIdNumber, today);
    if (!id.ok) throw fieldError('legalRepIdNumber', '法定代表人身份证号码', id.problem.zh, id.problem.en);
  }
  const pw = checkPassword(input.account.password, input.account.username);
  if (pw.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      400,
      { zh: `密码${pw.map((p) => p.zh).join('；')}`, en: pw.map((p) => p.en).join('; ') },
      pw.map((p) => ({ path: 'account.password', label: '密码', message: `密码${p.zh}` })),
    );
  }

  const db = ctx.deps.db;
  const [dupCode] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.uscc, input.uscc))
    .limit(1);
  if (dupCode) throw enterpriseErrors.usccTaken(input.uscc);
  const username = input.account.username.trim();
  const [dupUser] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
    .limit(1);
  if (dupUser) throw enterpriseErrors.usernameTaken(username);

  const passwordHash = await hashPassword(input.account.password);
  const outside = input.districtCode === OUTSIDE_CITY;
  const cipher = ctx.deps.cipher;
  try {
    return await inTx(ctx, async (tx) => {
      const [e] = await tx
        .insert(enterprises)
        .values({
          uscc: input.uscc,
          name: input.name,
          registeredAddress: input.registeredAddress,
          operatingAddress: input.operatingAddress,
          districtCode: outside ? null : input.districtCode,
          outsideCity: outside,
          type: input.type,
          isSme: input.isSme,
          establishedOn: input.establishedOn,
          contactName: input.contactName,
          contactPhoneEnc: cipher.encrypt(input.contactPhone),
          legalRepName: input.legalRepName ?? null,
          legalRepIdEnc: input.legalRepIdNumber ? cipher.encrypt(input.legalRepIdNumber) : null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning();
      const [u] = await tx
        .insert(users)
        .values({
          username,
          passwordHash,
          displayName: input.account.displayName,
          role: 'enterprise',
          enterpriseId: e!.id,
          isEnterpriseAdmin: true,
          passwordChangedAt: ctx.now,
          createdAt: ctx.now,
        })
        .returning({ id: users.id });
      await recordAudit(tx, ctx, {
        action: 'enterprise.registered',
        objectType: 'enterprise',
        objectId: e!.id,
        after: {
          enterprise: auditViewOf(e!, cipher),
          admin: { userId: u!.id, username, displayName: input.account.displayName },
        },
      });
      return { enterpriseId: e!.id, userId: u!.id };
    });
  } catch (err) {
    const constraint = uniqueViolationOf(err);
    if (constraint === 'enterprises_uscc_uq') throw enterpriseErrors.usccTaken(input.uscc);
    if (constraint === 'users_username_lower_uq') throw enterpriseErrors.usernameTaken(username);
    throw err;
  }
}
