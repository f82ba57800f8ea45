/**
 * The state machine of a project-library declaration (数字化转型项目入库申报), 江工信工业互联网〔2023〕33号
 * 第七条（一）（二）:
 *
 *   draft ──submit──▶ submitted ──district_verify──▶ district_verified ──city_approve──▶ approved (numbered)
 *                      │     ▲                                         └──city_reject───▶ rejected
 *       district_return│     │resubmit (before the reviewer's deadline)
 *                      ▼     │
 *                     returned ──lapse (deadline passed)──▶ lapsed
 *
 *   withdraw: draft | submitted | returned ──▶ withdrawn
 *   rejected, lapsed, withdrawn: the project may be declared again, amended, in a later window (a new
 *   declaration linked to this one).
 *
 * Pure: who may fire an event, whether it needs a reason, and the state it leads to. Guards that need facts
 * (window open, materials, eligibility, deadlines) live in `src/domain/projects` and the services.
 */
import { codesOf, zhEnNames } from '../text/codes';

export const DECLARATION_STATE_NAMES = zhEnNames({
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待区县核实', en: 'Awaiting district verification' },
  returned: { zh: '退回补正', en: 'Returned for correction' },
  district_verified: { zh: '待市级复核', en: 'Awaiting city review' },
  approved: { zh: '已入库', en: 'In the library' },
  rejected: { zh: '未通过', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  lapsed: { zh: '逾期未补正', en: 'Lapsed (not corrected in time)' },
});
export const DECLARATION_STATES = codesOf(DECLARATION_STATE_NAMES);
export type DeclarationState = (typeof DECLARATION_STATES)[number];

export const DECLARATION_EVENT_NAMES = zhEnNames({
  submit: { zh: '提交申报', en: 'Submitted' },
  resubmit: { zh: '补正后重新提交', en: 'Resubmitted after correction' },
  withdraw: { zh: '撤回', en: 'Withdrawn' },
  district_verify: { zh: '区县核实通过，报市复核', en: 'Verified by the district, passed to the city' },
  district_return: { zh: '区县退回补正', en: 'Returned by the district' },
  city_approve: { zh: '市级复核通过，予以入库编号', en: 'Approved by the city and numbered' },
  city_reject: { zh: '市级复核不通过', en: 'Rejected by the city' },
  lapse: { zh: '逾期未补正', en: 'Lapsed' },
});
export const DECLARATION_EVENTS = codesOf(DECLARATION_EVENT_NAMES);
export type DeclarationEvent = (typeof DECLARATION_EVENTS)[number];

/** Who fires an event: the declaring enterprise, a reviewer of the declaration's district, the city, the platform. */
export type DeclarationActorKind = 'enterprise' | 'district_reviewer' | 'city_reviewer' | 'system';

export interface TransitionRule {
  readonly from: readonly DeclarationState[];
  readonly to: DeclarationState;
  readonly actor: DeclarationActorKind;
  /** Refusals (return, reject) must say why (谁审批、谁负责). */
  readonly requiresReason: boolean;
}

export const TRANSITIONS: Readonly<Record<DeclarationEvent, TransitionRule>> = {
  submit: { from: ['draft'], to: 'submitted', actor: 'enterprise', requiresReason: false },
  resubmit: { from: ['returned'], to: 'submitted', actor: 'enterprise', requiresReason: false },
  withdraw: { from: ['draft', 'submitted', 'returned'], to: 'withdrawn', actor: 'enterprise', requiresReason: false },
  district_verify: { from: ['submitted'], to: 'district_verified', actor: 'district_reviewer', requiresReason: false },
  district_return: { from: ['submitted'], to: 'returned', actor: 'district_reviewer', requiresReason: true },
  city_approve: { from: ['district_verified'], to: 'approved', actor: 'city_reviewer', requiresReason: false },
  city_reject: { from: ['district_verified'], to: 'rejected', actor: 'city_reviewer', requiresReason: true },
  lapse: { from: ['returned'], to: 'lapsed', actor: 'system', requiresReason: false },
};

/** States the enterprise may edit. */
export const EDITABLE_STATES: readonly DeclarationState[] = ['draft', 'returned'];
/** States a new declaration may follow as an amended re-declaration (第七条（二）“完善后于后续申报周期可重新申报”). */
export const REDECLARABLE_STATES: readonly DeclarationState[] = ['rejected', 'lapsed', 'withdrawn'];
/** States in which a declaration occupies its project name (no second active declaration of the same project). */
export const ACTIVE_STATES: readonly DeclarationState[] = ['submitted', 'returned', 'district_verified', 'approved'];

export type TransitionRefusal =
  | { readonly code: 'INVALID_TRANSITION'; readonly from: DeclarationState; readonly event: DeclarationEvent }
  | { readonly code: 'WRONG_ACTOR'; readonly expected: DeclarationActorKind; readonly actual: DeclarationActorKind }
  | { readonly code: 'REASON_REQUIRED'; readonly event: DeclarationEvent };

export type TransitionResult =
  | {
      readonly ok: true;
      readonly from: DeclarationState;
      readonly to: DeclarationState;
      readonly event: DeclarationEvent;
    }
  | { readonly ok: false; readonly refusal: TransitionRefusal };

/** A reason counts when it has at least this many non-blank characters. */
export const MIN_REASON_LENGTH = 2;

export function hasReason(reason: string | null | undefined): boolean {
  return (reason ?? '').replace(/\s+/g, '').length >= MIN_REASON_LENGTH;
}

/** Decides one transition: the state it leads to, or why it may not happen. */
export function transition(
  from: DeclarationState,
  event: DeclarationEvent,
  actor: DeclarationActorKind,
  reason?: string | null,
): TransitionResult {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(from)) return { ok: false, refusal: { code: 'INVALID_TRANSITION', from, event } };
  if (rule.actor !== actor) return { ok: false, refusal: { code: 'WRONG_ACTOR', expected: rule.actor, actual: actor } };
  if (rule.requiresReason && !hasReason(reason)) return { ok: false, refusal: { code: 'REASON_REQUIRED', event } };
  return { ok: true, from, to: rule.to, event };
}

/** The events an actor may fire from a state (for buttons). */
export function availableEvents(from: DeclarationState, actor: DeclarationActorKind): DeclarationEvent[] {
  return DECLARATION_EVENTS.filter((e) => TRANSITIONS[e].actor === actor && TRANSITIONS[e].from.includes(from));
}

export function isEditable(state: DeclarationState): boolean {
  return EDITABLE_STATES.includes(state);
}

/** Chinese sentence for a refusal (the services wrap it in an error with its code). */
export function refusalMessage(r: TransitionRefusal): { zh: string; en: string } {
  switch (r.code) {
    case 'INVALID_TRANSITION':
      return {
        zh: `申报当前状态为“${DECLARATION_STATE_NAMES[r.from].zh}”，不能执行“${DECLARATION_EVENT_NAMES[r.event].zh}”`,
        en: `A declaration in state "${DECLARATION_STATE_NAMES[r.from].en}" cannot be "${DECLARATION_EVENT_NAMES[r.event].en}"`,
      };
    case 'WRONG_ACTOR':
      return { zh: '您的角色无权执行此操作', en: 'Your role may not do this' };
    case 'REASON_REQUIRED':
      return {
        zh: `“${DECLARATION_EVENT_NAMES[r.event].zh}”须填写理由`,
        en: `"${DECLARATION_EVENT_NAMES[r.event].en}" requires a reason`,
      };
  }
}
