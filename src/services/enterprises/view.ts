/** Turns enterprise rows into API shapes. Personal data is decrypted only to be masked, never returned whole. */
import type { CreditStatus, EnterpriseType, TCreditChange, TEnterprise } from '../../contracts/enterprises';
import type { enterpriseCreditChanges, enterprises } from '../../db/schema';
import { districtName } from '../../domain/enterprise/districts';
import { cityProgrammeEligibility } from '../../domain/enterprise/profile';
import { type DataCipher, mask } from '../crypto';

export type EnterpriseRow = typeof enterprises.$inferSelect;

function maskedOrNull(cipher: DataCipher, enc: string | null): string | null {
  if (!enc) return null;
  return mask(cipher.decrypt(enc));
}

export function toEnterpriseView(row: EnterpriseRow, cipher: DataCipher, lang: 'zh' | 'en' = 'zh'): TEnterprise {
  const elig = cityProgrammeEligibility(row);
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    registeredAddress: row.registeredAddress,
    operatingAddress: row.operatingAddress,
    districtCode: row.districtCode,
    districtName: row.outsideCity ? (lang === 'en' ? 'Outside Jiangmen' : '江门市外') : districtName(row.districtCode),
    outsideCity: row.outsideCity,
    eligibleForCityProgrammes: elig.eligible,
    ...(elig.reason ? { ineligibleReason: lang === 'en' ? elig.reason.en : elig.reason.zh } : {}),
    type: row.type as EnterpriseType,
    isSme: row.isSme,
    establishedOn: row.establishedOn,
    inResourcePool: row.inResourcePool,
    resourcePoolSince: row.resourcePoolSince,
    creditStatus: row.creditStatus as CreditStatus,
    creditSource: row.creditSource,
    creditAsOf: row.creditAsOf,
    contactName: row.contactName,
    contactPhoneMasked: maskedOrNull(cipher, row.contactPhoneEnc) ?? '',
    legalRepName: row.legalRepName,
    legalRepIdNumberMasked: maskedOrNull(cipher, row.legalRepIdEnc),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The enterprise as written into audit before/after: masked personal data, no ciphertext. */
export function auditViewOf(row: EnterpriseRow, cipher: DataCipher): Record<string, unknown> {
  const { contactPhoneEnc, legalRepIdEnc, createdAt: _c, updatedAt: _u, ...rest } = row;
  return {
    ...rest,
    contactPhone: maskedOrNull(cipher, contactPhoneEnc),
    legalRepIdNumber: maskedOrNull(cipher, legalRepIdEnc),
  };
}

export function toCreditChangeView(row: typeof enterpriseCreditChanges.$inferSelect): TCreditChange {
  return {
    id: row.id,
    fromStatus: row.fromStatus as CreditStatus,
    toStatus: row.toStatus as CreditStatus,
    source: row.source,
    asOf: row.asOf,
    note: row.note,
    changedBy: row.changedBy,
    changedByName: row.changedByName,
    changedAt: row.changedAt.toISOString(),
  };
}
