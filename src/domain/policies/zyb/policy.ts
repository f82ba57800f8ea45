/**
 * The 政银保 interest subsidy as a catalogue policy (for policy matching). Without a declaration date the
 * match assumes the enterprise declares when the next filing window opens, and says so.
 */
import { defaultCalendar } from '../../calendar/calendar';
import type { IsoDate } from '../../calendar/dates';
import { nextFilingWindow } from '../../calendar/windows';
import { cite } from '../core/citation';
import { validityStatus } from '../core/param';
import type { CataloguePolicy, Estimate, EvalContext, ParamInfo, PolicyEvaluation, RuleInfo } from '../core/policy';
import { yuanShortZh } from '../core/trace';
import type { EnterpriseFacts } from '../facts';
import { NON_STACKING_CITATION, NON_STACKING_GUIDE_CITATION, ZYB_POLICY_ID } from './decide';
import { evaluateZybEligibility, ZYB_RULES, type ZybEligibilityFacts, zybWindowRule } from './eligibility';
import { ZYB_PARAM_LABELS, ZYB_PARAMS, type ZybOverrides, type ZybParamKey, zybParam } from './params';
import { computeZybSubsidy } from './subsidy';

const PARAMS: ParamInfo[] = (Object.keys(ZYB_PARAMS) as ZybParamKey[]).map((key) => ({
  key,
  label: ZYB_PARAM_LABELS[key],
  series: ZYB_PARAMS[key],
}));

const RULES: RuleInfo[] = [
  ...Object.entries(ZYB_RULES).map(([code, r]) => ({ code, title: r.title, citation: r.citation })),
  { code: 'ZYB_NON_STACKING', title: '同笔贷款同类贴息就高不重复', citation: NON_STACKING_CITATION },
  { code: 'ZYB_NON_STACKING_GUIDE', title: '同类（融资贴息类）奖励就高不重复', citation: NON_STACKING_GUIDE_CITATION },
  {
    code: 'ZYB_BUDGET_ORDER',
    title: '先到先得：先比较入库申报月份，再比较放款时间',
    citation: cite('001', ['六、', '（四）'], '优先比较数字化转型项目入库申报的月份'),
  },
];

function evaluate(facts: EnterpriseFacts, asOf: IsoDate, ctx: EvalContext = {}): PolicyEvaluation {
  const cal = ctx.calendar ?? defaultCalendar();
  const overrides = ctx.overrides?.[ZYB_POLICY_ID] as ZybOverrides | undefined;
  const e = facts.enterprise ?? {};
  const z = facts.zyb ?? {};
  const notes: string[] = [];
  let declaredOn = z.declaredOn ?? null;
  if (declaredOn === null) {
    const w = nextFilingWindow(cal, asOf, zybWindowRule(asOf, overrides));
    declaredOn = w.opens > asOf ? w.opens : asOf;
    notes.push(`未提供入库申报日期，按下一个申报窗口（${w.opens}至${w.closes}）内的${declaredOn}测算`);
  }
  const ef: ZybEligibilityFacts = {
    applicantType: e.applicantType ?? null,
    registeredInJiangmen: e.registeredInJiangmen ?? null,
    operatingInJiangmen: e.operatingInJiangmen ?? null,
    isSme: e.isSme ?? null,
    creditGood: e.creditGood ?? null,
    inResourcePool: e.inResourcePool ?? null,
    projectInScope: z.projectInScope ?? null,
    projectLocationInJiangmen: z.projectLocationInJiangmen ?? null,
    projectStatus: z.projectStatus ?? null,
    projectStartOn: z.projectStartOn ?? null,
    projectEndOn: z.projectEndOn ?? null,
    declaredOn,
    loanDisbursedOn: z.loanDisbursedOn ?? null,
  };
  const eligibility = evaluateZybEligibility(ef, { calendar: cal, overrides });
  const pValidity = zybParam('validity', asOf, overrides);
  let estimate: Estimate;
  if (
    z.interestPaid !== undefined &&
    z.interestPaid !== null &&
    z.loanAmount !== undefined &&
    z.loanAmount !== null &&
    z.loanAmount > 0n &&
    z.digitalInvestment !== undefined &&
    z.digitalInvestment !== null
  ) {
    const s = computeZybSubsidy(
      {
        interestPaid: z.interestPaid,
        yearIndex: z.yearIndex ?? 1,
        digitalInvestment: z.digitalInvestment,
        loanAmount: z.loanAmount,
        receivedSoFar: z.receivedSoFar ?? 0n,
      },
      { asOf, overrides },
    );
    if (z.yearIndex === undefined || z.yearIndex === null) notes.push('未提供补助年度，按第一年测算');
    estimate = { kind: 'exact', amount: s.amount, trace: s.trace, note: null };
  } else {
    const cap = zybParam('enterpriseCap', asOf, overrides).value;
    estimate = {
      kind: 'unknown',
      amount: null,
      trace: null,
      note: `需提供贷款利息、贷款金额和数字化转型项目实际投入；按 S = I × R × C 计算，第一年补助比例90%、逐年递减，单个企业累计不超过${yuanShortZh(cap)}`,
    };
  }
  return {
    policyId: ZYB_POLICY_ID,
    asOf,
    validity: pValidity.value,
    validityStatus: validityStatus(pValidity.value, asOf),
    eligibility,
    estimate,
    notes,
  };
}

export const ZYB_POLICY: CataloguePolicy = {
  id: ZYB_POLICY_ID,
  name: '“政银保”融资项目促进制造业数字化转型贷款贴息',
  doc: '000',
  category: '融资贴息',
  summary:
    '对通过“政银保”贷款开展数字化转型的企业（含数字化服务商）按实际贷款利息给予补助：S = I × R × C，第一年90%、逐年递减，单个企业累计不超过100万元。',
  basis: cite('000', ['第二条'], '实际发生的贷款利息给予补助'),
  interestSubsidy: true,
  validity: ZYB_PARAMS.validity,
  params: PARAMS,
  rules: RULES,
  evaluate,
};
