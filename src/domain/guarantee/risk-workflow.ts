/**
 * A risk-compensation claim's steps: the bank or guarantor files → the district checks (pass / return) → the city
 * approves (a second, different city approver when the amount is above the notice's threshold) or returns → the
 * payment is recorded → recoveries are reported → the claim is closed. A returned claim is corrected by the filing
 * institution and resubmitted (back to the district's check). Every step needs its reason when it refuses
 * or returns. Pure: the caller passes the role's permission (from the business table) and the amounts.
 */
import { daysBetween, type IsoDate } from '../calendar/dates';
import { codesOf, zhNames } from '../text/codes';

export const RISK_CLAIM_STATUS_ZH = zhNames({
  submitted: '已提交，待县（市、区）核查',
  district_returned: '县（市、区）退回',
  district_passed: '县（市、区）核查通过，待市级核实',
  city_returned: '市级退回',
  awaiting_second: '市级初审通过，待第二人复核',
  approved: '已核定，待拨付',
  paid: '已拨付，追偿中',
  closed: '已结案',
});
export const RISK_CLAIM_STATUSES = codesOf(RISK_CLAIM_STATUS_ZH);
export type RiskClaimStatus = (typeof RISK_CLAIM_STATUSES)[number];

export type RiskClaimAction =
  | 'district_pass'
  | 'district_return'
  | 'city_approve'
  | 'city_return'
  | 'second_approve'
  | 'pay'
  | 'close'
  | 'resubmit';

export const RISK_CLAIM_ACTION_ZH: Readonly<Record<RiskClaimAction, string>> = {
  district_pass: '县（市、区）核查通过',
  district_return: '县（市、区）退回',
  city_approve: '市级核实通过',
  city_return: '市级退回',
  second_approve: '第二人复核通过',
  pay: '登记拨付',
  close: '结案',
  resubmit: '修改后重新提交',
};

const FROM: Readonly<Record<RiskClaimAction, readonly RiskClaimStatus[]>> = {
  district_pass: ['submitted'],
  district_return: ['submitted'],
  city_approve: ['district_passed'],
  city_return: ['district_passed', 'awaiting_second'],
  second_approve: ['awaiting_second'],
  pay: ['approved'],
  close: ['paid'],
  resubmit: ['district_returned', 'city_returned'],
};

const NEEDS_REASON: ReadonlySet<RiskClaimAction> = new Set(['district_return', 'city_return', 'close']);

export type RiskTransition =
  | { readonly ok: true; readonly to: RiskClaimStatus }
  | { readonly ok: false; readonly code: 'WRONG_STATE' | 'REASON_REQUIRED' | 'SAME_APPROVER'; readonly zh: string };

export interface RiskTransitionInput {
  readonly status: RiskClaimStatus;
  readonly action: RiskClaimAction;
  readonly reason?: string | null;
  /** city_approve: whether the approved amount is above the second-approval threshold. */
  readonly needsSecondApprover?: boolean;
  /** second_approve: the first approver and the acting account. */
  readonly firstApprover?: string | null;
  readonly actorId?: string;
}

export function riskTransition(input: RiskTransitionInput): RiskTransition {
  const { status, action } = input;
  if (!FROM[action].includes(status)) {
    return {
      ok: false,
      code: 'WRONG_STATE',
      zh: `补偿申请当前状态为“${RISK_CLAIM_STATUS_ZH[status]}”，不能执行“${RISK_CLAIM_ACTION_ZH[action]}”`,
    };
  }
  if (NEEDS_REASON.has(action) && !(input.reason ?? '').trim()) {
    return { ok: false, code: 'REASON_REQUIRED', zh: `“${RISK_CLAIM_ACTION_ZH[action]}”须填写理由` };
  }
  switch (action) {
    case 'district_pass':
      return { ok: true, to: 'district_passed' };
    case 'district_return':
      return { ok: true, to: 'district_returned' };
    case 'city_approve':
      return { ok: true, to: input.needsSecondApprover ? 'awaiting_second' : 'approved' };
    case 'city_return':
      return { ok: true, to: 'city_returned' };
    case 'second_approve':
      if (!input.firstApprover || input.firstApprover === input.actorId) {
        return {
          ok: false,
          code: 'SAME_APPROVER',
          zh: '超过复核金额的补偿须由另一名市级人员复核，初审人不能复核本人核实的申请',
        };
      }
      return { ok: true, to: 'approved' };
    case 'pay':
      return { ok: true, to: 'paid' };
    case 'close':
      return { ok: true, to: 'closed' };
    case 'resubmit':
      return { ok: true, to: 'submitted' };
  }
}

/** A recovery reported later than the notice's days after it was received is flagged overdue. */
export function recoveryReportOverdue(receivedOn: IsoDate, reportedOn: IsoDate, days: number): boolean {
  return daysBetween(receivedOn, reportedOn) > days;
}
