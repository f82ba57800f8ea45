/** Who is acting: a signed-in person, a bank system with an API token, or the anonymous public (null). */

/** Roles the security administrator creates and manages: all but the enterprise user, who registers. */
export const STAFF_ROLES = [
  'district_reviewer',
  'city_reviewer',
  'city_admin',
  'security_admin',
  'audit_admin',
  'bank_officer',
  'insurer_officer',
  'fund_operator',
  'expert',
  'external_auditor',
] as const;
export const ROLES = ['enterprise', ...STAFF_ROLES] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  enterprise: { zh: '企业用户', en: 'Enterprise user' },
  district_reviewer: { zh: '县（市、区）审核人员', en: 'District reviewer' },
  city_reviewer: { zh: '市级审核人员', en: 'City reviewer' },
  city_admin: { zh: '市级业务管理员', en: 'City administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
  bank_officer: { zh: '合作银行人员', en: 'Bank officer' },
  insurer_officer: { zh: '保险/担保机构人员', en: 'Insurer/guarantor officer' },
  fund_operator: { zh: '受托机构人员', en: 'Fund operator' },
  expert: { zh: '评审专家', en: 'Expert reviewer' },
  external_auditor: { zh: '审计机构人员', en: 'External auditor' },
};

export interface Actor {
  /** User id, or the API token id for a bank system. */
  id: string;
  name: string;
  role: Role;
  via: 'session' | 'api_token';
  districtCode: string | null;
  institutionId: string | null;
  enterpriseId: string | null;
  isEnterpriseAdmin: boolean;
}

/** The actor's scope as recorded with every audit event. */
export function scopeOf(actor: Actor | null): Record<string, string> {
  if (!actor) return { public: 'true' };
  const s: Record<string, string> = {};
  if (actor.districtCode) s.district = actor.districtCode;
  if (actor.institutionId) s.institution = actor.institutionId;
  if (actor.enterpriseId) s.enterprise = actor.enterpriseId;
  if (Object.keys(s).length === 0) s.city = '440700';
  return s;
}
