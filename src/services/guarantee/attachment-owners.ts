/**
 * Registers the guarantee claims as attachment owners (the platform's attachments module: content-checked uploads,
 * scoped lists, audited downloads): a fee claim's payment vouchers (担保费缴纳凭证), filed by the enterprise or its
 * guarantor; a risk-compensation claim's evidence — the collection steps taken and the collateral realised — filed
 * by the claiming institution. Files are added while the claim awaits the district's check or is returned; the
 * attachment copies the claim's scope (a fee claim: its enterprise, district and guarantor; a risk claim: its
 * district and institution, never an enterprise).
 */
import { and, eq } from 'drizzle-orm';
import { guaranteeFeeClaims, riskClaims } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { registerAttachmentOwner } from '../attachments';
import { feeClaimScope, riskClaimScope } from './scope';

export const FEE_CLAIM_OWNER = 'guarantee_fee_claim';
export const RISK_CLAIM_OWNER = 'risk_claim';
export const FEE_VOUCHER_KINDS = { fee_voucher: '担保费缴纳凭证' } as const;
export const RISK_EVIDENCE_KINDS = {
  collection_evidence: '催收证据',
  collateral_evidence: '抵质押物处置证明',
} as const;

const OPEN_FOR_FILES = new Set(['submitted', 'district_returned', 'city_returned']);

export function registerGuaranteeAttachmentOwners(): void {
  registerAttachmentOwner(FEE_CLAIM_OWNER, {
    label: { zh: '担保费补贴申请', en: 'Fee-subsidy claim' },
    kinds: FEE_VOUCHER_KINDS,
    async resolveScope(tx, actor, ownerId) {
      const [c] = await tx
        .select({
          enterpriseId: guaranteeFeeClaims.enterpriseId,
          districtCode: guaranteeFeeClaims.districtCode,
          institutionId: guaranteeFeeClaims.coverInstitutionId,
          status: guaranteeFeeClaims.status,
        })
        .from(guaranteeFeeClaims)
        .where(and(eq(guaranteeFeeClaims.id, ownerId), feeClaimScope(actor)))
        .limit(1);
      if (!c) return null;
      return {
        enterpriseId: c.enterpriseId,
        districtCode: c.districtCode,
        institutionId: c.institutionId,
        editable: OPEN_FOR_FILES.has(c.status),
      };
    },
    canAttach: (actor, owner) => mayDo(actor, 'guarantee.fee.attachment.add', owner),
  });
  registerAttachmentOwner(RISK_CLAIM_OWNER, {
    label: { zh: '风险补偿申请', en: 'Risk-compensation claim' },
    kinds: RISK_EVIDENCE_KINDS,
    async resolveScope(tx, actor, ownerId) {
      const [c] = await tx
        .select({
          districtCode: riskClaims.districtCode,
          institutionId: riskClaims.institutionId,
          status: riskClaims.status,
        })
        .from(riskClaims)
        .where(and(eq(riskClaims.id, ownerId), riskClaimScope(actor)))
        .limit(1);
      if (!c) return null;
      return {
        enterpriseId: null,
        districtCode: c.districtCode,
        institutionId: c.institutionId,
        editable: OPEN_FOR_FILES.has(c.status),
      };
    },
    canAttach: (actor, owner) => mayDo(actor, 'guarantee.risk.attachment.add', owner),
  });
}
