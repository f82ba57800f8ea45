/**
 * The subsidy module's names of statuses, Chinese first; English must have every key (the type checks it). The
 * Chinese names come from the domain's tables (the server writes the same names into its messages).
 */
import {
  APPLICATION_STATUS_ZH,
  CAMPAIGN_STATUS_ZH,
  OBJECTION_OUTCOME_ZH,
  OBJECTION_STATUS_ZH,
} from '../../../../src/domain/workflow/application';

function keyed<P extends string, V extends string>(prefix: P, names: Readonly<Record<V, string>>) {
  return Object.fromEntries((Object.keys(names) as V[]).map((v) => [`${prefix}.${v}`, names[v]])) as Record<
    `${P}.${V}`,
    string
  >;
}

export const subsidyZh = {
  ...keyed('subsidy.applicationStatus', APPLICATION_STATUS_ZH),
  ...keyed('subsidy.campaignStatus', CAMPAIGN_STATUS_ZH),
  ...keyed('subsidy.objectionStatus', OBJECTION_STATUS_ZH),
  ...keyed('subsidy.objectionOutcome', OBJECTION_OUTCOME_ZH),
  'subsidy.award.funded': '足额安排',
  'subsidy.award.partial': '部分安排',
  'subsidy.award.unfunded': '预算用完未安排',
  'subsidy.award.skipped': '余额不足跳过',
  'subsidy.award.stopped': '余额不足停止',
  'subsidy.award.zero': '核定为0',
  'subsidy.award.revoked': '已撤销',
  'subsidy.award.reduced': '已核减',
};

export const subsidyEn: Record<keyof typeof subsidyZh, string> = {
  'subsidy.applicationStatus.submitted': 'Submitted, awaiting district check',
  'subsidy.applicationStatus.district_returned': 'Returned by the district',
  'subsidy.applicationStatus.district_passed': 'Checked by the district, awaiting city',
  'subsidy.applicationStatus.city_returned': 'Returned by the city',
  'subsidy.applicationStatus.verified': 'Verified, awaiting allocation',
  'subsidy.applicationStatus.awarded': 'Awarded',
  'subsidy.applicationStatus.unfunded': 'Not funded',
  'subsidy.campaignStatus.open': 'Open',
  'subsidy.campaignStatus.allocated': 'Allocated, notice pending',
  'subsidy.campaignStatus.notice': 'Public notice',
  'subsidy.campaignStatus.plan_issued': 'Funding plan issued',
  'subsidy.objectionStatus.open': 'Open',
  'subsidy.objectionStatus.investigating': 'Under investigation',
  'subsidy.objectionStatus.closed': 'Closed',
  'subsidy.objectionOutcome.upheld': 'Upheld',
  'subsidy.objectionOutcome.rejected': 'Not upheld',
  'subsidy.objectionOutcome.withdrawn': 'Withdrawn by the objector',
  'subsidy.award.funded': 'Funded',
  'subsidy.award.partial': 'Partly funded',
  'subsidy.award.unfunded': 'Budget used up',
  'subsidy.award.skipped': 'Skipped',
  'subsidy.award.stopped': 'Stopped',
  'subsidy.award.zero': 'Zero',
  'subsidy.award.revoked': 'Revoked',
  'subsidy.award.reduced': 'Reduced',
};
