/**
 * 江工信工业互联网〔2021〕4号《江门市工业互联网专项资金管理实施细则》: the industrial-internet special fund.
 * Four directions (第八条), common eligibility (第九条), competitive allocation (第八条: 竞争性方式分配, so every
 * amount is a ceiling). In force from its issue date 2021-05-16 for 3 years (第十八条), i.e. through 2024-05-15.
 */
import { addMonths, type IsoDate } from '../../calendar/dates';
import { type Fen, type Ratio, ratioOf } from '../../money/index';
import { type Citation, cite } from '../core/citation';
import {
  boolCondition,
  type ConditionResult,
  type ConditionStatus,
  describer,
  type MessageArgs,
} from '../core/conditions';
import { type Cited, defineMeasure, type ExtraParam, type MeasureSpec } from '../core/measure';
import { type ParamRead, type ParamSeries, param, type Validity } from '../core/param';
import type { CataloguePolicy, RuleInfo } from '../core/policy';
import type { EnterpriseFacts } from '../facts';

const FROM = '2021-05-16';
const TO = '2024-05-15';

export const IIFUND_VALIDITY: ParamSeries<Validity> = [
  param(
    FROM,
    TO,
    { from: FROM, to: TO },
    cite('003', ['第十八条'], '自印发之日起实施，有效期3年', '（2021年5月16日印发）'),
  ),
];

const A8 = (clause: string, quote: string) => cite('003', ['第八条', clause], quote);
const A9 = (clause: string, quote: string) => cite('003', ['第九条', clause], quote);
const COMPETITIVE = cite('003', ['第八条'], '专项资金采取竞争性方式分配');

const wan = (n: number): Fen => BigInt(n) * 1_000_000n;
const money = (label: string, value: Fen, citation: Citation): Cited<Fen> => ({
  label,
  series: [param(FROM, TO, value, citation)],
});
const rate = (label: string, value: Ratio, citation: Citation): Cited<Ratio> => ({
  label,
  series: [param(FROM, TO, value, citation)],
});

/** 第九条 (applies to every direction). */
export const IIFUND_RULES: readonly RuleInfo[] = [
  {
    code: 'IIF_REGISTERED',
    title: '在江门市行政区域内依法注册（或登记）',
    citation: A9('（一）', '在江门市行政区域内依法注册（或登记）'),
  },
  { code: 'IIF_ESTABLISHED_1Y', title: '成立时间满1年', citation: A9('（一）', '成立时间满1年') },
  { code: 'IIF_LEGAL_ENTITY', title: '独立法人企业', citation: A9('（一）', '独立法人企业') },
  {
    code: 'IIF_NO_OTHER_FISCAL',
    title: '申报项目未获得过其他财政资金支持',
    citation: A9('（二）', '申报项目未获得过其他财政资金支持'),
  },
  {
    code: 'IIF_FISCAL_RECORD',
    title: '近三年获财政资金支持项目执行情况良好',
    citation: A9('（三）', '近三年内企业获各级财政资金支持项目执行情况良好'),
  },
  { code: 'IIF_CREDIT_3Y', title: '近三年内信用良好', citation: A9('（四）', '近三年内信用良好') },
  {
    code: 'IIF_NO_ACCIDENTS',
    title: '未发生重大安全、环保、质量事故',
    citation: A9('（四）', '未发生重大安全、环保、质量事故'),
  },
];

const RULE = Object.fromEntries(IIFUND_RULES.map((r) => [r.code, r])) as Record<string, RuleInfo>;

const ESTABLISHED_PARAM: ExtraParam = {
  key: 'establishedMonths',
  label: '成立时间须满（月）',
  series: [param(FROM, TO, 12, A9('（一）', '成立时间满1年'))],
};

const D = {
  registered: describer(
    () => '企业在江门市行政区域内依法注册（或登记）',
    () => '企业未在江门市行政区域内注册（或登记）',
    () => '尚未确认企业是否在江门市行政区域内注册（或登记）',
  ),
  established: describer(
    (a) => `企业成立于${String(a.on)}，至${String(a.asOf)}已满1年（满1年之日为${String(a.limit)}）`,
    (a) => `企业成立于${String(a.on)}，至${String(a.asOf)}未满1年（须至${String(a.limit)}方满1年）`,
    () => '未提供企业成立日期（须成立满1年）',
  ),
  legal: describer(
    () => '申报单位为独立法人企业',
    () => '申报单位不是独立法人企业',
    () => '尚未确认申报单位是否为独立法人企业',
  ),
  fiscal: describer(
    () => '申报项目未获得过其他财政资金支持',
    () => '申报项目已获得过其他财政资金支持',
    () => '尚未确认申报项目是否获得过其他财政资金支持',
  ),
  record: describer(
    () => '近三年获财政资金支持项目执行情况良好，未出现违规、违法问题',
    () => '近三年获财政资金支持项目执行或绩效评价、监督检查中出现问题',
    () => '尚未确认近三年获财政资金支持项目的执行情况',
  ),
  credit: describer(
    () => '近三年内信用良好（未被纳入经营异常名录或严重违法失信企业名单）',
    () => '近三年内信用不良（被纳入经营异常名录或严重违法失信企业名单）',
    () => '尚未确认近三年内信用情况（经营异常名录、严重违法失信企业名单）',
  ),
  accidents: describer(
    () => '近三年未发生重大安全、环保、质量事故',
    () => '近三年发生过重大安全、环保、质量事故',
    () => '尚未确认近三年是否发生重大安全、环保、质量事故',
  ),
  sme: describer(
    () => '企业属于中小企业',
    () => '企业不属于中小企业，上云上平台方向支持中小企业',
    () => '尚未确认企业是否属于中小企业',
  ),
};

function article9(facts: EnterpriseFacts, asOf: IsoDate, read: <T>(key: string) => ParamRead<T>): ConditionResult[] {
  const e = facts.enterprise ?? {};
  const months = read<number>('establishedMonths');
  let established: ConditionResult;
  if (e.establishedOn === undefined || e.establishedOn === null) {
    established = {
      code: 'IIF_ESTABLISHED_1Y',
      status: 'unknown',
      citation: months.citation,
      args: {},
      describe: D.established,
    };
  } else {
    const limit = addMonths(e.establishedOn, months.value);
    const args: MessageArgs = { on: e.establishedOn, asOf, limit: limit.date, clamped: limit.clamped };
    const status: ConditionStatus = asOf >= limit.date ? 'pass' : 'fail';
    established = { code: 'IIF_ESTABLISHED_1Y', status, citation: months.citation, args, describe: D.established };
  }
  const noOther =
    e.projectOtherFiscalSupport === undefined || e.projectOtherFiscalSupport === null
      ? null
      : !e.projectOtherFiscalSupport;
  return [
    boolCondition('IIF_REGISTERED', e.registeredInJiangmen, RULE.IIF_REGISTERED!.citation, D.registered),
    established,
    boolCondition('IIF_LEGAL_ENTITY', e.independentLegalEntity, RULE.IIF_LEGAL_ENTITY!.citation, D.legal),
    boolCondition('IIF_NO_OTHER_FISCAL', noOther, RULE.IIF_NO_OTHER_FISCAL!.citation, D.fiscal),
    boolCondition('IIF_FISCAL_RECORD', e.fiscalRecordGood3y, RULE.IIF_FISCAL_RECORD!.citation, D.record),
    boolCondition('IIF_CREDIT_3Y', e.creditGood3y, RULE.IIF_CREDIT_3Y!.citation, D.credit),
    boolCondition('IIF_NO_ACCIDENTS', e.noMajorAccidents3y, RULE.IIF_NO_ACCIDENTS!.citation, D.accidents),
  ];
}

const base = {
  doc: '003' as const,
  category: '专项资金' as const,
  validity: IIFUND_VALIDITY,
  competitive: COMPETITIVE,
};

function withArticle9(
  more: {
    rules?: RuleInfo[];
    params?: ExtraParam[];
    evaluate?: (f: EnterpriseFacts, asOf: IsoDate, read: <T>(key: string) => ParamRead<T>) => ConditionResult[];
  } = {},
): NonNullable<MeasureSpec['extra']> {
  return {
    rules: [...IIFUND_RULES, ...(more.rules ?? [])],
    params: [ESTABLISHED_PARAM, ...(more.params ?? [])],
    evaluate: (f, asOf, read) => [...article9(f, asOf, read), ...(more.evaluate?.(f, asOf, read) ?? [])],
  };
}

const SME_RULE: RuleInfo = {
  code: 'IIF_CLOUD_SME',
  title: '属于中小企业',
  citation: cite('003', ['第七条', '（二）'], '支持中小企业'),
};

export const TALENT_BUDGET: ExtraParam = {
  key: 'talentYearlyBudget',
  label: '人才培养项目年度预算（元）',
  series: [param(FROM, TO, wan(100), A8('（四）', '每年工业互联网人才培养补贴100万元'))],
};
export const MIN_SESSIONS: ExtraParam = {
  key: 'minSessions',
  label: '项目目标：每年组织培训活动（场以上）',
  series: [param(FROM, TO, 10, A8('（四）', '用于组织10场以上培训活动'))],
};
export const MIN_TRAINEES: ExtraParam = {
  key: 'minTrainees',
  label: '项目目标：每年培养工业互联网应用人才（人以上）',
  series: [param(FROM, TO, 500, A8('（四）', '培养工业互联网应用人才500人以上'))],
};

export const IIFUND_POLICIES: readonly CataloguePolicy[] = [
  defineMeasure({
    ...base,
    id: 'iifund.benchmark',
    name: '工业互联网标杆示范项目（专项资金）',
    summary: '每家企业补贴不超过标杆示范项目总投入的50%，单个项目不超过100万元；竞争性分配。',
    basis: cite('003', ['第七条', '（一）'], '打造工业互联网标杆示范项目'),
    events: [{ code: 'iifund_benchmark_project' }],
    amount: {
      kind: 'rate',
      rate: rate('补贴比例上限（占项目总投入）', ratioOf(50n, 100n), A8('（一）', '下同）的50%')),
      base: 'iifundBenchmarkInvestment',
      cap: money('单个项目补贴上限', wan(100), A8('（一）', '单个项目不超过100万元')),
      result: 'up_to',
    },
    extra: withArticle9(),
  }),
  defineMeasure({
    ...base,
    id: 'iifund.cloud',
    name: '中小企业上云上平台（专项资金）',
    summary: '每家企业补贴不超过该项目总投入的80%，每家企业不超过60万元；竞争性分配。',
    basis: cite('003', ['第七条', '（二）'], '中小企业上云上平台'),
    events: [{ code: 'iifund_cloud_project' }],
    amount: {
      kind: 'rate',
      rate: rate(
        '补贴比例上限（占项目总投入）',
        ratioOf(80n, 100n),
        A8('（二）', '每家企业补贴不超过企业该项目总投入金额的80%'),
      ),
      base: 'iifundCloudInvestment',
      cap: money('每家企业补贴上限', wan(60), A8('（二）', '每家企业补贴不超过60万元')),
      result: 'up_to',
    },
    extra: withArticle9({
      rules: [SME_RULE],
      evaluate: (f) => [boolCondition('IIF_CLOUD_SME', f.enterprise?.isSme, SME_RULE.citation, D.sme)],
    }),
  }),
  defineMeasure({
    ...base,
    id: 'iifund.cluster',
    name: '产业集群试点（专项资金）',
    summary: '每个产业集群不超过500万元，集群内每家企业不超过该项目总投入的80%且不超过50万元；竞争性分配。',
    basis: cite(
      '003',
      ['第七条', '（三）'],
      '支持金属制品（不锈钢制品、水暖卫浴）、家电、摩托车等“5+N”产业集群工业企业',
    ),
    events: [{ code: 'iifund_cluster_member' }],
    amount: {
      kind: 'rate',
      rate: rate(
        '补贴比例上限（占项目总投入）',
        ratioOf(80n, 100n),
        A8('（三）', '产业集群内的每家企业补贴不超过企业该项目总投入金额的80%'),
      ),
      base: 'iifundClusterInvestment',
      cap: money('每家企业补贴上限', wan(50), A8('（三）', '每家企业补贴金额不超过50万元')),
      groupCap: {
        ...money('每个产业集群补贴上限', wan(500), A8('（三）', '每个产业集群的补贴金额不超过500万元')),
        awardedSoFar: 'iifundClusterAwardedSoFar',
      },
      result: 'up_to',
    },
    extra: withArticle9(),
  }),
  defineMeasure({
    ...base,
    id: 'iifund.talent',
    name: '工业互联网人才培养（专项资金）',
    summary: '人才培养项目年度预算100万元（不是单个企业的补贴额），目标为组织10场以上培训、培养500人以上；竞争性分配。',
    basis: cite('003', ['第七条', '（四）'], '工业互联网人才培养'),
    events: [{ code: 'iifund_talent_training' }],
    // 第八条（四）: ¥1,000,000 a year is the programme's budget and 10 sessions / 500 trainees are its targets —
    // not an amount an enterprise claims, not conditions an applicant must meet.
    amount: {
      kind: 'by_notice',
      note: '每年工业互联网人才培养补贴100万元是该项目的年度预算（第八条（四）），不是单个企业可获得的金额；“10场以上培训活动、培养500人以上”是项目的工作目标，不是申报条件；承担单位与金额以竞争性分配结果为准',
    },
    extra: withArticle9({ params: [TALENT_BUDGET, MIN_SESSIONS, MIN_TRAINEES] }),
  }),
];
