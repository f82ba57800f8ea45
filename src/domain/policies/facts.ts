/**
 * What an enterprise tells the catalogue about itself, for policy matching. Every fact is optional: absent or
 * null means "not known yet", which turns the conditions that need it into conditions still to prove.
 */
import type { IsoDate } from '../calendar/dates';
import type { Fen } from '../money/index';
import type { ZybApplicantType, ZybProjectStatus } from './zyb/eligibility';

/** Qualifying events (recognitions, projects, certifications) named by the policies, with their Chinese labels. */
export const EVENT_LABELS = {
  // 江工信工业互联网〔2021〕4号 第七条、第八条
  iifund_benchmark_project: '申报工业互联网标杆示范项目',
  iifund_cloud_project: '申报中小企业上云上平台项目',
  iifund_cluster_member: '作为“5+N”产业集群试点企业实施整体数字化转型',
  iifund_talent_training: '组织工业互联网人才培养活动',
  // 江府〔2023〕11号
  provincial_cluster_pilot: '通过省级产业集群数字化转型试点认定',
  municipal_cluster_pilot: '获得市级产业集群数字化转型试点项目',
  municipal_benchmark: '获得市级工业互联网标杆示范项目',
  municipal_cloud: '获得市级中小企业上云上平台项目',
  solid_waste_project: '实施符合条件的工业固体废物资源化利用项目',
  clean_production_excellent: '获得“粤港清洁生产伙伴”（制造业）优越标志',
  clean_production: '获得“粤港清洁生产伙伴”（制造业）标志',
  overseas_warehouse_built: '建设海外仓',
  overseas_warehouse_used: '使用海外仓扩大跨境电商出口',
  transfer_platform_new_production: '在承接产业有序转移主平台或恩平省级以上工业园区内新投产',
  provincial_tech_upgrade: '技改项目获省级技改政策支持',
  municipal_tech_upgrade: '申报市级技改政策的技改项目',
  headquarters: '经认定的总部企业（经营贡献符合条件）',
  single_champion: '工业和信息化部新认定的制造业单项冠军示范企业（含冠军产品所在企业）',
  new_little_giant: '新获得国家级专精特新“小巨人”认定',
  zjtx_enterprise: '属于国家级专精特新“小巨人”企业或省级专精特新企业',
  commercial_credit_loan: '获得商业银行信用贷款',
  scale_up: '工业企业“小升规”',
  shareholding_reform: '完成股改',
  listed: '企业上市',
  exhibition: '参加市年度重点展览计划内的展会',
  aeo_first_advanced: '首次通过海关AEO高级认证',
  export_credit_insurance: '投保短期进出口信用保险',
  import_growth: '进口民生食品和日用消费品增长较快',
  bonded_logistics: '开展保税物流中心进出境业务',
  national_innovation_center: '获批组建国家技术创新中心',
  provincial_innovation_center: '获批组建省级技术创新中心',
  first_set_equipment: '重大技术装备首台（套）推广应用',
  quality_award_national: '获得国家质量奖',
  quality_award_national_nomination: '获得国家质量奖提名奖',
  quality_award_provincial: '获得省政府质量奖',
  quality_award_provincial_nomination: '获得省政府质量奖提名奖',
  quality_award_municipal: '获得市政府质量奖',
  quality_innovation_center: '认定为企业质量提升创新中心',
  standard_setting: '参与制修订国际标准、国家标准、行业标准或湾区标准',
  ip_pledge_loan: '获得知识产权质押融资贷款',
} as const;

export type EventCode = keyof typeof EVENT_LABELS;
export const EVENT_CODES = Object.keys(EVENT_LABELS) as EventCode[];

/** Money figures (yuan in the contract, fen here) that amounts are computed from. */
export const FIGURE_LABELS = {
  iifundBenchmarkInvestment: '标杆示范项目总投入金额',
  iifundCloudInvestment: '上云上平台项目总投入金额',
  iifundClusterInvestment: '产业集群试点项目总投入金额',
  iifundClusterAwardedSoFar: '所在产业集群已安排的补贴',
  newEquipmentPurchase: '技改项目新设备购置额',
  firstSetUnitPrice: '首台（套）装备单台（套）售价',
  ipPledgeInterestPaid: '知识产权质押融资贷款本年度实际支付利息',
  ipPledgeReceivedThisYear: '本年度已获知识产权质押融资贴息',
} as const;

export type FigureCode = keyof typeof FIGURE_LABELS;
export const FIGURE_CODES = Object.keys(FIGURE_LABELS) as FigureCode[];

/** Counts (whole numbers). */
export const COUNT_LABELS = {
  standardsCount: '参与制修订的标准项数',
  talentTrainingSessions: '组织培训活动场数',
  talentTrainees: '培养工业互联网应用人才人数',
} as const;

export type CountCode = keyof typeof COUNT_LABELS;
export const COUNT_CODES = Object.keys(COUNT_LABELS) as CountCode[];

export interface EnterpriseProfile {
  readonly registeredInJiangmen?: boolean | null;
  readonly operatingInJiangmen?: boolean | null;
  /** Date of establishment (成立日期). */
  readonly establishedOn?: IsoDate | null;
  readonly independentLegalEntity?: boolean | null;
  readonly isSme?: boolean | null;
  readonly creditGood?: boolean | null;
  readonly applicantType?: ZybApplicantType | null;
  readonly inResourcePool?: boolean | null;
  /** 江工信工业互联网〔2021〕4号 第九条（二）: the project has had other fiscal support (true disqualifies). */
  readonly projectOtherFiscalSupport?: boolean | null;
  /** 第九条（三）: fiscally supported projects in the last three years performed well, no violations. */
  readonly fiscalRecordGood3y?: boolean | null;
  /** 第九条（四）: good credit in the last three years (no abnormal-operation or serious-violation list). */
  readonly creditGood3y?: boolean | null;
  /** 第九条（四）: no major safety, environmental or quality accident in the last three years. */
  readonly noMajorAccidents3y?: boolean | null;
}

/** 政银保 facts for matching: any subset of the eligibility and amount facts. */
export interface ZybMatchFacts {
  readonly projectInScope?: boolean | null;
  readonly projectLocationInJiangmen?: boolean | null;
  readonly projectStatus?: ZybProjectStatus | null;
  readonly projectStartOn?: IsoDate | null;
  readonly projectEndOn?: IsoDate | null;
  readonly declaredOn?: IsoDate | null;
  readonly loanDisbursedOn?: IsoDate | null;
  readonly interestPaid?: Fen | null;
  readonly yearIndex?: number | null;
  readonly digitalInvestment?: Fen | null;
  readonly loanAmount?: Fen | null;
  readonly receivedSoFar?: Fen | null;
}

export interface EnterpriseFacts {
  readonly enterprise?: EnterpriseProfile;
  readonly events?: { readonly [K in EventCode]?: boolean | null };
  readonly figures?: { readonly [K in FigureCode]?: Fen | null };
  readonly counts?: { readonly [K in CountCode]?: number | null };
  readonly zyb?: ZybMatchFacts;
}
