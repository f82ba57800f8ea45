/**
 * 江府〔2023〕11号《关于促进制造业高质量发展的若干措施》: the city's catalogue of support measures with amounts.
 * In force 2023-04-29 – 2025-12-31 (末段: "以上政策措施自4月29日起实施，有效期至2025年12月31日"; the year is
 * that of the document, 2023). "具体政策措施有明确执行期限…的，从其规定": the technical-upgrade awards carry their
 * own period (2023 至 2025 年) and use it.
 *
 * Amount wording is kept: "给予N万元" → exact; "最高N万元" → ceiling; "按…的30%给予奖励，支持额度不低于100万元" →
 * 30% of the unit price with a floor of ¥1,000,000 (不低于 = not lower than: a floor, not a cap); amounts the text
 * does not state ("给予贴息支持", "给予补助", "给予资金奖励") → by notice.
 */
import type { Fen, Ratio } from '../../money/index';
import { ratioOf } from '../../money/index';
import { type Citation, cite } from '../core/citation';
import { type Cited, defineMeasure } from '../core/measure';
import { type ParamSeries, param, type Validity } from '../core/param';
import type { CataloguePolicy } from '../core/policy';
import { MEASURE13_FLOOR_READING } from '../interpretations';

const FROM = '2023-04-29';
const TO = '2025-12-31';

export const M2023_VALIDITY: ParamSeries<Validity> = [
  param(
    FROM,
    TO,
    { from: FROM, to: TO },
    cite('004', [], '以上政策措施自4月29日起实施，有效期至2025年12月31日', '末段'),
  ),
];

/** 措施9 sets its own period ("2023 至 2025 年"), which governs under the closing paragraph's "从其规定". */
const TECH_UPGRADE_VALIDITY: ParamSeries<Validity> = [
  param(
    '2023-01-01',
    '2025-12-31',
    { from: '2023-01-01', to: '2025-12-31' },
    cite('004', ['三、', '9.'], '2023至2025年，单个项目按不超过新设备购置额的20%'),
  ),
];

/** N 万元 in fen. */
const wan = (n: number): Fen => BigInt(n) * 1_000_000n;

function money(label: string, value: Fen, citation: Citation, from = FROM, to = TO): Cited<Fen> {
  return { label, series: [param(from, to, value, citation)] };
}

function rate(label: string, value: Ratio, citation: Citation, from = FROM, to = TO): Cited<Ratio> {
  return { label, series: [param(from, to, value, citation)] };
}

const M2 = (quote: string) => cite('004', ['一、', '2.'], quote);
const M3 = (quote: string) => cite('004', ['一、', '3.'], quote);
const M4 = (quote: string) => cite('004', ['一、', '4.'], quote);
const M5 = (quote: string) => cite('004', ['二、', '5.'], quote);
const M9 = (quote: string) => cite('004', ['三、', '9.'], quote);
const M11 = (quote: string) => cite('004', ['四、', '11.'], quote);
const M12 = (quote: string) => cite('004', ['四、', '12.'], quote);
const M13 = (quote: string) => cite('004', ['四、', '13.'], quote);
const M14 = (quote: string) => cite('004', ['四、', '14.'], quote);

const QUALITY_AWARDS = M14(
  '获得国奖、国奖提名奖、省奖、省奖提名奖、市奖的每家分别给予200万元、100万元、100万元、50万元、50万元资金补助',
);
const LISTING = M11('对符合条件的工业小升规、股改、上市企业分别给予最高20万元、30万元、530万元奖励');
const CLEAN = M3(
  '对获得“粤港清洁生产伙伴”（制造业）优越标志企业、“粤港清洁生产伙伴”（制造业）标志企业一次性分别给予8万元、5万元奖励',
);
const INNOVATION = M13('对批准组建的国家、省级技术创新中心，分别给予最高3000万元、1000万元的配套资助');

const common = { doc: '004' as const, validity: M2023_VALIDITY };

/** 措施14: IP-pledge financing interest subsidy — 50% of interest actually paid, ≤ ¥200,000 a firm a year. */
export const IP_PLEDGE_SUBSIDY: CataloguePolicy = defineMeasure({
  ...common,
  id: 'm2023.ip_pledge_interest',
  name: '知识产权质押融资贴息',
  category: '融资贴息',
  summary: '按知识产权质押融资贷款实际支付利息的50%贴息，同一企业同一年度最高20万元。',
  basis: M14('深入推进知识产权质押融资'),
  interestSubsidy: true,
  events: [{ code: 'ip_pledge_loan' }],
  amount: {
    kind: 'rate',
    rate: rate(
      '贴息比例（占实际支付利息）',
      ratioOf(1n, 2n),
      M14('按照知识产权质押融资贷款实际支付利息的50%给予贴息补助'),
    ),
    base: 'ipPledgeInterestPaid',
    cap: money('同一企业同一年度补助上限', wan(20), M14('同一企业同一年度最高补助20万元')),
    receivedInPeriod: 'ipPledgeReceivedThisYear',
    result: 'exact',
  },
});

/** 措施11: interest subsidy on commercial-bank credit loans of 专精特新 firms — amount left to a notice. */
export const ZJTX_CREDIT_LOAN_SUBSIDY: CataloguePolicy = defineMeasure({
  ...common,
  id: 'm2023.zjtx_credit_loan_interest',
  name: '专精特新企业信用贷款贴息',
  category: '融资贴息',
  summary: '对国家级专精特新“小巨人”企业及省级专精特新企业的商业银行信用贷款给予贴息支持，标准以通知为准。',
  basis: M11('对国家级专精特新“小巨人”企业以及省级专精特新企业的商业银行信用贷款给予贴息支持'),
  interestSubsidy: true,
  events: [{ code: 'zjtx_enterprise' }, { code: 'commercial_credit_loan' }],
  amount: { kind: 'by_notice', note: '原文未规定贴息比例或金额，以市有关部门通知为准' },
});

export const MEASURES_2023: readonly CataloguePolicy[] = [
  defineMeasure({
    ...common,
    id: 'm2023.cluster_pilot_provincial',
    name: '省级产业集群数字化转型试点扶持',
    category: '扶持',
    summary: '通过省级产业集群数字化转型试点认定的项目，每个试点产业集群最高2000万元。',
    basis: M2('对通过省级产业集群数字化转型试点认定的项目'),
    events: [{ code: 'provincial_cluster_pilot' }],
    amount: {
      kind: 'up_to',
      cap: money('每个试点产业集群扶持上限', wan(2000), M2('每个试点产业集群给予最高2000万元的扶持')),
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.cluster_pilot_municipal',
    name: '市级产业集群数字化转型试点扶持',
    category: '扶持',
    summary: '获得市级产业集群数字化转型试点项目，每个产业集群最高500万元。',
    basis: M2('对获得市级产业集群数字化转型试点项目'),
    events: [{ code: 'municipal_cluster_pilot' }],
    amount: { kind: 'up_to', cap: money('每个产业集群扶持上限', wan(500), M2('每个产业集群给予最高500万元扶持')) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.benchmark',
    name: '市级工业互联网标杆示范项目扶持',
    category: '扶持',
    summary: '获得市级工业互联网标杆示范项目的企业，单个项目最高100万元。',
    basis: M2('对获得市级工业互联网标杆示范项目的企业'),
    events: [{ code: 'municipal_benchmark' }],
    amount: {
      kind: 'up_to',
      cap: money(
        '单个项目扶持上限',
        wan(100),
        M2('对获得市级工业互联网标杆示范项目的企业，单个项目给予最高100万元扶持'),
      ),
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.cloud',
    name: '市级中小企业上云上平台项目扶持',
    category: '扶持',
    summary: '获得市级中小企业上云上平台项目的企业，单个项目最高60万元。',
    basis: M2('对获得市级中小企业上云上平台项目的企业'),
    events: [{ code: 'municipal_cloud' }],
    amount: { kind: 'up_to', cap: money('单个项目扶持上限', wan(60), M2('单个项目给予最高60万元扶持')) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.solid_waste',
    name: '工业固体废物资源化利用项目扶持',
    category: '扶持',
    summary: '符合条件的工业固体废物资源化利用项目最高2000万元。',
    basis: M3('对符合条件的工业固体废物资源化利用项目'),
    events: [{ code: 'solid_waste_project' }],
    amount: {
      kind: 'up_to',
      cap: money('扶持上限', wan(2000), M3('对符合条件的工业固体废物资源化利用项目给予最高2000万元扶持')),
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.clean_production_excellent',
    name: '“粤港清洁生产伙伴”优越标志奖励',
    category: '奖励',
    summary: '获得“粤港清洁生产伙伴”（制造业）优越标志的企业，一次性奖励8万元。',
    basis: CLEAN,
    events: [{ code: 'clean_production_excellent' }],
    amount: { kind: 'fixed', value: money('一次性奖励', wan(8), CLEAN) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.clean_production',
    name: '“粤港清洁生产伙伴”标志奖励',
    category: '奖励',
    summary: '获得“粤港清洁生产伙伴”（制造业）标志的企业，一次性奖励5万元。',
    basis: CLEAN,
    events: [{ code: 'clean_production' }],
    amount: { kind: 'fixed', value: money('一次性奖励', wan(5), CLEAN) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.overseas_warehouse_build',
    name: '建设海外仓扶持',
    category: '扶持',
    summary: '企业建设海外仓，最高20万元。',
    basis: M4('鼓励企业建设海外仓'),
    events: [{ code: 'overseas_warehouse_built' }],
    amount: { kind: 'up_to', cap: money('扶持上限', wan(20), M4('鼓励企业建设海外仓，给予最高20万元扶持')) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.overseas_warehouse_use',
    name: '使用海外仓扩大跨境电商出口扶持',
    category: '扶持',
    summary: '外贸企业使用海外仓扩大跨境电商出口规模，最高50万元。',
    basis: M4('引导外贸企业使用海外仓扩大跨境电商出口规模'),
    events: [{ code: 'overseas_warehouse_used' }],
    amount: {
      kind: 'up_to',
      cap: money('扶持上限', wan(50), M4('引导外贸企业使用海外仓扩大跨境电商出口规模，给予最高50万元扶持')),
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.transfer_platform',
    name: '承接产业有序转移主平台新投产企业奖励',
    category: '奖励',
    summary:
      '在江门承接产业有序转移主平台及恩平省级以上工业园区内新投产并符合条件的制造业企业给予资金奖励，金额以通知为准。',
    basis: M5('对江门承接产业有序转移主平台及恩平省级以上工业园区内新投产并符合条件的制造业企业给予资金奖励'),
    events: [{ code: 'transfer_platform_new_production' }],
    amount: { kind: 'by_notice', note: '原文未规定奖励金额，以通知为准' },
  }),
  defineMeasure({
    doc: '004',
    validity: TECH_UPGRADE_VALIDITY,
    id: 'm2023.tech_upgrade_provincial',
    name: '省级技改政策奖励',
    category: '奖励',
    summary: '2023至2025年，申报省级技改政策的单个项目按不超过新设备购置额的20%奖励，最高5000万元。',
    basis: M9('鼓励制造业企业申报省级技改政策'),
    events: [{ code: 'provincial_tech_upgrade' }],
    amount: {
      kind: 'rate',
      rate: rate(
        '奖励比例上限（占新设备购置额）',
        ratioOf(20n, 100n),
        M9('单个项目按不超过新设备购置额的20%'),
        '2023-01-01',
        '2025-12-31',
      ),
      base: 'newEquipmentPurchase',
      cap: money('单个项目奖励上限', wan(5000), M9('给予最高5000万元奖励'), '2023-01-01', '2025-12-31'),
      result: 'up_to',
    },
  }),
  defineMeasure({
    doc: '004',
    validity: TECH_UPGRADE_VALIDITY,
    id: 'm2023.tech_upgrade_municipal',
    name: '市级技改政策奖励',
    category: '奖励',
    summary: '未享受省级技改政策的企业申报市级技改政策，单个项目按不超过新设备购置额的10%奖励，最高300万元。',
    basis: M9('支持未享受省级技改政策的企业参与申报市级技改政策'),
    events: [
      { code: 'municipal_tech_upgrade' },
      { code: 'provincial_tech_upgrade', want: false, citation: M9('支持未享受省级技改政策的企业') },
    ],
    amount: {
      kind: 'rate',
      rate: rate(
        '奖励比例上限（占新设备购置额）',
        ratioOf(10n, 100n),
        M9('单个项目按不超过新设备购置额的10%'),
        '2023-01-01',
        '2025-12-31',
      ),
      base: 'newEquipmentPurchase',
      cap: money('单个项目奖励上限', wan(300), M9('给予最高300万元奖励'), '2023-01-01', '2025-12-31'),
      result: 'up_to',
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.headquarters',
    name: '总部企业奖励',
    category: '奖励',
    summary: '经认定的总部企业，经营贡献符合条件的最高1000万元。',
    basis: M11('对经认定的总部企业'),
    events: [{ code: 'headquarters' }],
    amount: {
      kind: 'up_to',
      cap: money('奖励上限', wan(1000), M11('对经认定的总部企业，经营贡献符合条件的给予最高1000万元奖励')),
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.single_champion',
    name: '制造业单项冠军奖励',
    category: '奖励',
    summary: '工业和信息化部新认定的制造业单项冠军示范企业（含冠军产品所在企业）一次性奖励120万元。',
    basis: M11('对工业和信息化部新认定的制造业单项冠军示范企业（含冠军产品所在企业）'),
    events: [{ code: 'single_champion' }],
    amount: {
      kind: 'fixed',
      value: money(
        '一次性奖励',
        wan(120),
        M11('对工业和信息化部新认定的制造业单项冠军示范企业（含冠军产品所在企业）一次性奖励120万元'),
      ),
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.little_giant',
    name: '国家级专精特新“小巨人”奖励',
    category: '奖励',
    summary: '新获得国家级专精特新“小巨人”认定的企业奖励100万元。',
    basis: M11('建立专精特新企业库'),
    events: [{ code: 'new_little_giant' }],
    amount: {
      kind: 'fixed',
      value: money('小巨人奖励', wan(100), M11('对新获得国家级专精特新“小巨人”认定的企业给予100万元奖励')),
    },
  }),
  ZJTX_CREDIT_LOAN_SUBSIDY,
  defineMeasure({
    ...common,
    id: 'm2023.scale_up',
    name: '工业“小升规”奖励',
    category: '奖励',
    summary: '符合条件的工业小升规企业最高20万元。',
    basis: LISTING,
    events: [{ code: 'scale_up' }],
    amount: { kind: 'up_to', cap: money('小升规奖励上限', wan(20), LISTING) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.shareholding_reform',
    name: '股改奖励',
    category: '奖励',
    summary: '符合条件的股改企业最高30万元。',
    basis: LISTING,
    events: [{ code: 'shareholding_reform' }],
    amount: { kind: 'up_to', cap: money('股改奖励上限', wan(30), LISTING) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.listing',
    name: '企业上市奖励',
    category: '奖励',
    summary: '符合条件的上市企业最高530万元。',
    basis: LISTING,
    events: [{ code: 'listed' }],
    amount: { kind: 'up_to', cap: money('上市奖励上限', wan(530), LISTING) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.exhibitions',
    name: '参加境内外展会补助',
    category: '补助',
    summary: '组织企业参加境内外展会并给予补助，标准以年度重点展览计划及通知为准。',
    basis: M12('每年组织企业参加境内外不少于100场展会并给予补助'),
    events: [{ code: 'exhibition' }],
    amount: { kind: 'by_notice', note: '原文未规定补助金额，以年度重点展览计划及通知为准' },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.aeo',
    name: '海关AEO高级认证补助',
    category: '补助',
    summary: '首次通过海关AEO高级认证的企业补助5万元。',
    basis: M12('鼓励企业提升海关信用等级'),
    events: [{ code: 'aeo_first_advanced' }],
    amount: { kind: 'fixed', value: money('补助', wan(5), M12('对首次通过海关AEO高级认证的企业给予5万元补助')) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.export_credit_insurance',
    name: '短期进出口信用保险补助',
    category: '补助',
    summary: '企业投保短期进出口信用保险最高补助100万元。',
    basis: M12('支持企业投保进出口信用保险'),
    events: [{ code: 'export_credit_insurance' }],
    amount: {
      kind: 'up_to',
      cap: money('补助上限', wan(100), M12('企业投保短期进出口信用保险给予最高100万元补助')),
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.imports',
    name: '扩大进口补助',
    category: '补助',
    summary: '进口民生食品和日用消费品增长较快的企业最高补助50万元。',
    basis: M12('鼓励企业扩大进口'),
    events: [{ code: 'import_growth' }],
    amount: {
      kind: 'up_to',
      cap: money('补助上限', wan(50), M12('对进口民生食品和日用消费品增长较快的企业给予最高50万元补助')),
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.bonded_logistics',
    name: '保税物流补助',
    category: '补助',
    summary: '开展保税物流中心进出境业务的企业最高补助200万元。',
    basis: M12('大力发展保税物流'),
    events: [{ code: 'bonded_logistics' }],
    amount: {
      kind: 'up_to',
      cap: money('补助上限', wan(200), M12('对开展保税物流中心进出境业务的企业给予最高200万元补助')),
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.innovation_center_national',
    name: '国家技术创新中心配套资助',
    category: '扶持',
    summary: '批准组建的国家技术创新中心最高3000万元配套资助。',
    basis: INNOVATION,
    events: [{ code: 'national_innovation_center' }],
    amount: { kind: 'up_to', cap: money('国家技术创新中心资助上限', wan(3000), INNOVATION) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.innovation_center_provincial',
    name: '省级技术创新中心配套资助',
    category: '扶持',
    summary: '批准组建的省级技术创新中心最高1000万元配套资助。',
    basis: INNOVATION,
    events: [{ code: 'provincial_innovation_center' }],
    amount: { kind: 'up_to', cap: money('省级技术创新中心资助上限', wan(1000), INNOVATION) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.first_set',
    name: '重大技术装备首台（套）奖励',
    category: '奖励',
    summary:
      '按单台（套）装备产品售价的30%奖励，支持额度不低于100万元（下限，不是上限；是否为每个项目的下限见解释口径）。',
    basis: M13('支持开展重大技术装备首台（套）推广应用'),
    events: [{ code: 'first_set_equipment' }],
    amount: {
      kind: 'rate',
      rate: rate('奖励比例（占单台（套）售价）', ratioOf(30n, 100n), M13('按单台（套）装备产品售价的30%给予奖励')),
      base: 'firstSetUnitPrice',
      floor: money('支持额度下限', wan(100), M13('支持额度不低于100万元')),
      floorReading: MEASURE13_FLOOR_READING,
      result: 'exact',
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.quality_award_national',
    name: '国家质量奖资金补助',
    category: '补助',
    summary: '获得国家质量奖的企业补助200万元。',
    basis: QUALITY_AWARDS,
    events: [{ code: 'quality_award_national' }],
    amount: { kind: 'fixed', value: money('国家质量奖补助', wan(200), QUALITY_AWARDS) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.quality_award_national_nomination',
    name: '国家质量奖提名奖资金补助',
    category: '补助',
    summary: '获得国家质量奖提名奖的企业补助100万元。',
    basis: QUALITY_AWARDS,
    events: [{ code: 'quality_award_national_nomination' }],
    amount: { kind: 'fixed', value: money('国家质量奖提名奖补助', wan(100), QUALITY_AWARDS) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.quality_award_provincial',
    name: '省政府质量奖资金补助',
    category: '补助',
    summary: '获得省政府质量奖的企业补助100万元。',
    basis: QUALITY_AWARDS,
    events: [{ code: 'quality_award_provincial' }],
    amount: { kind: 'fixed', value: money('省政府质量奖补助', wan(100), QUALITY_AWARDS) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.quality_award_provincial_nomination',
    name: '省政府质量奖提名奖资金补助',
    category: '补助',
    summary: '获得省政府质量奖提名奖的企业补助50万元。',
    basis: QUALITY_AWARDS,
    events: [{ code: 'quality_award_provincial_nomination' }],
    amount: { kind: 'fixed', value: money('省政府质量奖提名奖补助', wan(50), QUALITY_AWARDS) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.quality_award_municipal',
    name: '市政府质量奖资金补助',
    category: '补助',
    summary: '获得市政府质量奖的企业补助50万元。',
    basis: QUALITY_AWARDS,
    events: [{ code: 'quality_award_municipal' }],
    amount: { kind: 'fixed', value: money('市政府质量奖补助', wan(50), QUALITY_AWARDS) },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.quality_innovation_center',
    name: '企业质量提升创新中心补助',
    category: '补助',
    summary: '认定为企业质量提升创新中心的，每家补助10万元。',
    basis: M14('每年认定5家企业质量提升创新中心'),
    events: [{ code: 'quality_innovation_center' }],
    amount: {
      kind: 'fixed',
      value: money('每家补助', wan(10), M14('每年认定5家企业质量提升创新中心，给予每家10万元补助')),
    },
  }),
  defineMeasure({
    ...common,
    id: 'm2023.standards',
    name: '参与制修订标准奖励',
    category: '奖励',
    summary: '参与制修订国际、国家、行业、湾区标准，单项最高30万元。',
    basis: M14('支持我市企事业单位参与制修订国际标准、国家标准、行业标准、湾区标准'),
    events: [{ code: 'standard_setting' }],
    amount: {
      kind: 'per_unit_up_to',
      cap: money('每项标准奖励上限', wan(30), M14('单项给予最高30万元奖励')),
      count: 'standardsCount',
    },
  }),
  IP_PLEDGE_SUBSIDY,
];
