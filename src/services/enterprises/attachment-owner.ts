/**
 * Registers enterprises as attachment owners (business licence, credit report, qualifications). The enterprise's
 * own users attach files; everyone who may see the enterprise may read them.
 */
import { ATTACHMENT_KIND_NAMES, ENTERPRISE_ATTACHMENT_KINDS } from '../../contracts/attachments';
import { mayDo } from '../../domain/access/business';
import { registerAttachmentOwner } from '../attachments';
import { loadVisibleEnterprise } from './get-enterprise';

export function registerEnterpriseAttachmentOwner(): void {
  registerAttachmentOwner('enterprise', {
    label: { zh: '企业', en: 'Enterprise' },
    kinds: Object.fromEntries(ENTERPRISE_ATTACHMENT_KINDS.map((k) => [k, ATTACHMENT_KIND_NAMES[k] ?? k])),
    async resolveScope(tx, actor, ownerId) {
      const e = await loadVisibleEnterprise(tx, actor, ownerId);
      if (!e) return null;
      return { enterpriseId: e.id, districtCode: e.districtCode, institutionId: null, editable: true };
    },
    canAttach: (actor, owner) => mayDo(actor, 'enterprise.attachment.add', owner),
  });
}
