/**
 * Registers a call's collective deliberation (集体审议, 003 第十一条) as an attachment owner: the meeting minutes
 * (会议纪要), uploaded by the bureau through the platform's attachment module (content-checked, audited download)
 * before it records the deliberation, which names the file. The owner id is the call's id; files may change only
 * until the deliberation is recorded.
 */
import { and, eq } from 'drizzle-orm';
import { fundCalls } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { registerAttachmentOwner } from '../attachments';
import { callScope } from './scope';

export const DELIBERATION_OWNER = 'fund_deliberation';
const MINUTES_KIND = 'minutes';

export function registerFundAttachmentOwner(): void {
  registerAttachmentOwner(DELIBERATION_OWNER, {
    label: { zh: '集体审议', en: 'Collective deliberation' },
    kinds: { [MINUTES_KIND]: '会议纪要' },
    async resolveScope(tx, actor, ownerId) {
      if (!mayDo(actor, 'fund.ranking.read')) return null;
      const [call] = await tx
        .select({ state: fundCalls.state })
        .from(fundCalls)
        .where(and(eq(fundCalls.id, ownerId), callScope(actor)))
        .limit(1);
      if (!call) return null;
      return { enterpriseId: null, districtCode: null, institutionId: null, editable: call.state === 'proposed' };
    },
    canAttach: (actor, owner) => owner.editable !== false && mayDo(actor, 'fund.deliberation.record'),
  });
}
