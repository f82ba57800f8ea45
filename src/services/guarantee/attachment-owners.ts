/**
 * Registers the guarantee claims as attachment owners (the platform's attachments module: content-checked uploads,
 * scoped lists, audited downloads): a fee claim's payment vouchers (担保费缴纳凭证), filed by the enterprise or its
 * guarantor; a risk-compensation claim's evidence — the collection steps taken and the collateral realised — filed
 * by the claiming institution. Files are added while the claim awaits the district's check or is returned; the
 * attachment copies the claim's scope (a fee claim: its enterprise, district and guarantor; a risk claim: its
 * district and institution, never an enterprise).
 */
import { and, type Column, eq, type SQL, sql } from 'drizzle-orm';
import { guaranteeFeeClaims, riskClaims } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { type BusinessAction, mayDo } from '../../domain/access/business';
import { type AttachmentOwnerType, registerAttachmentOwner } from '../attachments';
import type { Bilingual } from '../errors';
import { feeClaimScope, riskClaimScope } from './scope';

export const FEE_CLAIM_OWNER = 'guarantee_fee_claim';
export const RISK_CLAIM_OWNER = 'risk_claim';
export const FEE_VOUCHER_KINDS = { fee_voucher: '担保费缴纳凭证' } as const;
export const RISK_EVIDENCE_KINDS = {
  collection_evidence: '催收证据',
  collateral_evidence: '抵质押物处置证明',
} as const;

const OPEN_FOR_FILES = new Set(['submitted', 'district_returned', 'city_returned']);

/** A claim table as an attachment owner: the columns its files copy, its scope, and who may add files. */
interface ClaimFiles {
  label: Bilingual;
  kinds: Readonly<Record<string, string>>;
  table: typeof guaranteeFeeClaims | typeof riskClaims;
  columns: { id: Column; enterpriseId: Column | SQL; districtCode: Column; institutionId: Column; status: Column };
  scope: (actor: Actor | null) => SQL;
  attach: BusinessAction;
}

function claimFilesOwner({ label, kinds, table, columns: c, scope, attach }: ClaimFiles): AttachmentOwnerType {
  return {
    label,
    kinds,
    async resolveScope(tx, actor, ownerId) {
      const [row] = await tx
        .select({
          enterpriseId: sql<string | null>`${c.enterpriseId}`,
          districtCode: sql<string>`${c.districtCode}`,
          institutionId: sql<string | null>`${c.institutionId}`,
          status: sql<string>`${c.status}`,
        })
        .from(table)
        .where(and(eq(c.id, ownerId), scope(actor)))
        .limit(1);
      return row ? { ...row, editable: OPEN_FOR_FILES.has(row.status) } : null;
    },
    canAttach: (actor, owner) => mayDo(actor, attach, owner),
  };
}

export function registerGuaranteeAttachmentOwners(): void {
  registerAttachmentOwner(
    FEE_CLAIM_OWNER,
    claimFilesOwner({
      label: { zh: '担保费补贴申请', en: 'Fee-subsidy claim' },
      kinds: FEE_VOUCHER_KINDS,
      table: guaranteeFeeClaims,
      columns: {
        id: guaranteeFeeClaims.id,
        enterpriseId: guaranteeFeeClaims.enterpriseId,
        districtCode: guaranteeFeeClaims.districtCode,
        institutionId: guaranteeFeeClaims.coverInstitutionId,
        status: guaranteeFeeClaims.status,
      },
      scope: feeClaimScope,
      attach: 'guarantee.fee.attachment.add',
    }),
  );
  registerAttachmentOwner(
    RISK_CLAIM_OWNER,
    claimFilesOwner({
      label: { zh: '风险补偿申请', en: 'Risk-compensation claim' },
      kinds: RISK_EVIDENCE_KINDS,
      table: riskClaims,
      columns: {
        id: riskClaims.id,
        enterpriseId: sql`null`,
        districtCode: riskClaims.districtCode,
        institutionId: riskClaims.institutionId,
        status: riskClaims.status,
      },
      scope: riskClaimScope,
      attach: 'guarantee.risk.attachment.add',
    }),
  );
}
