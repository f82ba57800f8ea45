/**
 * Demo data of the competitive programmes, made through the use cases in time order with the rest of the demo:
 * the 2024 special-fund call within 江工信工业互联网〔2021〕4号's validity (applications, formal review, experts
 * drawn and scoring under way), a renewal of 003 recorded and approved (maker–checker; a demonstration text), the
 * 2026 call running under it, the 2026 resource-pool selection with an application, and the operator's 2026
 * training events (人才培养) against the programme budget.
 */

import { eq } from 'drizzle-orm';
import {
  ZCreateCall,
  ZCreateExpert,
  ZIifundRenewal,
  ZSubmitApplication,
  ZTrainingEventInput,
} from '../../contracts/fund';
import type { Actor } from '../../domain/access/actor';
import { completeUscc } from '../../domain/enterprise/uscc';
import type { Ctx } from '../../services/context';
import {
  approveCall,
  approveIifundRenewal,
  createCall,
  createExpert,
  declareConflict,
  draftIifundRenewal,
  drawExperts,
  formalReview,
  recordTrainingEvent,
  scoreApplication,
  submitFundApplication,
} from '../../services/fund';
import { fundAssignments, fundExperts, users } from '../schema';

type ActorCtx = Ctx & { actor: Actor };
type Schedule = (local: string, run: (when: Date) => Promise<unknown>) => void;

const CRITERIA = [
  { id: 'innovation', name: '创新性与技术先进性', weight: '30' },
  { id: 'benefit', name: '经济与社会效益', weight: '40' },
  { id: 'feasibility', name: '实施条件与可行性', weight: '30' },
];
const EXPERTS = [
  { name: '李明', username: 'zhuanjia1', employer: '五邑大学（演示）', code16: '1244070045586400' },
  { name: '王芳', username: 'zhuanjia2', employer: '广东省工业互联网产业联盟（演示）', code16: '5144000051623900' },
  { name: '赵强', username: 'zhuanjia3', employer: '江门职业技术学院（演示）', code16: '1244070052085000' },
  { name: '周婷', username: 'zhuanjia4', employer: '江门市信息化协会（演示）', code16: '5144070018254400' },
];
const DECLARED = {
  independentLegalEntity: true,
  noOtherFiscalSupport: true,
  fiscalRecordGood: true,
  noMajorAccidents: true,
};
const RENEWAL_DOC = '江工信工业互联网〔2024〕9号（演示）';
const RENEWAL_TEXT = `江门市工业和信息化局关于延续实施《江门市工业互联网专项资金管理实施细则》的通知（演示文本）
${RENEWAL_DOC}
第一条 延续实施《江门市工业互联网专项资金管理实施细则》，除本通知调整的内容外，继续按原细则执行。
第二条 中小企业上云上平台每家企业补贴不超过50万元。
第三条 本通知自2024年5月16日起实施，有效期至2027年5月15日。
`;

const call = (over: Record<string, unknown>) =>
  ZCreateCall.parse({
    programme: 'special_fund',
    materials: ['申报书', '投入明细及发票', '承诺书'],
    criteria: CRITERIA,
    method: 'mean',
    minReviews: 3,
    expertsPerApplication: 3,
    threshold: '60.00',
    ...over,
  });
/** A call's directions with their budgets, from `{ direction: budget }` in the order written. */
const directionBudgets = (budgets: Record<string, string>) =>
  Object.entries(budgets).map(([direction, budget]) => ({ direction, budget }));
const invoice = (invoiceNo: string, amount: string, issuedOn: string, item = '工业互联网平台及应用软件') => ({
  item,
  invoiceNo,
  amount,
  issuedOn,
  seller: '江门智造云科技有限公司',
});

export function scheduleFundDemo(
  at: Schedule,
  as: (username: string, when: Date) => Promise<ActorCtx>,
  db: Ctx['deps']['db'],
) {
  const ids = { call2024: '', call2026: '', pool: '', renewal: '', apps: [] as string[] };
  /** The operator (数江) creates a call at `local`; the demo keeps its id under `key`. */
  const openCall = (local: string, key: 'call2024' | 'call2026' | 'pool', over: Record<string, unknown>) =>
    at(local, async (when) => {
      ids[key] = (await createCall(await as('shujiang', when), call(over))).id;
    });

  openCall('2024-02-20 10:00', 'call2024', {
    year: 2024,
    title: '2024年江门市工业互联网专项资金（标杆示范、上云上平台）申报通知',
    opensOn: '2024-03-01',
    closesOn: '2024-04-15',
    directions: directionBudgets({ benchmark_app: '3000000.00', cloud: '2000000.00' }),
  });
  at('2024-02-26 15:00', async (when) => approveCall(await as('admin', when), ids.call2024, null));
  at('2024-02-27 09:00', async (when) => {
    for (const [k, e] of EXPERTS.entries()) {
      const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, e.username));
      await createExpert(
        await as('shujiang', when),
        ZCreateExpert.parse({
          name: e.name,
          field: '工业互联网与智能制造',
          employer: e.employer,
          employerCreditCode: completeUscc(e.code16),
          phone: `1370000000${k + 1}`,
          userId: u?.id ?? null,
        }),
      );
    }
  });
  at('2024-03-12 10:30', async (when) => {
    const { id } = await submitFundApplication(
      await as('qiye', when),
      ids.call2024,
      ZSubmitApplication.parse({
        direction: 'benchmark_app',
        projectName: '精密五金智能工厂工业互联网应用标杆',
        invoices: [
          invoice('44002411001', '1200000.00', '2024-02-28'),
          invoice('44002411002', '600000.00', '2024-03-05', '设备联网改造'),
        ],
        declarations: DECLARED,
        commitmentSigned: true,
        targets: ['设备联网率达到95%', '产品不良率下降20%'],
        tasks: ['部署工业互联网平台', '42台设备联网', '上线质量追溯'],
      }),
    );
    ids.apps.push(id);
  });
  at('2024-03-20 14:00', async (when) => formalReview(await as('shujiang', when), ids.apps[0]!, { decision: 'pass' }));
  at('2024-03-21 09:00', async (when) => drawExperts(await as('shujiang', when), ids.apps[0]!));
  // The first drawn expert declares clear and scores; the others have not yet: the scores stay hidden.
  at('2024-03-22 10:00', async (when) => {
    const [first] = await db
      .select()
      .from(fundAssignments)
      .where(eq(fundAssignments.applicationId, ids.apps[0]!))
      .orderBy(fundAssignments.seat);
    const [x] = await db
      .select({ userId: fundExperts.userId })
      .from(fundExperts)
      .where(eq(fundExperts.id, first!.expertId));
    const [u] = await db.select({ username: users.username }).from(users).where(eq(users.id, x!.userId!));
    const ctx = await as(u!.username, when);
    await declareConflict(ctx, first!.id, { conflict: false });
    await scoreApplication(ctx, first!.id, {
      scores: { innovation: '85', benefit: '88', feasibility: '80' },
      comment: '方案成熟，效益测算依据充分',
    });
  });

  // 003 expired on 2024-05-15: the renewal is recorded by the administrator and approved by the reviewer.
  at('2026-10-20 10:00', async (when) => {
    ids.renewal = (
      await draftIifundRenewal(
        await as('admin', when),
        ZIifundRenewal.parse({
          docNumber: RENEWAL_DOC,
          title: '关于延续实施《江门市工业互联网专项资金管理实施细则》的通知（演示）',
          issuer: '江门市工业和信息化局',
          issuedOn: '2024-05-10',
          validFrom: '2024-05-16',
          validTo: '2027-05-15',
          sourceText: RENEWAL_TEXT,
          params: {
            validityArticle: { ref: ['第三条'], quote: '有效期至2027年5月15日' },
            changes: {
              'cloud.cap': { value: '500000.00', article: { ref: ['第二条'], quote: '每家企业补贴不超过50万元' } },
            },
          },
        }),
      )
    ).id;
  });
  at('2026-10-21 11:00', async (when) => approveIifundRenewal(await as('shiji', when), ids.renewal));
  openCall('2026-10-26 10:00', 'call2026', {
    year: 2026,
    title: '2026年江门市工业互联网专项资金申报通知',
    opensOn: '2026-11-02',
    closesOn: '2026-12-31',
    directions: directionBudgets({ benchmark_app: '4000000.00', cloud: '2000000.00', cluster: '5000000.00' }),
  });
  openCall('2026-10-26 10:00', 'pool', {
    programme: 'resource_pool',
    year: 2026,
    title: '2026年江门市制造业数字化转型产业生态供给资源池遴选通知',
    opensOn: '2026-11-02',
    closesOn: '2026-12-15',
    directions: directionBudgets({ pool: '0.00' }),
  });
  at('2026-10-30 16:00', async (when) => {
    const auditor = (await as('shenjisuo', when)).actor.institutionId;
    await approveCall(await as('admin', when), ids.call2026, auditor);
    await approveCall(await as('admin', when), ids.pool, auditor);
  });
  at('2026-11-19 10:00', async (when) =>
    submitFundApplication(
      await as('fuwushang', when),
      ids.pool,
      ZSubmitApplication.parse({
        direction: 'pool',
        projectName: '面向五金行业的轻量化工业互联网平台',
        invoices: [invoice('44002611901', '300000.00', '2026-10-15', '平台研发投入')],
        declarations: DECLARED,
        commitmentSigned: true,
      }),
    ),
  );
  // 人才培养 (第八条（四）): the operator's training events of 2026 against the programme budget.
  at('2026-11-20 10:00', async (when) => {
    for (const e of TRAINING_2026)
      await recordTrainingEvent(await as('shujiang', when), ZTrainingEventInput.parse({ year: 2026, ...e }));
  });
}

const TRAINING_2026 = [
  { heldOn: '2026-04-16', title: '工业互联网赋能制造业数字化转型专题培训（蓬江）', attendees: 68, cost: '52000.00' },
  { heldOn: '2026-06-11', title: '企业信息化负责人工业互联网实践营（江海）', attendees: 45, cost: '61000.00' },
  { heldOn: '2026-09-24', title: '五金行业工业互联网标杆案例观摩会（新会）', attendees: 82, cost: '48500.00' },
];
