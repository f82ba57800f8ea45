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
  /** The institution the record belongs to, for rules on the institution's own records (a loan: its lending bank). */
  institutionId?: string | null | undefined;
  /** Whether the record may still be changed by its owner (a draft, a returned declaration). */
  editable?: boolean | undefined;
  /** The account that made the record (maker–checker: the checker must be someone else). */
  madeBy?: string | null | undefined;
}

/** What the acting account must carry besides its role. */
type Needs = 'enterprise' | 'district' | 'institution';
/**
 * The condition on the target: the actor's own enterprise; its own and still editable; its own, acted on by the
 * enterprise's administrator; a record of the actor's own institution (a loan its bank lent); a record still
 * editable (a draft); a draft someone else made (the checker of maker–checker).
 */
type When = 'own' | 'own_editable' | 'own_by_admin' | 'own_institution' | 'editable' | 'checker';

interface BusinessRule {
  roles: readonly Role[];
  needs?: Needs;
  when?: When;
}

const CITY: readonly Role[] = ['city_reviewer', 'city_admin'];
/** Roles that read business records at all, each within its scope (the security and audit administrators do not). */
export const BUSINESS_READERS: readonly Role[] = [
  'enterprise',
  'district_reviewer',
  'city_reviewer',
  'city_admin',
  'bank_officer',
  'insurer_officer',
];
/** Insurers and guarantors take no part in the interest subsidy, so they read none of its records. */
const SUBSIDY_READERS: readonly Role[] = [
  'enterprise',
  'district_reviewer',
  'city_reviewer',
  'city_admin',
  'bank_officer',
];

export const SUBSIDY_RULES = {
  'subsidy.campaign.create': { roles: ['city_admin'] },
  'subsidy.allocation.run': { roles: ['city_admin'] },
  'subsidy.allocation.read': { roles: CITY },
  'subsidy.dashboard.read': { roles: CITY },
  'subsidy.funding_plan.issue': { roles: ['city_admin'] },
  'subsidy.notice.publish': { roles: ['city_admin'] },
  'subsidy.objection.handle': { roles: CITY },
  'subsidy.campaign.read': { roles: SUBSIDY_READERS },
  'subsidy.notice.read': { roles: SUBSIDY_READERS },
  'subsidy.funding_plan.read': { roles: SUBSIDY_READERS },
  'subsidy.application.read': { roles: SUBSIDY_READERS },
  'subsidy.application.submit': { roles: ['enterprise'], needs: 'enterprise' },
  /** The steps of an application's review (the workflow in domain/workflow/application.ts asks these). */
  'subsidy.application.resubmit': { roles: ['enterprise'] },
  'subsidy.application.district_pass': { roles: ['district_reviewer'] },
  'subsidy.application.district_return': { roles: ['district_reviewer'] },
  'subsidy.application.city_verify': { roles: CITY },
  'subsidy.application.city_return': { roles: CITY },
  'subsidy.award.read_own': { roles: ['enterprise'], needs: 'enterprise' },
  'subsidy.attachment.add': { roles: ['enterprise'], needs: 'enterprise', when: 'own_editable' },
} as const satisfies Record<string, BusinessRule>;

export const PROJECT_RULES = {
  /** Declaring covers the enterprise's whole part of a declaration: check, create, edit, submit, withdraw. */
  'project.declare': { roles: ['enterprise'], needs: 'enterprise' },
  /** Declarations (lists, the review queue, one declaration) and projects, each within the actor's scope. */
  'project.declaration.read': { roles: BUSINESS_READERS },
  'project.read': { roles: BUSINESS_READERS },
  /** Progress reports of the enterprise's own projects: write a draft, submit it. */
  'project.report.write': { roles: ['enterprise'], needs: 'enterprise' },
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
  'enterprise.list': { roles: BUSINESS_READERS },
  /** One enterprise and its credit history, within the actor's scope. */
  'enterprise.read': { roles: BUSINESS_READERS },
  'enterprise.read_own': { roles: ['enterprise'] },
  'enterprise.update': { roles: ['enterprise'], needs: 'enterprise', when: 'own_by_admin' },
  'enterprise.credit_standing.set': { roles: ['city_admin'] },
  'enterprise.resource_pool.set': { roles: ['city_admin'] },
  'enterprise.attachment.add': { roles: ['enterprise'], needs: 'enterprise', when: 'own' },
} as const satisfies Record<string, BusinessRule>;

/**
 * Banks (their officers, or their systems with an API token) write loans; everyone with business data reads them.
 * A loan is repaid, corrected, cancelled or extended only by the bank that lent it.
 */
export const LOAN_RULES = {
  'loan.read': { roles: BUSINESS_READERS },
  'loan.record': { roles: ['bank_officer'], needs: 'institution' },
  'loan.import': { roles: ['bank_officer'], needs: 'institution' },
  'loan.repay': { roles: ['bank_officer'], needs: 'institution', when: 'own_institution' },
  'loan.correct': { roles: ['bank_officer'], needs: 'institution', when: 'own_institution' },
  'loan.cancel': { roles: ['bank_officer'], needs: 'institution', when: 'own_institution' },
  'loan.extend': { roles: ['bank_officer'], needs: 'institution', when: 'own_institution' },
} as const satisfies Record<string, BusinessRule>;

/** Files attached to records: the owner's module then decides on the record itself (its `*.attachment.*` rule). */
export const ATTACHMENT_RULES = {
  'attachment.read': { roles: BUSINESS_READERS },
  'attachment.add': { roles: BUSINESS_READERS },
  'attachment.delete': { roles: BUSINESS_READERS },
} as const satisfies Record<string, BusinessRule>;

export const NOTIFICATION_RULES = {
  'notification.outbox.read': { roles: ['city_admin'] },
  'notification.outbox.dispatch': { roles: ['city_admin'] },
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

/**
 * Guarantee-fee subsidies and risk compensation (方案 三（五））: enterprises and guarantors claim fee subsidies for
 * covered loans, banks and guarantors/insurers claim compensation for their own loans in default; the district checks,
 * the city verifies (a second city account approves large compensation), the city administrator runs budgets and pays.
 * Which claims and loans each sees is the services' scope.
 */
export const GUARANTEE_RULES = {
  'guarantee.fee.read': { roles: BUSINESS_READERS },
  'guarantee.fee.claim': { roles: ['enterprise', 'insurer_officer'] },
  'guarantee.fee.district_check': { roles: ['district_reviewer'], needs: 'district' },
  'guarantee.fee.city_verify': { roles: CITY },
  'guarantee.fee.year.manage': { roles: ['city_admin'] },
  'guarantee.risk.read': {
    roles: ['district_reviewer', 'city_reviewer', 'city_admin', 'bank_officer', 'insurer_officer'],
  },
  'guarantee.risk.claim': { roles: ['bank_officer', 'insurer_officer'], needs: 'institution' },
  'guarantee.risk.district_check': { roles: ['district_reviewer'], needs: 'district' },
  'guarantee.risk.city_approve': { roles: CITY },
  'guarantee.risk.second_approve': { roles: CITY, when: 'checker' },
  'guarantee.risk.pay': { roles: ['city_admin'] },
  'guarantee.risk.close': { roles: CITY },
  'guarantee.risk.recovery.report': {
    roles: ['bank_officer', 'insurer_officer'],
    needs: 'institution',
    when: 'own_institution',
  },
  'guarantee.pool.read': { roles: CITY },
  'guarantee.pool.manage': { roles: ['city_admin'] },
  'guarantee.enhancement.register': { roles: ['bank_officer'], needs: 'institution', when: 'own_institution' },
  /** A returned claim is corrected and resubmitted by the side that filed it (the scope finds it). */
  'guarantee.fee.resubmit': { roles: ['enterprise', 'insurer_officer'] },
  'guarantee.risk.resubmit': {
    roles: ['bank_officer', 'insurer_officer'],
    needs: 'institution',
    when: 'own_institution',
  },
  /** Vouchers (fee) and evidence (risk) are added by the filing side while the claim awaits its check or is returned. */
  'guarantee.fee.attachment.add': { roles: ['enterprise', 'insurer_officer'], when: 'editable' },
  'guarantee.risk.attachment.add': {
    roles: ['bank_officer', 'insurer_officer'],
    needs: 'institution',
    when: 'own_institution',
  },
  /** The fee notice's funding plan (补贴资金安排计划) is issued by the city administrator, read by the scheme. */
  'guarantee.fee.plan.issue': { roles: ['city_admin'] },
} as const satisfies Record<string, BusinessRule>;

/** The register of interpretations: the city administrator records a ruling, another city account approves it. */
export const INTERPRETATION_RULES = {
  'policy.ruling.record': { roles: ['city_admin'] },
  'policy.ruling.approve': { roles: CITY, when: 'checker' },
  'policy.ruling.read_drafts': { roles: CITY },
} as const satisfies Record<string, BusinessRule>;

/** The what-if sandbox: scenarios over a campaign's real applications, read-only. */
export const SANDBOX_RULES = {
  'subsidy.sandbox.run': { roles: ['city_admin'] },
} as const satisfies Record<string, BusinessRule>;

/**
 * The financing zone (002 三（二）（三）（四）): banks publish products and answer orders of their own institution;
 * the city reviews products (上架审核), flags green-channel needs and oversees answer times; enterprises post needs,
 * decide who sees their profile, apply and rate. Each list is scoped in its query (a bank: its own products and
 * orders, and only the needs whose consent names it).
 */
export const FINANCING_RULES = {
  'financing.product.manage': { roles: ['bank_officer'], needs: 'institution' },
  'financing.product.update': { roles: ['bank_officer'], needs: 'institution', when: 'own_institution' },
  'financing.product.review': { roles: CITY },
  'financing.need.post': { roles: ['enterprise'], needs: 'enterprise' },
  'financing.need.read': { roles: ['enterprise', 'bank_officer', 'city_reviewer', 'city_admin'] },
  'financing.need.consent': { roles: ['enterprise'], needs: 'enterprise', when: 'own' },
  'financing.need.green_channel': { roles: CITY },
  'financing.need.take': { roles: ['bank_officer'], needs: 'institution' },
  'financing.order.apply': { roles: ['enterprise'], needs: 'enterprise', when: 'own' },
  'financing.order.read': { roles: ['enterprise', 'bank_officer', 'city_reviewer', 'city_admin'] },
  'financing.order.answer': { roles: ['bank_officer'], needs: 'institution', when: 'own_institution' },
  'financing.order.rate': { roles: ['enterprise'], needs: 'enterprise', when: 'own' },
  'financing.oversight.read': { roles: CITY },
  'financing.oversight.sweep': { roles: ['city_admin'] },
  'financing.order.register_loan': { roles: ['bank_officer'], needs: 'institution', when: 'own_institution' },
  'financing.answer_times.read': { roles: CITY },
  'financing.answer_times.set': { roles: ['city_admin'] },
} as const satisfies Record<string, BusinessRule>;

/**
 * Competitive programmes (江工信工业互联网〔2021〕4号; the 资源池 selection): the delegated operator (受托机构, 第四条、
 * 第六条) runs calls, formal review, experts, ranking and acceptance; the city bureau approves the call, deliberates
 * (第十一条 集体审议), publishes the notice, issues the plan and supervises (第五条、第十六条); experts see and score only
 * what they are assigned; the external auditor (第十条（四）) reads and exports. Each within its scope (the call's
 * operator or auditor institution, the expert's own assignments, the enterprise's own applications).
 */
const FUND_READERS: readonly Role[] = ['fund_operator', 'city_reviewer', 'city_admin', 'external_auditor'];
export const FUND_RULES = {
  'fund.call.create': { roles: ['fund_operator'], needs: 'institution' },
  'fund.call.approve': { roles: ['city_admin'] },
  'fund.call.close': { roles: ['fund_operator'], needs: 'institution' },
  'fund.call.commission_audit': { roles: ['city_admin'] },
  'fund.call.read': { roles: [...FUND_READERS, 'enterprise'] },
  'fund.application.submit': { roles: ['enterprise'], needs: 'enterprise' },
  'fund.application.read': { roles: [...FUND_READERS, 'enterprise'] },
  'fund.application.formal_review': { roles: ['fund_operator'], needs: 'institution' },
  'fund.expert.manage': { roles: ['fund_operator'], needs: 'institution' },
  'fund.expert.draw': { roles: ['fund_operator'], needs: 'institution' },
  'fund.review.score': { roles: ['expert'] },
  'fund.ranking.read': { roles: FUND_READERS },
  'fund.proposal.make': { roles: ['fund_operator'], needs: 'institution' },
  'fund.deliberation.record': { roles: ['city_admin'] },
  'fund.notice.publish': { roles: ['city_admin'] },
  'fund.objection.handle': { roles: CITY },
  'fund.plan.issue': { roles: ['city_admin'] },
  'fund.plan.file': { roles: ['fund_operator'], needs: 'institution' },
  'fund.acceptance.record': { roles: ['fund_operator'], needs: 'institution' },
  'fund.spot_check.run': { roles: ['city_admin'] },
  'fund.clawback.manage': { roles: ['city_admin'] },
  'fund.records.export': { roles: ['external_auditor', 'city_admin'] },
  'fund.dashboard.read': { roles: FUND_READERS },
  'fund.training.record': { roles: ['fund_operator'], needs: 'institution' },
  'fund.training.read': { roles: ['fund_operator', 'city_reviewer', 'city_admin'] },
  'fund.policy.renew': { roles: ['city_admin'] },
  'fund.policy.approve_renewal': { roles: CITY, when: 'checker' },
} as const satisfies Record<string, BusinessRule>;

/**
 * The credit profile and risk warnings (002 三（三）2, 三（四）2): the enterprise reads its own profile and who viewed
 * it; a bank reads a profile only under the enterprise's consent (checked in the query); districts and the city read
 * within their scope; the city administrator records digital-level assessments. Warnings go to the banks with
 * exposure and the district, who acknowledge them with what they did.
 */
export const CREDIT_RULES = {
  'credit.profile.read': { roles: ['enterprise', 'district_reviewer', 'city_reviewer', 'city_admin', 'bank_officer'] },
  'credit.profile.views': { roles: ['enterprise', 'city_reviewer', 'city_admin'] },
  'credit.digital_level.record': { roles: ['city_admin'] },
  'credit.warning.read': { roles: ['enterprise', 'district_reviewer', 'city_reviewer', 'city_admin', 'bank_officer'] },
  'credit.warning.acknowledge': { roles: ['district_reviewer', 'bank_officer'] },
  'credit.warning.sweep': { roles: ['city_admin'] },
} as const satisfies Record<string, BusinessRule>;

/**
 * Outreach (002 三（一）): the city administrator builds and publishes white lists and runs match-making events;
 * a bank reads the lists published to it and records its own visits; banks, guarantors and enterprises register
 * for events, and the institution side of a meeting records its outcome; the city reads the statistics.
 */
export const OUTREACH_RULES = {
  'outreach.whitelist.manage': { roles: ['city_admin'] },
  'outreach.whitelist.read': { roles: ['bank_officer', 'city_reviewer', 'city_admin'] },
  'outreach.visit.record': { roles: ['bank_officer'], needs: 'institution' },
  'outreach.event.manage': { roles: ['city_admin'] },
  'outreach.event.checkin': { roles: CITY },
  'outreach.event.read': { roles: ['enterprise', 'bank_officer', 'insurer_officer', 'city_reviewer', 'city_admin'] },
  'outreach.event.register': { roles: ['enterprise', 'bank_officer', 'insurer_officer'] },
  'outreach.meeting.outcome': {
    roles: ['bank_officer', 'insurer_officer'],
    needs: 'institution',
    when: 'own_institution',
  },
  'outreach.statistics.read': { roles: CITY },
} as const satisfies Record<string, BusinessRule>;

const BUSINESS_RULES = {
  ...SUBSIDY_RULES,
  ...PROJECT_RULES,
  ...ENTERPRISE_RULES,
  ...LOAN_RULES,
  ...ATTACHMENT_RULES,
  ...NOTIFICATION_RULES,
  ...CALENDAR_RULES,
  ...POLICY_RULES,
  ...GUARANTEE_RULES,
  ...INTERPRETATION_RULES,
  ...SANDBOX_RULES,
  ...FINANCING_RULES,
  ...FUND_RULES,
  ...CREDIT_RULES,
  ...OUTREACH_RULES,
} as const;

export type BusinessAction = keyof typeof BUSINESS_RULES;
export const BUSINESS_ACTIONS = Object.keys(BUSINESS_RULES) as BusinessAction[];

export function isBusinessAction(action: string): action is BusinessAction {
  return Object.hasOwn(BUSINESS_RULES, action);
}

/** The part of an actor the table reads (the web's signed-in user has the same fields). */
export type BusinessActor = Pick<
  Actor,
  'role' | 'districtCode' | 'institutionId' | 'enterpriseId' | 'isEnterpriseAdmin'
> &
  Partial<Pick<Actor, 'id'>>;

function carries(actor: BusinessActor, needs: Needs | undefined): boolean {
  if (needs === 'enterprise') return !!actor.enterpriseId;
  if (needs === 'district') return !!actor.districtCode;
  if (needs === 'institution') return !!actor.institutionId;
  return true;
}

function meets(actor: BusinessActor, when: When | undefined, target: BusinessTarget): boolean {
  if (when === undefined) return true;
  if (when === 'own_institution') {
    return !!target.institutionId && target.institutionId === actor.institutionId;
  }
  if (when === 'editable') return target.editable !== false;
  if (when === 'checker')
    return target.editable !== false && actor.id !== undefined && !!target.madeBy && target.madeBy !== actor.id;
  const own = target.enterpriseId !== null && target.enterpriseId === actor.enterpriseId;
  if (when === 'own') return own;
  if (when === 'own_by_admin') return own && actor.isEnterpriseAdmin;
  return own && target.editable !== false;
}

/** Does the role alone allow `action` (for workflows that know the actor's role only; the rest is checked by scope)? */
export function roleMayDo(role: Role, action: BusinessAction): boolean {
  return (BUSINESS_RULES[action] as BusinessRule).roles.includes(role);
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
