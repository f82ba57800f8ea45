import { attachments } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { scopeCondition } from '../scope';

/** Attachments the actor may see: by the scope columns copied from their owner. */
export function visibleAttachmentsCondition(actor: Actor | null) {
  return scopeCondition(actor, {
    enterpriseId: attachments.enterpriseId,
    districtCode: attachments.districtCode,
    institutionId: attachments.institutionId,
  });
}
