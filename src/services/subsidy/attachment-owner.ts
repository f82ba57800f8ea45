/**
 * Registers subsidy applications as attachment owners: repayment vouchers (还本付息凭证) and project expenditure
 * vouchers (数字化转型项目支出凭证), 申报指南 六（一）. The web app picks the application's id before it is
 * submitted, uploads the vouchers under that id, then submits; until then the files belong to the uploader's
 * enterprise. After submission files can be added or removed only while the application is returned.
 */
import { and, eq } from 'drizzle-orm';
import { enterprises, subsidyApplications } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { type ApplicationStatus, isEditableByEnterprise } from '../../domain/workflow/application';
import { registerAttachmentOwner } from '../attachments';
import { applicationScope } from './scope';
import { APPLICATION_OWNER_TYPE, VOUCHER_KINDS } from './submit-application';

export function registerSubsidyAttachmentOwner(): void {
  registerAttachmentOwner(APPLICATION_OWNER_TYPE, {
    label: { zh: '补贴申请', en: 'Subsidy application' },
    kinds: { [VOUCHER_KINDS.repayment]: '还本付息凭证', [VOUCHER_KINDS.expenditure]: '数字化转型项目支出凭证' },
    async resolveScope(tx, actor, ownerId) {
      const [exists] = await tx
        .select({ id: subsidyApplications.id })
        .from(subsidyApplications)
        .where(eq(subsidyApplications.id, ownerId))
        .limit(1);
      if (exists) {
        const [app] = await tx
          .select({
            enterpriseId: subsidyApplications.enterpriseId,
            districtCode: subsidyApplications.districtCode,
            status: subsidyApplications.status,
          })
          .from(subsidyApplications)
          .where(and(eq(subsidyApplications.id, ownerId), applicationScope(actor)))
          .limit(1);
        if (!app) return null;
        return {
          enterpriseId: app.enterpriseId,
          districtCode: app.districtCode,
          institutionId: null,
          editable: isEditableByEnterprise(app.status as ApplicationStatus),
        };
      }
      // Not submitted yet: a draft of the uploader's own enterprise.
      if (!mayDo(actor, 'subsidy.application.submit') || !actor.enterpriseId) return null;
      const [e] = await tx
        .select({ districtCode: enterprises.districtCode })
        .from(enterprises)
        .where(eq(enterprises.id, actor.enterpriseId))
        .limit(1);
      if (!e) return null;
      return { enterpriseId: actor.enterpriseId, districtCode: e.districtCode, institutionId: null, editable: true };
    },
    canAttach: (actor, owner) => mayDo(actor, 'subsidy.attachment.add', owner),
  });
}
