/**
 * Competitive programmes (江工信工业互联网〔2021〕4号 special fund; the 资源池 selection): calls, applications with
 * invoices, formal review, experts, scores, ranking, deliberation, notice, plan, acceptance, spot checks and
 * clawback. Also the ranking contract of `huiqi fund rank --json` (README: other tools rely on it).
 */
import { z } from 'zod';
import { rankInputProblems } from '../domain/fund/ranking';
import { DIRECTIONS, PROGRAMME_KINDS } from '../domain/fund/standards';
import { IIFUND_VERSION_KEYS, type IifundVersionKey } from '../domain/fund/versions';
import { APPLICATION_STATES, CALL_STATES } from '../domain/fund/workflow';
import { OBJECTION_OUTCOMES } from '../domain/workflow/application';
import { itemList, text, ZUuid } from './fields';
import { paramChanges, renewalNoticeFields, VALIDITY_IN_ORDER, ZArticle } from './policy-versions';
import { ZDate, ZYuan } from './subsidy';

const decimal100 = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: '应为0至100之间的数，最多两位小数' })
    .describe(label);
// ——— the ranking contract (CLI and API) ———

export const ZRankInput = z
  .strictObject({
    criteria: z
      .array(z.strictObject({ id: text(40, '评分项编号'), weight: z.string().describe('权重') }))
      .min(1, { error: '至少一个评分项' })
      .max(50)
      .describe('评分项'),
    method: z.enum(['mean', 'trimmed'], { error: '应为 mean 或 trimmed' }).describe('计分方法'),
    minReviews: z.number().int().min(1).max(50).describe('最少有效评分数'),
    threshold: z.string().describe('入围分数线'),
    applications: z
      .array(z.strictObject({ id: text(64, '申报编号'), submittedAt: z.string().describe('提交时间') }))
      .max(100_000)
      .describe('申报'),
    reviews: z
      .array(
        z.strictObject({
          applicationId: text(64, '申报编号'),
          expertId: text(64, '专家编号'),
          scores: z.record(z.string(), z.string()).describe('各评分项分数'),
          conflict: z.boolean().describe('是否回避'),
        }),
      )
      .max(1_000_000)
      .describe('评分'),
  })
  .superRefine((v, ctx) => {
    for (const p of rankInputProblems(v)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });

export const ZRankEntry = z.object({
  id: z.string(),
  rank: z.number().int().nullable(),
  score: z.string().nullable(),
  reviews: z.number().int(),
  status: z.enum(['ranked', 'below_threshold', 'insufficient_reviews']),
});

// ——— calls ———

export const ZCriterionInput = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: '应为小写字母开头的编号' })
    .describe('评分项编号'),
  name: text(60, '评分项名称'),
  weight: decimal100('权重'),
});

export const ZDirectionInput = z.strictObject({
  direction: z.enum(DIRECTIONS, { error: '不是可申报的方向' }).describe('方向'),
  budget: ZYuan('方向预算（元）'),
});

export const ZCreateCall = z
  .strictObject({
    programme: z.enum(PROGRAMME_KINDS, { error: '应为专项资金或资源池遴选' }).describe('项目类别'),
    year: z.number().int().min(2021).max(2100).describe('年度'),
    title: text(120, '通知标题'),
    opensOn: ZDate('申报开始日期'),
    closesOn: ZDate('申报截止日期'),
    materials: z.array(text(100, '申报材料')).max(30).describe('申报材料'),
    directions: z.array(ZDirectionInput).min(1, { error: '至少开放一个方向' }).max(5).describe('方向'),
    criteria: z.array(ZCriterionInput).min(1).max(20).describe('评分模板'),
    method: z.enum(['mean', 'trimmed']).describe('计分方法'),
    minReviews: z.number().int().min(1).max(15).describe('最少有效评分数'),
    expertsPerApplication: z.number().int().min(1).max(15).describe('每项申报抽取专家数'),
    threshold: decimal100('入围分数线'),
  })
  .refine((v) => v.opensOn <= v.closesOn, { error: '截止日期不能早于开始日期', path: ['closesOn'] });
export type TCreateCall = z.infer<typeof ZCreateCall>;

export const ZCallSummary = z.object({
  id: z.string(),
  programme: z.enum(PROGRAMME_KINDS),
  year: z.number().int(),
  title: z.string(),
  state: z.enum(CALL_STATES),
  opensOn: z.string(),
  closesOn: z.string(),
  policyVersion: z.string().describe('适用的政策版本'),
  directions: z.array(
    z.object({
      direction: z.enum(DIRECTIONS),
      name: z.string(),
      budget: z.string(),
      committed: z.string(),
      standard: z.string().describe('支持标准（引用条款）'),
    }),
  ),
  criteria: z.array(z.object({ id: z.string(), name: z.string(), weight: z.string() })),
  method: z.enum(['mean', 'trimmed']),
  minReviews: z.number().int(),
  expertsPerApplication: z.number().int(),
  threshold: z.string(),
  materials: z.array(z.string()),
  noticeStartsOn: z.string().nullable(),
  noticeEndsOn: z.string().nullable(),
});
export type TCallSummary = z.infer<typeof ZCallSummary>;
export const ZCallList = itemList(ZCallSummary);

// ——— applications ———

export const ZInvoiceInput = z.strictObject({
  item: text(60, '投入项目'),
  invoiceNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{6,30}$/, { error: '应为6至30位字母或数字' })
    .describe('发票号码'),
  amount: ZYuan('发票金额（元）'),
  issuedOn: ZDate('开票日期'),
  seller: text(100, '销售方'),
});

export const ZSubmitApplication = z.strictObject({
  direction: z.enum(DIRECTIONS).describe('方向'),
  projectName: text(120, '项目名称'),
  projectId: ZUuid('入库项目').nullable().optional().describe('平台入库项目（用于重复资助核查）'),
  cluster: text(40, '产业集群').nullable().optional(),
  invoices: z.array(ZInvoiceInput).min(1, { error: '至少一张发票' }).max(200).describe('投入明细（发票）'),
  /** 第九条 conditions the platform does not know, declared under the signed commitment. */
  declarations: z
    .strictObject({
      independentLegalEntity: z.boolean().describe('独立法人企业'),
      noOtherFiscalSupport: z.boolean().describe('申报项目未获得过其他财政资金支持'),
      fiscalRecordGood: z.boolean().describe('近三年获财政资金支持项目执行情况良好'),
      noMajorAccidents: z.boolean().describe('未发生重大安全、环保、质量事故'),
    })
    .describe('承诺事项'),
  commitmentSigned: z.literal(true, { error: '须签署承诺书' }).describe('承诺书'),
  avoidExperts: z.array(ZUuid('申请回避的专家')).max(10).optional().describe('申请回避的专家'),
  targets: z.array(text(200, '绩效目标')).max(20).optional().describe('绩效目标'),
  tasks: z.array(text(200, '任务')).max(50).optional().describe('任务清单'),
});
export type TSubmitApplication = z.infer<typeof ZSubmitApplication>;

export const ZResubmitApplication = z.strictObject({
  invoices: z.array(ZInvoiceInput).min(1).max(200).describe('投入明细（发票）'),
});

export const ZFormalReview = z
  .strictObject({
    decision: z.enum(['pass', 'return']).describe('形式审查结论'),
    reasons: z.string().trim().max(1000).optional().describe('退回理由'),
    dueOn: ZDate('补正期限').optional(),
  })
  .refine((v) => v.decision === 'pass' || (!!v.reasons && !!v.dueOn), {
    error: '退回须写明理由和补正期限',
    path: ['reasons'],
  });

export const ZCheckResult = z.object({
  code: z.string(),
  status: z.enum(['pass', 'fail', 'declared']),
  source: z.enum(['record', 'commitment']),
  message: z.string(),
});

export const ZApplication = z.object({
  id: z.string(),
  callId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  direction: z.enum(DIRECTIONS),
  projectName: z.string(),
  cluster: z.string().nullable(),
  state: z.enum(APPLICATION_STATES),
  submittedAt: z.string(),
  invoiceTotal: z.string(),
  invoices: z.array(
    z.object({ item: z.string(), invoiceNo: z.string(), amount: z.string(), issuedOn: z.string(), seller: z.string() }),
  ),
  checks: z.array(ZCheckResult),
  returnReasons: z.string().nullable(),
  returnDueOn: z.string().nullable(),
  score: z.string().nullable().describe('最终得分（评分全部完成后）'),
  rank: z.number().int().nullable(),
  awarded: z.string().nullable(),
  finalAmount: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), action: z.string(), note: z.string().nullable() })),
});
export type TApplication = z.infer<typeof ZApplication>;
export const ZApplicationList = itemList(ZApplication);

// ——— experts ———

export const ZCreateExpert = z.strictObject({
  name: text(40, '专家姓名'),
  field: text(60, '专业领域'),
  employer: text(100, '工作单位'),
  employerCreditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { error: '应为18位统一社会信用代码' })
    .describe('工作单位统一社会信用代码'),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, { error: '应为11位手机号码' })
    .describe('手机号码'),
  userId: ZUuid('专家账号').nullable().optional(),
});
export type TCreateExpert = z.infer<typeof ZCreateExpert>;

export const ZExpert = z.object({
  id: z.string(),
  name: z.string(),
  field: z.string(),
  employer: z.string(),
  employerCreditCode: z.string(),
  phoneMasked: z.string(),
  active: z.boolean(),
  assignments: z.number().int(),
});
export const ZExpertList = itemList(ZExpert);

export const ZAssignment = z.object({
  id: z.string(),
  applicationId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  /** review (专家评审) | acceptance (验收专家组) */
  purpose: z.enum(['review', 'acceptance']),
  seat: z.number().int(),
  seed: z.string(),
  status: z.enum(['drawn', 'declared_clear', 'conflict', 'scored']),
  scores: z.record(z.string(), z.string()).nullable(),
  total: z.string().nullable(),
  comment: z.string().nullable(),
});
export const ZAssignmentList = itemList(ZAssignment);

export const ZDeclareConflict = z.strictObject({
  conflict: z.boolean().describe('是否存在利益冲突'),
  note: z.string().trim().max(500).optional().describe('说明'),
});

export const ZScoreInput = z.strictObject({
  scores: z.record(z.string(), decimal100('分数')).describe('各评分项分数'),
  comment: z.string().trim().max(2000).optional().describe('评审意见'),
});

export const ZExpertApplication = z.object({
  assignmentId: z.string(),
  /** review: score it; acceptance: sit on its acceptance panel (no scores). */
  purpose: z.enum(['review', 'acceptance']),
  status: z.enum(['drawn', 'declared_clear', 'conflict', 'scored']),
  application: ZApplication.nullable().describe('声明无利益冲突后可见'),
  criteria: z.array(z.object({ id: z.string(), name: z.string(), weight: z.string() })),
});
export const ZExpertQueue = itemList(ZExpertApplication);

// ——— ranking, proposal, deliberation, notice, plan ———

export const ZProposalItem = z.object({
  applicationId: z.string(),
  enterpriseName: z.string(),
  projectName: z.string(),
  direction: z.enum(DIRECTIONS),
  rank: z.number().int(),
  score: z.string(),
  invoiceTotal: z.string(),
  proposed: z.string(),
  decided: z.string().nullable(),
  changeReason: z.string().nullable(),
  status: z.string(),
  explanation: z.array(z.string()),
});
export const ZProposal = z.object({
  callId: z.string(),
  ranking: z.array(ZRankEntry),
  items: z.array(ZProposalItem),
});

export const ZDeliberation = z.strictObject({
  meetingOn: ZDate('会议日期'),
  attendees: z.array(text(40, '参会人员')).min(3, { error: '集体审议至少3人参加' }).max(40).describe('参会人员'),
  minutesAttachmentId: ZUuid('会议纪要附件').nullable().optional(),
  decisions: z
    .array(
      z.strictObject({
        applicationId: ZUuid('申报'),
        amount: ZYuan('审议确定金额（元）'),
        reason: z.string().trim().max(500).optional().describe('调整理由'),
      }),
    )
    .max(1000)
    .describe('逐项审议结果'),
});
export type TDeliberation = z.infer<typeof ZDeliberation>;

export const ZPublishNotice = z.strictObject({
  startsOn: ZDate('公示开始日期'),
  days: z.number().int().min(1).max(60).describe('公示天数'),
});

export const ZObjectionInput = z.strictObject({
  applicationId: ZUuid('异议所针对的项目').nullable().optional(),
  name: text(40, '异议人'),
  contact: text(60, '联系方式'),
  content: text(2000, '异议内容'),
});
export const ZCloseObjection = z.strictObject({
  /** The finding, as for the 政银保 objections (upheld / rejected / withdrawn). */
  result: z.enum(OBJECTION_OUTCOMES, { error: '处理结果应为成立、不成立或撤回' }).optional().describe('处理结果'),
  outcome: text(1000, '核实处理意见'),
});
/** The objector's receipt: the case number to look the case up by (ADR 0017), as for the 政银保 notice. */
export const ZFundObjectionReceipt = z.object({ id: z.string(), caseNo: z.string(), lodgedAt: z.string() });
/** The fund's notices on the public notices page. */
export const ZPublicFundNoticeList = z.object({
  items: z.array(
    z.object({
      callId: z.string(),
      title: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      phase: z.enum(['upcoming', 'open', 'ended']),
    }),
  ),
});
export const ZPublicFundNotice = z.object({
  callId: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  phase: z.enum(['upcoming', 'open', 'ended']),
  items: z.array(
    z.object({
      applicationId: z.string(),
      enterpriseName: z.string(),
      projectName: z.string(),
      direction: z.string(),
      amount: z.string(),
    }),
  ),
});
export type TPublicFundNotice = z.infer<typeof ZPublicFundNotice>;

/** 人才培养 (第八条（四）): a training event the operator records against its year's budget. */
export const ZTrainingEventInput = z.strictObject({
  year: z.number({ error: '年度应为数字' }).int().min(2021).max(2100).describe('年度'),
  heldOn: ZDate('举办日期'),
  title: text(200, '培训活动名称'),
  attendees: z
    .number({ error: '参训人数应为数字' })
    .int()
    .min(1, { error: '至少1人' })
    .max(100000)
    .describe('参训人数'),
  cost: ZYuan('费用（元）'),
});
export const ZTrainingQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int().min(2021).max(2100).describe('年度'),
});
export const ZTrainingYear = z.object({
  year: z.number().int(),
  operatorInstitutionId: z.string().nullable(),
  operatorName: z.string().nullable(),
  budget: z.string(),
  spent: z.string(),
  left: z.string(),
  targets: z.object({ sessions: z.number().int(), people: z.number().int() }),
  progress: z.object({
    sessions: z.number().int(),
    people: z.number().int(),
    sessionsMet: z.boolean(),
    peopleMet: z.boolean(),
  }),
  basis: z.array(z.string()).describe('预算和目标的依据'),
  events: z.array(
    z.object({ id: z.string(), heldOn: z.string(), title: z.string(), attendees: z.number().int(), cost: z.string() }),
  ),
});
export type TTrainingYear = z.infer<typeof ZTrainingYear>;
export const ZTrainingList = itemList(ZTrainingYear);

/** A call's dashboard (the figures its charts draw). */
export const ZFundDashboard = z.object({
  callId: z.string(),
  byDirection: z.array(
    z.object({
      direction: z.string(),
      name: z.string(),
      budget: z.string(),
      committed: z.string(),
      left: z.string(),
      stages: z.record(z.string(), z.number().int()).describe('各阶段申报数'),
    }),
  ),
  scoreBands: z.array(z.object({ band: z.string(), count: z.number().int() })),
  workload: z.array(
    z.object({
      expert: z.string(),
      assigned: z.number().int(),
      scored: z.number().int(),
      conflicts: z.number().int(),
      acceptance: z.number().int().describe('验收任务数'),
    }),
  ),
  acceptance: z.record(z.string(), z.number().int()).describe('验收状态：各状态的项目数'),
});
export type TFundDashboard = z.infer<typeof ZFundDashboard>;

export const ZPlanItem = z.object({
  applicationId: z.string(),
  enterpriseName: z.string(),
  projectName: z.string(),
  direction: z.enum(DIRECTIONS),
  amount: z.string(),
  amountInWords: z.string(),
});
export const ZPlan = z.object({
  callId: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  filedOn: z.string().nullable(),
  total: z.string(),
  totalInWords: z.string(),
  items: z.array(ZPlanItem),
  poolMembers: z.array(z.object({ enterpriseName: z.string(), validUntil: z.string() })),
});

// ——— acceptance, spot checks, clawback ———

export const ZAcceptanceInput = z
  .strictObject({
    outcome: z.enum(['pass', 'rectify', 'fail']).describe('验收结论'),
    finalInvoices: z.array(ZInvoiceInput).min(1).max(200).describe('最终发票'),
    rectifyBy: ZDate('整改期限').optional(),
    note: z.string().trim().max(2000).optional().describe('验收意见'),
  })
  .refine((v) => v.outcome !== 'rectify' || !!v.rectifyBy, { error: '整改须写明期限', path: ['rectifyBy'] });

export const ZSpotCheckInput = z.strictObject({
  size: z.number().int().min(1).max(100).describe('抽查数量'),
  seed: text(64, '抽取种子'),
});
export const ZFindingInput = z
  .strictObject({
    misuse: z.boolean().describe('是否存在违规使用资金'),
    findings: text(2000, '检查发现'),
    clawbackAmount: ZYuan('追缴金额（元）').optional(),
    dueOn: ZDate('追缴期限').optional(),
  })
  .refine((v) => !v.misuse || (!!v.clawbackAmount && !!v.dueOn), {
    error: '发现违规须写明追缴金额和期限',
    path: ['clawbackAmount'],
  });
export const ZRepaymentInput = z.strictObject({ amount: ZYuan('收回金额（元）'), receivedOn: ZDate('收回日期') });

export const ZCreated = z.object({ id: z.string() });

// ——— renewals of 003 (policy versions) ———

export const ZIifundRenewal = z
  .strictObject({
    ...renewalNoticeFields(ZDate),
    params: z.strictObject({
      validityArticle: ZArticle.describe('有效期条款'),
      changes: paramChanges(Object.keys(IIFUND_VERSION_KEYS) as IifundVersionKey[], (k, value) => {
        if (IIFUND_VERSION_KEYS[k] === 'ratio')
          return /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/.test(value) ? null : '应为0至1之间的小数';
        return /^\d{1,13}(\.\d{1,2})?$/.test(value) ? null : '应为金额（元）';
      }),
    }),
  })
  .refine(...VALIDITY_IN_ORDER);
export type TIifundRenewal = z.infer<typeof ZIifundRenewal>;

export const ZIssuePlan = z.strictObject({ poolValidUntil: ZDate('资源池有效期至').optional() });
export const ZApproveCall = z.strictObject({ auditInstitutionId: ZUuid('审计机构').nullable().optional() });

/** Chinese names of the module's audit actions and object types (contracts/audit.ts spreads them). */
export const FUND_AUDIT_ACTION_LABELS: Record<string, string> = {
  'fund.call_created': '起草专项资金申报通知',
  'fund.call_approved': '审批申报通知',
  'fund.call_closed': '申报截止，进入评审',
  'fund.application_submitted': '提交专项资金申报',
  'fund.application_formal_passed': '形式审查通过',
  'fund.application_returned': '形式审查退回补正',
  'fund.application_resubmitted': '补正后重新提交申报',
  'fund.expert_added': '专家入库',
  'fund.experts_drawn': '随机抽取评审专家',
  'fund.acceptance_panel_drawn': '随机抽取验收专家',
  'fund.expert_conflict_declared': '专家声明存在利益冲突（回避）',
  'fund.expert_no_conflict_declared': '专家声明无利益冲突',
  'fund.application_scored': '专家提交评分',
  'fund.awards_proposed': '排序并提出资金安排方案',
  'fund.deliberation_recorded': '记录集体审议结果',
  'fund.notice_published': '发布专项资金公示',
  'fund.objection_received': '收到公示异议',
  'fund.objection_closed': '公示异议办结',
  'fund.plan_issued': '下达项目计划',
  'fund.plan_filed': '项目计划备案',
  'fund.acceptance_recorded': '记录项目验收结果',
  'fund.spot_check_drawn': '随机抽取抽查项目',
  'fund.spot_check_finding': '记录抽查结果',
  'fund.clawback_opened': '立案追缴财政资金',
  'fund.clawback_repaid': '登记追缴收回款项',
  'fund.renewal_drafted': '登记专项资金细则续期文件草稿',
  'fund.renewal_approved': '批准专项资金细则续期文件',
  'fund.records_exported': '导出专项资金档案',
  'fund.training_event_recorded': '登记人才培养培训活动',
};
export const FUND_AUDIT_OBJECT_LABELS: Record<string, string> = {
  fund_call: '专项资金申报通知',
  fund_application: '专项资金申报',
  fund_expert: '评审专家',
  fund_assignment: '专家评审任务',
  fund_objection: '专项资金公示异议',
  fund_spot_check: '专项资金抽查',
  fund_clawback: '专项资金追缴案件',
  fund_training_event: '人才培养培训活动',
};
