/**
 * The enterprise's administrator edits its own profile (not the code, district, resource pool or credit standing).
 * Optimistic concurrency: the update applies only to the version the editor saw.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { TEnterprise, TUpdateEnterprise } from '../../contracts/enterprises';
import { enterprises } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { checkEstablishedOn, chinaDateOf } from '../../domain/enterprise/profile';
import { validateResidentId } from '../../domain/enterprise/resident-id';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { enterpriseErrors } from './errors';
import { loadVisibleEnterprise } from './get-enterprise';
import { auditViewOf, toEnterpriseView } from './view';

export async function updateEnterprise(ctx: Ctx, id: string, input: TUpdateEnterprise): Promise<TEnterprise> {
  const actor = ctx.actor;
  const today = chinaDateOf(ctx.now);
  if (input.establishedOn) {
    const p = checkEstablishedOn(input.establishedOn, today);
    if (p) throw fieldError('establishedOn', '成立日期', p.zh, p.en);
  }
  if (input.legalRepIdNumber) {
    const r = validateResidentId(input.legalRepIdNumber, today);
    if (!r.ok) throw fieldError('legalRepIdNumber', '法定代表人身份证号码', r.problem.zh, r.problem.en);
  }
  const cipher = ctx.deps.cipher;
  return inTx(ctx, async (tx) => {
    const before = await loadVisibleEnterprise(tx, actor, id, { forUpdate: true });
    if (!before) throw enterpriseErrors.notFound();
    if (!actor || !mayDo(actor, 'enterprise.update', { enterpriseId: before.id })) {
      throw Errors.forbidden('只有本企业的管理员可以修改企业信息', "Only the enterprise's administrator may edit it");
    }
    if (before.version !== input.version) throw enterpriseErrors.versionConflict(before.version);

    const legalRepName = input.legalRepName === undefined ? before.legalRepName : input.legalRepName;
    const legalRepIdEnc =
      input.legalRepIdNumber === undefined
        ? before.legalRepIdEnc
        : input.legalRepIdNumber === null
          ? null
          : cipher.encrypt(input.legalRepIdNumber);
    if (legalRepIdEnc && !legalRepName) {
      throw fieldError(
        'legalRepName',
        '法定代表人姓名',
        '在保留身份证号码时不能为空',
        'is required while an ID number is kept',
      );
    }
    const [after] = await tx
      .update(enterprises)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.registeredAddress !== undefined ? { registeredAddress: input.registeredAddress } : {}),
        ...(input.operatingAddress !== undefined ? { operatingAddress: input.operatingAddress } : {}),
        ...(input.type !== undefined ? { type: input.type } : {}),
        ...(input.isSme !== undefined ? { isSme: input.isSme } : {}),
        ...(input.establishedOn !== undefined ? { establishedOn: input.establishedOn } : {}),
        ...(input.contactName !== undefined ? { contactName: input.contactName } : {}),
        ...(input.contactPhone !== undefined ? { contactPhoneEnc: cipher.encrypt(input.contactPhone) } : {}),
        legalRepName,
        legalRepIdEnc,
        version: sql`${enterprises.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(and(eq(enterprises.id, id), eq(enterprises.version, input.version)))
      .returning();
    if (!after) throw enterpriseErrors.versionConflict(before.version);
    await recordAudit(tx, ctx, {
      action: 'enterprise.updated',
      objectType: 'enterprise',
      objectId: id,
      before: auditViewOf(before, cipher),
      after: auditViewOf(after, cipher),
    });
    return toEnterpriseView(after, cipher, ctx.lang);
  });
}
