/**
 * Priority for projects led by a member of 江门市制造业数字化转型产业生态供给资源池 (申报指南 四（五）:
 * "对由入选资源池的数字化服务商牵头建设的项目，优先推荐入库"). A manufacturer's project is led by the provider of
 * the contract marked as leading, or of its only contract; a service provider's project is led by the provider
 * itself (which must be in the pool to apply at all, 第四条（二）1（2））.
 */
import type { DeclarationForm } from './forms';
import type { ServiceContract } from './model';

export interface LeadProvider {
  readonly uscc: string | null;
  readonly name: string | null;
}

export function leadProvider(
  form: DeclarationForm,
  contracts: readonly ServiceContract[],
  self: { uscc: string; name: string },
): LeadProvider {
  if (form === 'service_provider') return { uscc: self.uscc, name: self.name };
  const lead = contracts.find((c) => c.isLead) ?? (contracts.length === 1 ? contracts[0] : undefined);
  return lead ? { uscc: lead.providerUscc.toUpperCase(), name: lead.providerName } : { uscc: null, name: null };
}

/** True when the lead provider is in the resource pool (`inPool` answers by credit code). */
export function isResourcePoolLed(lead: LeadProvider, inPool: (uscc: string) => boolean): boolean {
  return lead.uscc !== null && inPool(lead.uscc);
}
