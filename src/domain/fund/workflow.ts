/**
 * The stages of a competitive call and of an application in it (江工信工业互联网〔2021〕4号 第十条、第十一条、第十四条).
 * Pure: a transition either names the next state or refuses in Chinese with the article.
 *
 * Call: draft → approved (the bureau approves, applications open) → reviewing (applications closed, experts
 * score) → proposed (the operator's ranked list with amounts) → deliberated (集体审议) → notice (公示) → planned
 * (项目计划) → filed (备案).
 * Application: submitted ⇄ returned (形式审查 with reasons and a deadline) → formal_passed → awarded | not_awarded
 * → (acceptance) accepted | rectify (by a deadline, then accepted or failed) | failed.
 */
import { citationLabel, cite } from '../policies/core/citation';
import { codesOf, zhNames } from '../text/codes';

export const CALL_STATE_ZH = zhNames({
  draft: '草稿（待市工业和信息化局审批）',
  approved: '申报中',
  reviewing: '评审中',
  proposed: '已提出安排方案',
  deliberated: '已集体审议',
  notice: '公示中',
  planned: '已下达项目计划',
  filed: '已备案',
});
export const CALL_STATES = codesOf(CALL_STATE_ZH);
export type CallState = (typeof CALL_STATES)[number];

export type CallEvent = 'approve' | 'close' | 'propose' | 'deliberate' | 'publish' | 'plan' | 'file';
const CALL_NEXT: Readonly<Record<CallEvent, readonly [CallState, CallState]>> = {
  approve: ['draft', 'approved'],
  close: ['approved', 'reviewing'],
  propose: ['reviewing', 'proposed'],
  deliberate: ['proposed', 'deliberated'],
  publish: ['deliberated', 'notice'],
  plan: ['notice', 'planned'],
  file: ['planned', 'filed'],
};
const CALL_CITATION: Readonly<Record<CallEvent, ReturnType<typeof cite>>> = {
  approve: cite('003', ['第十条', '（一）'], '企业按照市工业和信息化局每年发布的工业互联网专项资金申报通知'),
  close: cite('003', ['第十条', '（二）'], '数江公司组织具体项目申报、评审论证'),
  propose: cite('003', ['第十条', '（二）'], '排序优选'),
  deliberate: cite('003', ['第十一条'], '资金安排应按规定实行集体审议研究'),
  publish: cite('003', ['第十一条'], '公示期不少于7日'),
  plan: cite('003', ['第五条'], '负责下达项目计划'),
  file: cite('003', ['第十条', '（三）'], '将相关申请资料向市工业和信息化局备案'),
};

export type Transition<S> = { ok: true; to: S } | { ok: false; zh: string };

export function callTransition(from: CallState, event: CallEvent): Transition<CallState> {
  const [need, to] = CALL_NEXT[event];
  if (from === need) return { ok: true, to };
  return {
    ok: false,
    zh: `申报通知当前为“${CALL_STATE_ZH[from]}”，须为“${CALL_STATE_ZH[need]}”方可进行此步骤（依据${citationLabel(CALL_CITATION[event])}）`,
  };
}

export const APPLICATION_STATE_ZH = zhNames({
  submitted: '已提交，待形式审查',
  returned: '形式审查退回补正',
  formal_passed: '形式审查通过，专家评审中',
  awarded: '已列入项目计划',
  not_awarded: '未获安排',
  accepted: '验收通过',
  rectify: '验收整改中',
  failed: '验收不通过',
});
export const APPLICATION_STATES = codesOf(APPLICATION_STATE_ZH);
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export type ApplicationEvent = 'pass' | 'return' | 'resubmit' | 'award' | 'not_award' | 'accept' | 'rectify' | 'fail';
const APP_NEXT: Readonly<Record<ApplicationEvent, readonly [readonly ApplicationState[], ApplicationState]>> = {
  pass: [['submitted'], 'formal_passed'],
  return: [['submitted'], 'returned'],
  resubmit: [['returned'], 'submitted'],
  award: [['formal_passed'], 'awarded'],
  not_award: [['formal_passed', 'submitted', 'returned'], 'not_awarded'],
  accept: [['awarded', 'rectify'], 'accepted'],
  rectify: [['awarded'], 'rectify'],
  fail: [['awarded', 'rectify'], 'failed'],
};

export function applicationTransition(from: ApplicationState, event: ApplicationEvent): Transition<ApplicationState> {
  const [need, to] = APP_NEXT[event];
  if (need.includes(from)) return { ok: true, to };
  return {
    ok: false,
    zh: `申报当前为“${APPLICATION_STATE_ZH[from]}”，不能进行此操作（须为：${need.map((s) => APPLICATION_STATE_ZH[s]).join('、')}）`,
  };
}
