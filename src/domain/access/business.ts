/**
 * Who may do what with the business records: one table per module, action × role × condition.
 * `mayDo(actor, action, target?)` answers "may this actor ever do this?" without a target (no → 403) and, with a
 * target (a record the scoped query already returned), also checks the condition on it. Pure: the web imports
 * it to show a button exactly when the API would allow the action.
 *
 * Scoping stays in the queries (each list and read filters by the actor's district, bank or enterprise); this
 * table only decides.
 */
import type { Actor, Role } from './actor';

/** The record an action touches, as the table sees it. */
export interface BusinessTarget {
  enterpriseId: string | null;
  /** Whether the record may still be changed by its owner (a draft, a returned declaration). */
  editable?: boolean | undefined;
  /** The account that made the record (maker–checker: the checker must be someone else). */
  madeBy?: string | null | undefined;
}

/** What the acting account must carry besides its role. */
type Needs = 'enterprise' | 'district' | 'institution';
/**
 * The condition on the target: the actor's own enterprise, or its own and still editable; a record still
 * editable (a draft); a draft someone else made (the checker of maker–checker).
 */
type When = 'own' | 'own_editable' | 'editable' | 'checker';

interface BusinessRule {
  roles: readonly Role[];
  needs?: Needs;
  when?: When;
}

const CITY: readonly Role[] = ['city_reviewer', 'city_admin'];

export const SUBSIDY_RULES = {
  'subsidy.campaign.create': { roles: ['city_admin'] },
  'subsidy.allocation.run': { roles: ['city_admin'] },
  'subsidy.allocation.read': { roles: CITY },
  'subsidy.dashboard.read': { roles: CITY },
  'subsidy.funding_plan.issue': { roles: ['city_admin'] },
  'subsidy.notice.publish': { roles: ['city_admin'] },
  'subsidy.objection.handle': { roles: CITY },
  /** Insurers and guarantors take no part in the interest subsidy, so they read no applications. */
  'subsidy.application.read': {
    roles: ['enterprise', 'district_reviewer', 'city_reviewer', 'city_admin', 'bank_officer'],
  },
  'subsidy.application.submit': { roles: ['enterprise'], needs: 'enterprise' },
  'subsidy.award.read_own': { roles: ['enterprise'], needs: 'enterprise' },
  'subsidy.attachment.add': { roles: ['enterprise'], needs: 'enterprise', when: 'own_editable' },
} as const satisfies Record<string, BusinessRule>;

export const PROJECT_RULES = {
  'project.declare': { roles: ['enterprise'], needs: 'enterprise' },
  'project.review_queue.district': { roles: ['district_reviewer'] },
  'project.review_queue.city': { roles: CITY },
  'project.review.district': { roles: ['district_reviewer'], needs: 'district' },
  'project.review.city': { roles: ['city_reviewer'] },
  'project.spot_check': { roles: ['district_reviewer'], needs: 'district' },
  /** Drafts of progress reports: only the enterprise sees them; reviewers and banks see submitted ones. */
  'project.report.read_draft': { roles: ['enterprise'] },
  'project.attachment.add': { roles: ['enterprise'], needs: 'enterprise', when: 'own' },
  'project.attachment.delete': { roles: ['enterprise'], needs: 'enterprise', when: 'own_editable' },
} as const satisfies Record<string, BusinessRule>;

export const ENTERPRISE_RULES = {
  'enterprise.read_own': { roles: ['enterprise'] },
  'enterprise.update': { roles: ['enterprise'], needs: 'enterprise', when: 'own' },
  'enterprise.credit_standing.set': { roles: ['city_admin'] },
  'enterprise.resource_pool.set': { roles: ['city_admin'] },
  'enterprise.attachment.add': { roles: ['enterprise'], needs: 'enterprise', when: 'own' },
} as const satisfies Record<string, BusinessRule>;

export const LOAN_RULES = {
  'loan.record': { roles: ['bank_officer'], needs: 'institution' },
} as const satisfies Record<string, BusinessRule>;

export const CALENDAR_RULES = {
  'calendar.maintain': { roles: ['city_admin'] },
} as const satisfies Record<string, BusinessRule>;

/** Policy versions from renewal notices: the city administrator drafts, another city account approves. */
export const POLICY_RULES = {
  'policy.version.draft': { roles: ['city_admin'] },
  'policy.version.update': { roles: ['city_admin'], when: 'editable' },
  'policy.version.approve': { roles: CITY, when: 'checker' },
  'policy.version.read_drafts': { roles: CITY },
} as const satisfies Record<string, BusinessRule>;

const BUSINESS_RULES = {
  ...SUBSIDY_RULES,
  ...PROJECT_RULES,
  ...ENTERPRISE_RULES,
  ...LOAN_RULES,
  ...CALENDAR_RULES,
  ...POLICY_RULES,
} as const;

export type BusinessAction = keyof typeof BUSINESS_RULES;
export const BUSINESS_ACTIONS = Object.keys(BUSINESS_RULES) as BusinessAction[];

/** The part of an actor the table reads (the web's signed-in user has the same fields). */
export type BusinessActor = Pick<Actor, 'role' | 'districtCode' | 'institutionId' | 'enterpriseId'> &
  Partial<Pick<Actor, 'id'>>;

function carries(actor: BusinessActor, needs: Needs | undefined): boolean {
  if (needs === 'enterprise') return !!actor.enterpriseId;
  if (needs === 'district') return !!actor.districtCode;
  if (needs === 'institution') return !!actor.institutionId;
  return true;
}

function meets(actor: BusinessActor, when: When | undefined, target: BusinessTarget): boolean {
  if (when === undefined) return true;
  if (when === 'editable') return target.editable !== false;
  if (when === 'checker')
    return target.editable !== false && actor.id !== undefined && !!target.madeBy && target.madeBy !== actor.id;
  const own = target.enterpriseId !== null && target.enterpriseId === actor.enterpriseId;
  return when === 'own' ? own : own && target.editable !== false;
}

/** May `actor` do `action` (on `target`, when given)? */
export function mayDo(
  actor: BusinessActor | null | undefined,
  action: BusinessAction,
  target?: BusinessTarget,
): boolean {
  if (!actor) return false;
  const r: BusinessRule = BUSINESS_RULES[action];
  if (!r.roles.includes(actor.role)) return false;
  if (!carries(actor, r.needs)) return false;
  return !target || meets(actor, r.when, target);
}
