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
  'subsidy.confirm.publishTitle': '发布公示？',
  'subsidy.confirm.publish':
    '公示将立即在公众页面发布，公示期 {n} 天，发布后不能撤回；公示期内任何单位和个人可以提出异议。',
  'subsidy.confirm.publishSupplementary':
    '递补公示将立即在公众页面发布，发布后不能撤回；公示期满后递补安排计入资金安排计划。',
  'subsidy.confirm.commitStillOpen':
    '本批次仍在受理申请（原定截止 {d}）。确认后将先截止受理（申请截止日改为今天，记入审计日志），再正式分配：只安排已核实的申请，尚未核实完毕的申请不参与本批次分配，企业不能再提交申请。正式分配不可重复执行。',
  'subsidy.confirm.closeAndCommitTitle': '截止受理并正式分配？',
  'subsidy.confirm.closeAndCommit': '截止受理并分配',
  'subsidy.confirm.districtPass': '核查通过后申请将报市级核实，不能撤回。确认通过？',
  'subsidy.confirm.cityVerify': '核实通过后申请进入资金分配，不能撤回。确认通过？',
  'subsidy.why.committed': '本批次已正式分配，不能再次分配',
  'subsidy.why.notAllocated': '须先正式分配，才能发布公示',
  'subsidy.why.noticePublished': '公示已发布',
  'subsidy.why.noPendingRun': '须先提交递补分配，才能发布递补公示',
  'subsidy.apply.alreadyAppliedOption': '（本批次已申请）',
  'subsidy.apply.allApplied':
    '您的入库项目在本批次均已提交过申请，每个项目每批次只能申请一次；可在“我的申请”中查看进度。',
  'subsidy.apply.noProject':
    '您还没有入库项目：贴息须以已入库（取得入库编号）的数字化转型项目申请。请先在“项目申报”中申报，经审核入库后再来申请。',
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
  'subsidy.confirm.publishTitle': 'Publish the notice?',
  'subsidy.confirm.publish':
    'The notice is published on the public pages at once for {n} days and cannot be withdrawn; anyone may object while it runs.',
  'subsidy.confirm.publishSupplementary':
    'The supplementary notice is published on the public pages at once and cannot be withdrawn.',
  'subsidy.confirm.commitStillOpen':
    'This campaign still accepts applications (until {d}). Confirming first closes applications (the closing date becomes today, recorded in the audit log), then commits: only verified applications are funded, those still under review are left out and no new application can be submitted. A committed run cannot be repeated.',
  'subsidy.confirm.closeAndCommitTitle': 'Close applications and commit?',
  'subsidy.confirm.closeAndCommit': 'Close and commit',
  'subsidy.confirm.districtPass': 'Once passed, the application goes to the city and cannot be taken back. Pass it?',
  'subsidy.confirm.cityVerify':
    'Once verified, the application goes to allocation and cannot be taken back. Verify it?',
  'subsidy.why.committed': 'This campaign has been allocated already',
  'subsidy.why.notAllocated': 'Commit the allocation before publishing the notice',
  'subsidy.why.noticePublished': 'The notice has been published',
  'subsidy.why.noPendingRun': 'Commit a supplementary run before publishing its notice',
  'subsidy.apply.alreadyAppliedOption': ' (already applied in this campaign)',
  'subsidy.apply.allApplied':
    'Each of your library projects has already applied in this campaign (one application per project per campaign); follow them under My applications.',
  'subsidy.apply.noProject':
    'You have no library project yet: interest subsidies are claimed for a numbered digital-transformation project. Declare one under Project declarations first.',
};
