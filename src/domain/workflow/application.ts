/**
 * The subsidy application's state machine (江工信工业互联网〔2023〕33号 第七条（四）补贴申请 →（五）补贴核查 →
 * （六）补贴下达): the enterprise submits to its district; the district checks and passes or returns with reasons;
 * the city verifies or returns with reasons; a returned application is corrected and resubmitted; the committed
 * allocation marks every verified application awarded or unfunded. Pure: no database, no clock.
 */
import type { Role } from '../access/actor';
import { roleMayDo } from '../access/business';
import { codesOf, zhNames } from '../text/codes';

export const APPLICATION_STATUS_ZH = zhNames({
  submitted: '已提交，待县（市、区）核查',
  district_returned: '县（市、区）退回修改',
  district_passed: '县（市、区）核查通过，待市级核实',
  city_returned: '市级退回修改',
  verified: '市级核实通过，待分配',
  awarded: '已安排补贴',
  unfunded: '预算用完未安排',
});
export const APPLICATION_STATUSES = codesOf(APPLICATION_STATUS_ZH);
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type ApplicationAction = 'resubmit' | 'district_pass' | 'district_return' | 'city_verify' | 'city_return';

export const APPLICATION_ACTION_ZH: Readonly<Record<ApplicationAction, string>> = {
  resubmit: '修改后重新提交',
  district_pass: '县（市、区）核查通过',
  district_return: '县（市、区）退回',
  city_verify: '市级核实通过',
  city_return: '市级退回',
};

interface Transition {
  readonly from: readonly ApplicationStatus[];
  readonly to: ApplicationStatus;
  /** Returns need reasons. */
  readonly needsReasons: boolean;
}

const TRANSITIONS: Readonly<Record<ApplicationAction, Transition>> = {
  resubmit: {
    from: ['district_returned', 'city_returned'],
    to: 'submitted',
    needsReasons: false,
  },
  district_pass: { from: ['submitted'], to: 'district_passed', needsReasons: false },
  district_return: { from: ['submitted'], to: 'district_returned', needsReasons: true },
  city_verify: {
    from: ['district_passed'],
    to: 'verified',
    needsReasons: false,
  },
  city_return: {
    from: ['district_passed'],
    to: 'city_returned',
    needsReasons: true,
  },
};

export type TransitionResult =
  | { readonly ok: true; readonly to: ApplicationStatus }
  | {
      readonly ok: false;
      readonly code: 'ROLE_NOT_ALLOWED' | 'WRONG_STATE' | 'REASONS_REQUIRED';
      readonly zh: string;
      readonly en: string;
    };

/** Decides whether `role` may take `action` on an application in `status`. */
export function applicationTransition(
  status: ApplicationStatus,
  action: ApplicationAction,
  role: Role,
  reasons: readonly string[] = [],
): TransitionResult {
  const t = TRANSITIONS[action];
  if (!roleMayDo(role, `subsidy.application.${action}`)) {
    return {
      ok: false,
      code: 'ROLE_NOT_ALLOWED',
      zh: `您的角色不能执行“${APPLICATION_ACTION_ZH[action]}”`,
      en: `Your role may not ${action}`,
    };
  }
  if (!t.from.includes(status)) {
    return {
      ok: false,
      code: 'WRONG_STATE',
      zh: `申请当前状态为“${APPLICATION_STATUS_ZH[status]}”，不能执行“${APPLICATION_ACTION_ZH[action]}”`,
      en: `An application in status ${status} cannot ${action}`,
    };
  }
  if (t.needsReasons && reasons.filter((r) => r.trim().length > 0).length === 0) {
    return { ok: false, code: 'REASONS_REQUIRED', zh: '退回须填写退回原因', en: 'A return needs at least one reason' };
  }
  return { ok: true, to: t.to };
}

/** Statuses in which the enterprise may still change the application (after a return). */
export function isEditableByEnterprise(status: ApplicationStatus): boolean {
  return status === 'district_returned' || status === 'city_returned';
}

/** Stages for dashboards: each status belongs to one. */
export const APPLICATION_STAGE: Readonly<
  Record<ApplicationStatus, 'district' | 'city' | 'returned' | 'verified' | 'done'>
> = {
  submitted: 'district',
  district_returned: 'returned',
  district_passed: 'city',
  city_returned: 'returned',
  verified: 'verified',
  awarded: 'done',
  unfunded: 'done',
};

export function isApplicationStatus(s: string): s is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly string[]).includes(s);
}

/** Campaign lifecycle: open → allocated → notice → plan_issued. */
export const CAMPAIGN_STATUS_ZH = zhNames({
  open: '受理中',
  allocated: '已分配，待公示',
  notice: '公示中',
  plan_issued: '已下达资金安排计划',
});
export const CAMPAIGN_STATUSES = codesOf(CAMPAIGN_STATUS_ZH);
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A campaign accepts applications while it is open and today (a Beijing date) lies in its application period. */
export function acceptsApplications(
  c: { readonly status: string; readonly applyFrom: string; readonly applyTo: string },
  today: string,
): boolean {
  return c.status === 'open' && c.applyFrom <= today && today <= c.applyTo;
}

export const OBJECTION_STATUSES = ['open', 'investigating', 'closed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_OUTCOMES = ['upheld', 'rejected', 'withdrawn'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];
export const OBJECTION_STATUS_ZH: Readonly<Record<ObjectionStatus, string>> = {
  open: '待处理',
  investigating: '调查核实中',
  closed: '已办结',
};
export const OBJECTION_OUTCOME_ZH: Readonly<Record<ObjectionOutcome, string>> = {
  upheld: '异议成立',
  rejected: '异议不成立',
  withdrawn: '异议人撤回',
};
