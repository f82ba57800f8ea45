/**
 * Who may do what with accounts, API tokens and the audit trail: a declarative table of rules,
 * `can(actor, action, resource?)`. Without a resource it answers "may this role ever do this?" (no → 403);
 * with one it also checks the scope and the target (the service's scoped query has already made anything
 * outside the scope a 404).
 *
 * The three administrator powers are kept apart (等保 2.0 三权分立): the security administrator manages
 * accounts and tokens but reads no business data and no audit trail; the audit administrator only reads the
 * audit trail; the city administrator runs the business but manages no accounts.
 */
import { type Actor, type Role, STAFF_ROLES } from './actor';

export { STAFF_ROLES };

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

export type AccessAction =
  | 'user.list'
  | 'user.read'
  | 'user.create'
  | 'user.disable'
  | 'user.enable'
  | 'user.unlock'
  | 'user.reset_password'
  | 'user.reset_two_factor'
  | 'api_token.list'
  | 'api_token.issue'
  | 'api_token.revoke'
  | 'audit.search'
  | 'audit.export'
  | 'audit.verify';

/** An account as the policy sees it (for create: the account about to be created). */
export interface UserResource {
  kind: 'user';
  id: string | null;
  role: Role;
  enterpriseId: string | null;
}

export interface ApiTokenResource {
  kind: 'api_token';
  institutionId: string;
}

export type Resource = UserResource | ApiTokenResource;

interface Rule {
  roles: readonly Role[];
  /** Only people signed in with a session (never a bank system's API token). */
  sessionOnly: boolean;
  /** The condition on the resource; absent means any resource the scoped query returned. */
  when?: (actor: Actor, resource: Resource) => boolean;
}

const isEnterpriseAdmin = (a: Actor) => a.role === 'enterprise' && a.isEnterpriseAdmin && a.enterpriseId !== null;
const ownColleague = (a: Actor, r: Resource) =>
  r.kind === 'user' && r.role === 'enterprise' && r.enterpriseId !== null && r.enterpriseId === a.enterpriseId;
const notSelf = (a: Actor, r: Resource) => r.kind === 'user' && r.id !== a.id;
const anyAccount = (_a: Actor, r: Resource) => r.kind === 'user';
/** Enterprise administrators act on their own enterprise's colleagues. */
const colleague = (a: Actor, r: Resource) => isEnterpriseAdmin(a) && ownColleague(a, r);

function rule(roles: readonly Role[], when?: Rule['when'], sessionOnly = true): Rule {
  return when ? { roles, sessionOnly, when } : { roles, sessionOnly };
}

const RULES: Record<AccessAction, readonly Rule[]> = {
  'user.list': [rule(['security_admin']), rule(['enterprise'], colleague)],
  'user.read': [rule(['security_admin']), rule(['enterprise'], colleague)],
  'user.create': [
    rule(['security_admin'], (_a, r) => r.kind === 'user' && isStaffRole(r.role)),
    rule(['enterprise'], colleague),
  ],
  'user.disable': [
    rule(['security_admin'], (a, r) => anyAccount(a, r) && notSelf(a, r)),
    rule(['enterprise'], (a, r) => colleague(a, r) && notSelf(a, r)),
  ],
  'user.enable': [
    rule(['security_admin'], (a, r) => anyAccount(a, r) && notSelf(a, r)),
    rule(['enterprise'], (a, r) => colleague(a, r) && notSelf(a, r)),
  ],
  'user.unlock': [rule(['security_admin'], (a, r) => anyAccount(a, r) && notSelf(a, r))],
  // Only the security administrator resets another person's authenticator (三权分立: not the business administrator).
  'user.reset_two_factor': [rule(['security_admin'])],
  'user.reset_password': [
    rule(['security_admin'], (a, r) => anyAccount(a, r) && notSelf(a, r)),
    rule(['enterprise'], (a, r) => colleague(a, r) && notSelf(a, r)),
  ],
  'api_token.list': [
    rule(['security_admin']),
    rule(
      ['bank_officer', 'insurer_officer'],
      (a, r) => r.kind === 'api_token' && a.institutionId !== null && r.institutionId === a.institutionId,
      false,
    ),
  ],
  'api_token.issue': [rule(['security_admin'])],
  'api_token.revoke': [rule(['security_admin'])],
  'audit.search': [rule(['audit_admin'])],
  'audit.export': [rule(['audit_admin'])],
  'audit.verify': [rule(['audit_admin'])],
};

function roleMayEver(actor: Actor, r: Rule): boolean {
  if (!r.roles.includes(actor.role)) return false;
  if (r.sessionOnly && actor.via !== 'session') return false;
  // An enterprise user who is not its enterprise's administrator has no account powers at all.
  if (actor.role === 'enterprise' && !isEnterpriseAdmin(actor)) return false;
  return true;
}

/** May `actor` do `action` (on `resource`, when given)? */
export function can(actor: Actor | null, action: AccessAction, resource?: Resource): boolean {
  if (!actor) return false;
  return RULES[action].some((r) => roleMayEver(actor, r) && (!resource || !r.when || r.when(actor, resource)));
}

/**
 * The rows of `users` an actor may list and read, for the service to put in its WHERE clause:
 * all accounts, one enterprise's accounts, or none.
 */
export type UserScope = { kind: 'all' } | { kind: 'enterprise'; enterpriseId: string } | { kind: 'none' };

export function userScopeOf(actor: Actor | null): UserScope {
  if (actor?.via !== 'session') return { kind: 'none' };
  if (actor.role === 'security_admin') return { kind: 'all' };
  if (isEnterpriseAdmin(actor)) return { kind: 'enterprise', enterpriseId: actor.enterpriseId! };
  return { kind: 'none' };
}

/** The API tokens an actor may list: all, one institution's, or none. */
export type ApiTokenScope = { kind: 'all' } | { kind: 'institution'; institutionId: string } | { kind: 'none' };

export function apiTokenScopeOf(actor: Actor | null): ApiTokenScope {
  if (!actor) return { kind: 'none' };
  if (actor.role === 'security_admin' && actor.via === 'session') return { kind: 'all' };
  if ((actor.role === 'bank_officer' || actor.role === 'insurer_officer') && actor.institutionId) {
    return { kind: 'institution', institutionId: actor.institutionId };
  }
  return { kind: 'none' };
}

/** What the institution of a staff role must be, in Chinese (the refusal of a wrong kind). */
export const INSTITUTION_KIND_ZH: Readonly<Record<string, string>> = {
  bank: '银行',
  insurer: '保险或担保机构',
  guarantor: '保险或担保机构',
  operator: '受托机构',
  auditor: '审计机构',
};

/** Which institution kinds a staff role belongs to (bank officers to banks; insurer officers to insurers/guarantors). */
const INSTITUTION_KINDS_OF: Partial<Record<Role, readonly string[]>> = {
  bank_officer: ['bank'],
  insurer_officer: ['insurer', 'guarantor'],
  fund_operator: ['operator'],
  external_auditor: ['auditor'],
};

export function institutionKindsFor(role: Role): readonly string[] | null {
  return INSTITUTION_KINDS_OF[role] ?? null;
}
