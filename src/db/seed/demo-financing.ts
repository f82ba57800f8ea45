/**
 * The financing zone's demo history, made through its use cases: two banks publish products and the city reviews
 * them (one refused with a reason, one changed into a second version waiting for review); 恒达 types two needs in
 * one sentence each; one is applied for, accepted and approved; the other, on the green channel, was taken by the
 * 农商 bank and not answered in time, so the city's oversight lists it as overdue. 工行 also offers a 政银保
 * product naming 人保财险 as its insurer; 恒达's digital-transformation need on it is approved and disbursed, ready
 * for the bank to carry into the loan register in one action; and the city has set its own answer times from
 * 2026-12-01 (3 working days to first contact, 8 to the decision).
 */
import { type TProductInput, ZNeedInput, ZProductInput } from '../../contracts/financing';
import type { Actor } from '../../domain/access/actor';
import { parseNeedText } from '../../domain/financing/parse';
import type { Ctx } from '../../services/context';
import {
  answerOrder,
  applyToProduct,
  flagGreenChannel,
  postNeed,
  publishProduct,
  reportOutcome,
  reviewProduct,
  reviseProduct,
  setAnswerTimes,
  takeNeed,
} from '../../services/financing';

type As = (username: string, at: Date) => Promise<Ctx & { actor: Actor }>;

const base = (over: Partial<TProductInput>): TProductInput =>
  ZProductInput.parse({
    name: '',
    type: 'equipment_loan',
    amountMin: '500000.00',
    amountMax: '10000000.00',
    termMinMonths: 12,
    termMaxMonths: 60,
    rateMin: '0.0320',
    rateMax: '0.0450',
    guarantees: ['mortgage', 'guarantee'],
    districts: [],
    industries: [],
    size: 'sme',
    minYearsInBusiness: 2,
    minDigitalLevel: null,
    poolOnly: false,
    materials: ['营业执照', '近两年财务报表', '设备采购合同或报价单'],
    promisedDecisionDays: 7,
    validFrom: '2026-01-01',
    validTo: '2027-12-31',
    contactName: '信贷部',
    contactPhone: '0750-3000000',
    description: '',
    ...over,
  });

function needFrom(sentence: string, consent: { scope: 'named' | 'all'; banks: string[] }) {
  const r = parseNeedText(sentence);
  return ZNeedInput.parse({
    amountMin: r.amountMin,
    amountMax: r.amountMax,
    termMinMonths: r.termMonthsMin,
    termMaxMonths: r.termMonthsMax,
    purpose: r.purpose ?? 'other',
    guarantee: r.guarantee,
    wantedBy: r.wantedBy,
    projectId: null,
    description: sentence,
    sourceText: sentence,
    exclusive: false,
    consent,
  });
}

type Schedule = (local: string, run: (when: Date) => Promise<unknown>) => void;

/** Schedules the financing steps among the demo history's (each at its China-time instant). */
export function scheduleDemoFinancing(step: Schedule, as: As, institutionId: (shortName: string) => string): void {
  const ids = {
    equipment: '',
    supply: '',
    working: '',
    lines: '',
    order: '',
    capital: '',
    zyb: '',
    digital: '',
    zybOrder: '',
  };
  type Key = keyof typeof ids;
  /** A bank publishes a product; the city's review decides when it goes live. */
  const publish = (local: string, key: Key, bank: string, fields: Partial<TProductInput>) =>
    step(local, async (when) => {
      ids[key] = (await publishProduct(await as(bank, when), base(fields))).id;
    });
  /** The city approves a product's version (上架审核). */
  const approve = (local: string, key: Key) =>
    step(local, async (when) => reviewProduct(await as('shiji', when), ids[key], { decision: 'approve', reason: '' }));
  /** 恒达 types a need in one sentence; the form is what the platform read, with its consent to share the profile. */
  const need = (local: string, key: Key, sentence: string, consent: Parameters<typeof needFrom>[1]) =>
    step(local, async (when) => {
      ids[key] = (await postNeed(await as('qiye', when), needFrom(sentence, consent))).id;
    });
  /** 恒达 applies to a product with its need, sharing its profile. */
  const apply = (local: string, key: Key, needKey: Key, productKey: Key) =>
    step(local, async (when) => {
      const input = { productId: ids[productKey], shareProfile: true };
      ids[key] = (await applyToProduct(await as('qiye', when), ids[needKey], input)).id;
    });
  /** 工商银行 accepts an order. */
  const accept = (local: string, key: Key) =>
    step(local, async (when) => answerOrder(await as('gonghang', when), ids[key], { accept: true }));
  /** 工商银行 reports an order approved and disbursed. */
  const approvedLoan = (local: string, key: Key, amount: string, rate: string, termMonths: number, on: string) =>
    step(local, async (when) =>
      reportOutcome(await as('gonghang', when), ids[key], {
        outcome: 'approved',
        approvedAmount: amount,
        approvedRate: rate,
        approvedTermMonths: termMonths,
        disbursedOn: on,
        refuseReason: '',
      }),
    );
  publish('2026-11-02 10:00', 'equipment', 'gonghang', {
    name: '工银智造设备贷',
    description: '支持企业购置智能产线、工业机器人及数字化软硬件，可与“政银保”贴息叠加申请。',
    promisedDecisionDays: 5,
  });
  publish('2026-11-02 10:30', 'supply', 'gonghang', {
    name: '工银供应链e贷',
    type: 'supply_chain',
    termMaxMonths: 12,
    guarantees: ['pledge'],
    description: '以核心企业应收账款质押，为上下游中小企业提供融资。',
  });
  publish('2026-11-03 09:30', 'working', 'nongshang', WORKING_FIELDS);
  approve('2026-11-04 15:00', 'equipment');
  step('2026-11-04 15:10', async (when) =>
    reviewProduct(await as('shiji', when), ids.supply, {
      decision: 'refuse',
      reason: '未写明应收账款质押登记（中征动产融资统一登记公示系统）要求，请补充后重新提交。',
    }),
  );
  approve('2026-11-04 15:20', 'working');
  // 恒达 types its needs in one sentence each; the form is what the platform read.
  need(
    '2026-11-16 09:30',
    'lines',
    '公司年营收8000万元，计划购置两条智能冲压产线，需要贷款500万元，期限3年，可以用厂房抵押。',
    { scope: 'all', banks: [] },
  );
  apply('2026-11-16 09:40', 'order', 'lines', 'equipment');
  accept('2026-11-17 10:00', 'order');
  step('2026-11-18 11:00', async (when) =>
    reviseProduct(await as('nongshang', when), ids.working, {
      ...WORKING,
      amountMax: '5000000.00',
      rateMin: '0.0330',
      description: '最高额度提高至500万元，利率下限下调至3.30%（待市级审核）。',
    }),
  );
  need('2026-11-18 14:00', 'capital', 'MES上线后订单增加，需要流动资金周转约200万元，期限1年，可由担保公司担保。', {
    scope: 'named',
    banks: [institutionId('江门农商银行')],
  });
  step('2026-11-18 16:00', async (when) =>
    flagGreenChannel(await as('admin', when), ids.capital, {
      green: true,
      reason: '入库项目企业（2026年数字化转型项目库）',
    }),
  );
  step('2026-11-19 09:00', async (when) =>
    takeNeed(await as('nongshang', when), ids.capital, { productId: ids.working }),
  );
  approvedLoan('2026-11-20 16:00', 'order', '5000000.00', '0.0365', 36, '2026-11-24');
  // A 政银保 product naming its insurer; the approved, disbursed order waits for the bank to carry it into the register.
  publish('2026-11-05 10:00', 'zyb', 'gonghang', {
    name: '工银政银保数字贷',
    type: 'zyb',
    termMaxMonths: 36,
    guarantees: ['insurance', 'credit'],
    coverInstitutionId: institutionId('人保财险江门分公司'),
    description: '“政银保”合作产品：人保财险江门分公司提供贷款保证保险，可申请贴息。',
  });
  approve('2026-11-06 10:00', 'zyb');
  need('2026-11-19 10:30', 'digital', '上线MES与设备联网的数字化改造需要贷款300万元，期限2年，可以办理贷款保证保险。', {
    scope: 'named',
    banks: [institutionId('工商银行江门分行')],
  });
  apply('2026-11-19 10:40', 'zybOrder', 'digital', 'zyb');
  accept('2026-11-19 15:00', 'zybOrder');
  approvedLoan('2026-11-20 15:00', 'zybOrder', '3000000.00', '0.0360', 24, '2026-11-20');
  step('2026-11-20 17:00', async (when) =>
    setAnswerTimes(await as('admin', when), {
      effectiveFrom: '2026-12-01',
      firstContactDays: 3,
      decisionDays: 8,
      greenFirstContactDays: 1,
      greenDecisionDays: 5,
      basis: '市工业和信息化局关于优化融资对接服务的通知（演示）',
    }),
  );
}

/** 农商银行's working-capital loan as first submitted (its revision raises the cap). */
const WORKING_FIELDS: Partial<TProductInput> = {
  name: '农商数智流贷',
  type: 'working_capital_loan',
  amountMax: '3000000.00',
  termMaxMonths: 36,
  rateMin: '0.0345',
  rateMax: '0.0520',
  guarantees: ['credit', 'guarantee'],
  districts: ['440703', '440704', '440705'],
  description: '面向已入库数字化转型项目企业的流动资金贷款，最快3个工作日审批。',
  promisedDecisionDays: 3,
};
const WORKING = base(WORKING_FIELDS);
