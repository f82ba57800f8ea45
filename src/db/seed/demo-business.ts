/**
 * Demo business data for a first start, so that every role's main page has something to look at: more enterprises,
 * project declarations at several stages, numbered projects with progress reports, 政银保 loans with repayments, an
 * open 2026 subsidy campaign with applications, and the notifications these steps send.
 *
 * Every record is made by the real use cases (registration, declaration, review, loan recording, reports,
 * applications), each acting as the person who would do it in real life and at a moment in the past chosen so the
 * rules hold (filing windows, the 6-month loan/declaration gap, the campaign's application period). The steps run
 * in time order, so the audit trail reads as a history from 2025 to November 2026; its events carry the request id
 * `demo-seed`. `loadDemoData` runs the whole load in one transaction (each use case's own transaction becomes a
 * savepoint), so a first start loads either all of it or nothing, and several instances starting at once load it
 * once.
 */
import { randomUUID } from 'node:crypto';
import { count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { ZRegisterEnterprise, ZSetCreditStanding } from '../../contracts/enterprises';
import {
  ZCreateFeeClaim,
  ZCreateFeeYear,
  ZCreatePool,
  ZCreateRiskClaim,
  ZFeeClaimReview,
  ZReportRecovery,
  ZRiskClaimStep,
} from '../../contracts/guarantee';
import { ZRulingInput } from '../../contracts/interpretations';
import { ZCreateLoan, ZRecordRepayment } from '../../contracts/loans';
import {
  type TBatchResult,
  ZCityReview,
  ZCreateDeclaration,
  ZDistrictReview,
  ZReportInput,
  ZUpdateDeclaration,
} from '../../contracts/projects';
import { ZCreateCampaign, ZReviewApplication, ZSubmitApplication } from '../../contracts/subsidy';
import { type Actor, ROLE_NAMES, type Role } from '../../domain/access/actor';
import { addDays, daysBetween, type IsoDate } from '../../domain/calendar/dates';
import { DISTRICTS } from '../../domain/enterprise/districts';
import { completeUscc } from '../../domain/enterprise/uscc';
import { fenToYuan, formatYuanDisplay, ratio, roundHalfUp, yuanToFen } from '../../domain/money/money';
import type { ApplicationStatus } from '../../domain/workflow/application';
import { DECLARATION_STATE_NAMES } from '../../domain/workflow/declaration';
import { uploadAttachment } from '../../services/attachments';
import { chainAuditEvents, recordAudit } from '../../services/audit';
import type { Ctx, Deps } from '../../services/context';
import { registerEnterprise, setCreditStanding } from '../../services/enterprises';
import {
  allocateFeeYear,
  createFeeYear,
  createPool,
  FEE_CLAIM_OWNER,
  issueFeePlan,
  publishFeeNotice,
  RISK_CLAIM_OWNER,
  reportRecovery,
  reviewFeeClaim,
  stepRiskClaim,
  submitFeeClaim,
  submitRiskClaim,
} from '../../services/guarantee';
import { approveRuling, recordRuling } from '../../services/interpretations';
import { recordLoan, recordRepayment } from '../../services/loans';
import { registerModules } from '../../services/modules';
import { markAllRead } from '../../services/notifications';
import {
  createDeclaration,
  getDeclaration,
  reviewByCity,
  reviewByDistrict,
  saveProgressReport,
  submitDeclaration,
  submitProgressReport,
  updateDeclaration,
} from '../../services/projects';
import { createCampaign, reviewApplication, saveScenario, submitApplication } from '../../services/subsidy';
import type { Db } from '../client';
import {
  auditEvents,
  enterprises,
  institutions,
  loanRepayments,
  loans,
  notifications,
  projectDeclarations,
  projectProgressReports,
  projects,
  subsidyApplications,
  subsidyCampaigns,
  users,
} from '../schema';
import { DEMO_PASSWORD, type DemoAccount, isEmpty, seedDemo } from './demo';
import { scheduleDemoCredit } from './demo-credit';
import { scheduleDemoFinancing } from './demo-financing';
import { scheduleFundDemo } from './demo-fund';
import { scheduleDemoOutreach } from './demo-outreach';

/** Marks the audit events of the demo history. */
export const DEMO_REQUEST_ID = 'demo-seed';
/** Serialises first-start demo loads across app instances. */
const DEMO_LOCK_KEY = 7300900;
/** When the demo's institutions, enterprises and accounts were "created" (before its business history). */
export const DEMO_EPOCH = '2024-12-02T09:00:00+08:00';

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/** A minimal valid one-page PDF (1.4) whose page shows one line of ASCII text. */
export function tinyPdf(text: string): Buffer {
  const safe = text.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
  const content = `BT /F1 14 Tf 72 770 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A China-time instant: `t('2025-04-11 09:30')`. */
function t(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

/** A batch decision of the demo must succeed for every item. */
function check(r: TBatchResult): TBatchResult {
  const failed = r.results.find((x) => !x.ok);
  if (failed) throw new Error(`演示数据：批量操作失败：${failed.error?.message}`);
  return r;
}

interface Repayment {
  periodNo: number;
  paidDate: IsoDate;
  principalFen: bigint;
  interestFen: bigint;
}

/**
 * A repayment schedule: interest on the outstanding principal at the contract rate, actual days / 360, rounded half
 * up to the fen, paid on the given dates; `principal(i)` is the principal repaid with period i (0-based).
 */
function repaymentSchedule(
  amountFen: bigint,
  annualRate: string,
  disbursedOn: IsoDate,
  dates: readonly IsoDate[],
  principal: (i: number) => bigint,
): Repayment[] {
  const rate = ratio(annualRate);
  let outstanding = amountFen;
  let from = disbursedOn;
  return dates.map((paidDate, i) => {
    const days = BigInt(daysBetween(from, paidDate));
    const interestFen = roundHalfUp(outstanding * rate.num * days, rate.den * 360n);
    const principalFen = principal(i);
    outstanding -= principalFen;
    from = paidDate;
    return { periodNo: i + 1, paidDate, principalFen, interestFen };
  });
}

function interestIn(schedule: readonly Repayment[], from: IsoDate, to: IsoDate): string {
  const fen = schedule.filter((r) => r.paidDate >= from && r.paidDate <= to).reduce((s, r) => s + r.interestFen, 0n);
  return fenToYuan(fen);
}

// ---------------------------------------------------------------------------------------------------------------
// The story

const MFG_USCC = '91440703MA4UHN6X52'; // 江门市蓬江精密五金制造有限公司 (qiye)
const SVC_USCC = '91440705MA55XW6T3B'; // 江门智造云科技有限公司 (fuwushang), in the resource pool
const SVC_NAME = '江门智造云科技有限公司';

interface NewEnterprise {
  username: string;
  displayName: string;
  registeredAt: string;
  input: Record<string, unknown>;
}

const NEW_ENTERPRISES: readonly NewEnterprise[] = [
  {
    username: 'junye',
    displayName: '梁志强（骏业塑胶）',
    registeredAt: '2025-01-06 09:20',
    input: {
      uscc: completeUscc('91440703MA4W8K2R'),
      name: '江门市骏业塑胶制品有限公司',
      registeredAddress: '江门市蓬江区棠下镇桐井工业区 12 号',
      operatingAddress: '江门市蓬江区棠下镇桐井工业区 12 号',
      districtCode: '440703',
      type: 'manufacturer',
      isSme: true,
      establishedOn: '2012-07-09',
      contactName: '梁志强',
      contactPhone: '13702281234',
    },
  },
  {
    username: 'hailian',
    displayName: '李敏华（海联电器）',
    registeredAt: '2025-01-08 10:05',
    input: {
      uscc: completeUscc('91440705MA51RT3D'),
      name: '江门市海联电器实业有限公司',
      registeredAddress: '江门市新会区今古洲经济开发区今洲路 23 号',
      operatingAddress: '江门市新会区今古洲经济开发区今洲路 23 号',
      districtCode: '440705',
      type: 'manufacturer',
      isSme: true,
      establishedOn: '2009-03-16',
      contactName: '李敏华',
      contactPhone: '13531862345',
    },
  },
  {
    username: 'huarui',
    displayName: '吴海峰（华锐电子）',
    registeredAt: '2025-02-17 14:30',
    input: {
      uscc: completeUscc('91440704MA53KP7L'),
      name: '江门市华锐电子科技有限公司',
      registeredAddress: '江门市江海区高新区金星路 88 号',
      operatingAddress: '江门市江海区高新区金星路 88 号',
      districtCode: '440704',
      type: 'manufacturer',
      isSme: true,
      establishedOn: '2015-11-20',
      contactName: '吴海峰',
      contactPhone: '13828096543',
    },
  },
  {
    username: 'meilian',
    displayName: '何嘉俊（美联家电配件）',
    registeredAt: '2025-03-03 11:10',
    input: {
      uscc: completeUscc('91440606MA4X2N8E'),
      name: '佛山市顺德区美联家电配件有限公司',
      registeredAddress: '佛山市顺德区容桂街道华口工业区 5 号',
      operatingAddress: '佛山市顺德区容桂街道华口工业区 5 号',
      districtCode: 'outside',
      type: 'manufacturer',
      isSme: true,
      establishedOn: '2013-06-08',
      contactName: '何嘉俊',
      contactPhone: '13925418765',
    },
  },
];

const MFG_MATERIALS = [
  'cover',
  'declaration_form',
  'business_licence',
  'credit_report',
  'digital_assessment',
  'construction_plan',
];
const SVC_MATERIALS = [
  'cover',
  'declaration_form',
  'business_licence',
  'credit_report',
  'digital_assessment',
  'project_approval',
];

/** qiye's numbered project, financed by 工商银行江门分行 (insured by 人保财险). */
/** A numbered project's 政银保 equipment loan: the lending bank's user, the borrower, the contract and its cover. */
interface LoanPlan {
  bank: string;
  enterpriseUscc: string;
  contractNo: string;
  amount: string;
  annualRate: string;
  termMonths: number;
  disbursedAt: string;
  disbursedOn: string;
  /** The covering insurer or guarantor (short name). */
  cover: string;
  remarks: string;
}

const QIYE_LOAN: LoanPlan & { maturityOn: string } = {
  bank: 'gonghang',
  enterpriseUscc: MFG_USCC,
  contractNo: 'GSJM-ZYB-2025-0318',
  amount: '3000000.00',
  annualRate: '0.0345',
  termMonths: 36,
  disbursedAt: '2025-03-18T10:30:00+08:00',
  disbursedOn: '2025-03-18',
  maturityOn: '2028-03-18',
  cover: '人保财险江门分公司',
  remarks: '“政银保”设备贷款，人保财险江门分公司提供贷款保证保险',
};
const QIYE_SCHEDULE = repaymentSchedule(
  yuanToFen(QIYE_LOAN.amount),
  QIYE_LOAN.annualRate,
  QIYE_LOAN.disbursedOn,
  ['2025-03-21', '2025-06-21', '2025-09-21', '2025-12-21', '2026-03-21', '2026-06-21', '2026-09-21'],
  (i) => (i >= 4 ? 250_000_00n : 0n),
);

/** 海联's numbered project, financed by 江门农商银行 (guaranteed by 江门融资担保). */
const HAILIAN_LOAN: LoanPlan = {
  bank: 'nongshang',
  enterpriseUscc: String(NEW_ENTERPRISES[1]!.input.uscc),
  contractNo: 'JMRCB-ZYB-2025-0618',
  amount: '2000000.00',
  annualRate: '0.038',
  termMonths: 24,
  disbursedAt: '2025-06-18T15:00:00+08:00',
  disbursedOn: '2025-06-18',
  cover: '江门融资担保',
  remarks: '“政银保”贷款，江门市融资担保有限公司提供担保',
};
const HAILIAN_SCHEDULE = repaymentSchedule(
  yuanToFen(HAILIAN_LOAN.amount),
  HAILIAN_LOAN.annualRate,
  HAILIAN_LOAN.disbursedOn,
  ['2025-06-20', '2025-09-20', '2025-12-20', '2026-03-20', '2026-06-20', '2026-09-20'],
  (i) => (i >= 3 ? 200_000_00n : 0n),
);

const CAMPAIGN = {
  year: 2026,
  title: '2026年度“政银保”数字化转型贷款贴息申请',
  interestFrom: '2025-01-01',
  interestTo: '2025-12-31',
  applyFrom: '2026-11-02',
  applyTo: '2026-12-31',
  budget: '3000000.00',
  allocationMode: 'partial',
  noticeDays: 7,
};

/** Planned investment lines (申报指南 四（四）) from `{ item: amount }`, in the order written. */
const investmentLines = (amounts: Record<string, string>) =>
  Object.entries(amounts).map(([item, amount]) => ({ item, amount }));

/** The service contract whose provider leads the project (a declaration's `contracts` entry). */
const leadContract = (
  provider: { uscc: string; name: string },
  contractNumber: string,
  amount: string,
  signedOn: string,
  startDate: string,
  endDate: string,
) => ({
  providerUscc: provider.uscc,
  providerName: provider.name,
  contractNumber,
  amount,
  signedOn,
  startDate,
  endDate,
  isLead: true,
});
const SVC = { uscc: SVC_USCC, name: SVC_NAME };
const SHULIAN = { uscc: completeUscc('91440704MA4YB6TQ'), name: '江门市数联工业软件有限公司' };

/** Every demo project is built at its enterprise's operating address, in its district. */
const siteOf = (username: string) => {
  const { input } = NEW_ENTERPRISES.find((e) => e.username === username)!;
  return { siteDistrictCode: String(input.districtCode), siteAddress: String(input.operatingAddress) };
};
/** The sites of the two enterprises `seedDemo` registers (qiye, fuwushang). */
const QIYE_SITE = { siteDistrictCode: '440703', siteAddress: '江门市蓬江区杜阮镇龙榜村工业区 8 号' };
const FUWUSHANG_SITE = { siteDistrictCode: '440705', siteAddress: '江门市新会区会城今古洲大道 61 号' };

const QIYE_PROJECT_FORM = {
  name: '精密冲压车间MES与设备联网改造项目',
  content:
    '建设制造执行系统（MES），对 42 台冲压及数控设备联网并采集运行数据，上线质量追溯与能耗监测，实现冲压车间生产过程数字化管理。',
  categories: ['digital_system', 'industrial_control_software', 'supporting_equipment'],
  ...QIYE_SITE,
  startDate: '2025-04-01',
  endDate: '2026-12-31',
  projectStatus: 'in_progress',
  investments: investmentLines({
    software: '1200000.00',
    equipment: '1500000.00',
    installation: '150000.00',
    consulting: '150000.00',
  }),
  investmentMade: '600000.00',
  assessmentLevel: 'level2',
  assessmentDate: '2025-02-26',
  hasLoan: true,
  contracts: [leadContract(SVC, 'ZZY-HT-2025-031', '1200000.00', '2025-03-28', '2025-04-01', '2026-12-31')],
};

const HAILIAN_PROJECT_FORM = {
  name: '小家电总装线数字化车间建设项目',
  content: '建设总装线 MES 与仓储管理系统（WMS），部署 AGV 物料配送与产品质量在线检测，打通订单、生产与仓储数据。',
  categories: ['digital_system', 'supporting_equipment'],
  ...siteOf('hailian'),
  startDate: '2025-05-01',
  endDate: '2026-03-31',
  projectStatus: 'in_progress',
  investments: investmentLines({ software: '900000.00', equipment: '700000.00', installation: '200000.00' }),
  investmentMade: '400000.00',
  assessmentLevel: 'level2',
  assessmentDate: '2025-04-18',
  hasLoan: false,
  contracts: [leadContract(SHULIAN, 'SL-2025-0507', '860000.00', '2025-05-06', '2025-05-10', '2026-03-31')],
};

const JUNYE_PROJECT_FORM = {
  name: '注塑车间设备联网与能耗管理系统建设',
  content: '为 36 台注塑机加装数据采集终端，建设设备联网平台与能耗管理系统，实现工艺参数与能耗在线监测。',
  categories: ['industrial_control_software', 'supporting_equipment'],
  ...siteOf('junye'),
  startDate: '2026-12-01',
  endDate: '2027-09-30',
  projectStatus: 'planned',
  investments: investmentLines({ software: '450000.00', equipment: '800000.00', installation: '60000.00' }),
  investmentMade: '0.00',
  assessmentLevel: 'level1',
  assessmentDate: '2026-09-18',
  hasLoan: false,
  contracts: [leadContract(SVC, 'ZZY-HT-2026-072', '520000.00', '2026-10-28', '2026-12-01', '2027-09-30')],
};

const FUWUSHANG_PROJECT_FORM = {
  name: '注塑五金行业云MES工业互联网平台研发',
  content: '研发面向江门注塑、五金行业中小企业的云 MES 与设备联网工业 APP，以订阅方式部署并提供数据服务。',
  categories: ['iiot_platform', 'industrial_app', 'cloud_resources'],
  ...FUWUSHANG_SITE,
  startDate: '2026-10-01',
  endDate: '2027-12-31',
  projectStatus: 'in_progress',
  investments: investmentLines({ rnd: '1500000.00', testing: '200000.00', expert_consulting: '80000.00' }),
  investmentMade: '260000.00',
  assessmentLevel: 'level3',
  assessmentDate: '2026-08-20',
  hasLoan: false,
};

const QIYE_DRAFT_FORM = {
  name: '成品仓库WMS与AGV智能物流改造',
  content: '建设仓储管理系统（WMS），引入 4 台 AGV 实现成品出入库与库内搬运自动化。',
  categories: ['digital_system'],
  ...QIYE_SITE,
  startDate: '2027-01-04',
  projectStatus: 'planned',
  investments: investmentLines({ software: '380000.00', equipment: '920000.00' }),
  investmentMade: '0.00',
  hasLoan: false,
};

interface ReportPlan {
  at: string;
  period: string;
  investmentToDate: string;
  status: 'in_progress' | 'completed';
  milestone?: { name: string; plannedOn: string; achievedOn: string };
  narrative: string;
}

/** A quarter's progress report submitted at `at` (China time): in progress unless `extra` says otherwise. */
const quarterly = (
  at: string,
  period: string,
  investmentToDate: string,
  narrative: string,
  extra: Partial<Pick<ReportPlan, 'status' | 'milestone'>> = {},
): ReportPlan => ({ at, period, investmentToDate, status: 'in_progress', narrative, ...extra });

const QIYE_REPORTS: readonly ReportPlan[] = [
  quarterly('2025-07-08 10:00', '2025-Q2', '980000.00', '完成 MES 蓝图设计，首批 18 台冲压设备加装数据采集终端。', {
    milestone: { name: 'MES 系统选型与实施合同签订', plannedOn: '2025-04-30', achievedOn: '2025-04-25' },
  }),
  quarterly(
    '2025-10-10 10:00',
    '2025-Q3',
    '1520000.00',
    'MES 在冲压一车间试运行，设备联网 30 台，开始采集稼动率与能耗数据。',
    { milestone: { name: 'MES 在冲压一车间试运行', plannedOn: '2025-09-30', achievedOn: '2025-09-12' } },
  ),
  quarterly('2026-01-09 10:00', '2025-Q4', '1960000.00', '42 台设备全部联网，质量追溯模块上线。'),
  quarterly('2026-04-10 10:00', '2026-Q1', '2240000.00', '能耗监测模块上线，冲压二车间切换至 MES 排产。'),
  quarterly('2026-07-09 10:00', '2026-Q2', '2480000.00', '完成 MES 与 ERP 接口联调，开展全员培训。'),
  quarterly('2026-10-12 10:00', '2026-Q3', '2650000.00', '数据看板上线，计划 2026 年 12 月组织项目验收。'),
];

const HAILIAN_REPORTS: readonly ReportPlan[] = [
  quarterly('2025-07-10 15:00', '2025-Q2', '620000.00', 'MES 与 WMS 完成需求调研和方案评审，采购首批 AGV。'),
  quarterly('2025-10-13 15:00', '2025-Q3', '1080000.00', '总装一线 MES 上线，AGV 物料配送试运行。'),
  quarterly('2026-01-12 15:00', '2025-Q4', '1520000.00', '三条总装线全部接入 MES，质量在线检测设备安装调试完成。'),
  quarterly('2026-04-13 15:00', '2026-Q1', '1800000.00', '项目于 2026 年 3 月 28 日通过竣工验收，进入稳定运行。', {
    status: 'completed',
    milestone: { name: '总装线数字化车间竣工验收', plannedOn: '2026-03-31', achievedOn: '2026-03-28' },
  }),
];

// ---------------------------------------------------------------------------------------------------------------
// Running the story in time order

interface Step {
  at: Date;
  seq: number;
  run: (when: Date) => Promise<unknown>;
}

type ActorCtx = Ctx & { actor: Actor };

export interface DemoBusinessSummary {
  /** Accounts of the enterprises registered by the demo (password DEMO_PASSWORD). */
  accounts: DemoAccount[];
  enterprises: { total: number; byDistrict: Record<string, number>; outsideCity: number; abnormalCredit: number };
  declarations: Record<string, number>;
  projectNumbers: string[];
  progressReports: number;
  loans: number;
  repayments: number;
  interestPaid: string;
  campaign: { title: string; applyFrom: string; applyTo: string; budget: string };
  applications: Record<string, number>;
  notifications: { total: number; unread: number };
  auditEvents: number;
}

/** Creates the demo business history through the use cases. Expects the accounts of `seedDemo` to exist. */
export async function seedDemoBusiness(deps: Deps): Promise<DemoBusinessSummary> {
  registerModules();
  const db = deps.db;

  const actors = new Map<string, Actor>();
  async function actor(username: string): Promise<Actor> {
    const known = actors.get(username);
    if (known) return known;
    const [u] = await db.select().from(users).where(eq(users.username, username)).limit(1);
    if (!u) throw new Error(`演示数据：缺少账号 ${username}`);
    const a: Actor = {
      id: u.id,
      name: u.displayName,
      role: u.role as Role,
      via: 'session',
      districtCode: u.districtCode,
      institutionId: u.institutionId,
      enterpriseId: u.enterpriseId,
      isEnterpriseAdmin: u.isEnterpriseAdmin,
    };
    actors.set(username, a);
    return a;
  }
  async function as(username: string, at: Date): Promise<ActorCtx> {
    return { deps, actor: await actor(username), now: at, clientIp: null, requestId: DEMO_REQUEST_ID, lang: 'zh' };
  }
  /** A visitor who is not signed in (public registration). */
  const anonymousAt = (at: Date): Ctx => ({
    deps,
    actor: null,
    now: at,
    clientIp: null,
    requestId: DEMO_REQUEST_ID,
    lang: 'zh',
  });
  const inst = await db.select({ id: institutions.id, shortName: institutions.shortName }).from(institutions);
  const institutionId = (shortName: string) => {
    const i = inst.find((x) => x.shortName === shortName);
    if (!i) throw new Error(`演示数据：缺少机构 ${shortName}`);
    return i.id;
  };

  const steps: Step[] = [];
  /** Schedules a step at a China-time instant; `run` receives that instant. */
  const at = (local: string, run: (when: Date) => Promise<unknown>) =>
    steps.push({ at: t(local), seq: steps.length, run });
  const state = {
    declarations: new Map<string, string>(),
    projects: new Map<string, { id: string; number: string }>(),
    loans: new Map<string, string>(),
    campaignId: '',
    rulingId: '',
    applications: new Map<string, string>(),
    feeClaims: new Map<string, string>(),
    riskClaims: new Map<string, string>(),
  };

  async function upload(ctx: ActorCtx, ownerType: string, ownerId: string, kind: string, label: string) {
    const a = await uploadAttachment(ctx, {
      ownerType,
      ownerId,
      kind,
      fileName: `${label}.pdf`,
      bytes: tinyPdf(`Huiqi demo document: ${kind} (${ownerType})`),
    });
    return a.id;
  }

  /** Draft → materials → signed contracts → submission, as the enterprise does it in the web app. */
  async function declare(
    key: string,
    username: string,
    when: Date,
    form: Record<string, unknown> & { contracts?: Record<string, unknown>[] },
    kinds: readonly string[],
  ) {
    const ctx = await as(username, when);
    const { id } = await createDeclaration(ctx, ZCreateDeclaration.parse(form));
    state.declarations.set(key, id);
    for (const k of kinds) await upload(ctx, 'project_declaration', id, k, k);
    if (form.contracts?.length) {
      const contracts = [];
      for (const c of form.contracts) {
        const fileId = await upload(ctx, 'project_declaration', id, 'service_contract', `服务合同-${c.contractNumber}`);
        contracts.push({ ...c, attachmentId: fileId });
      }
      const d = await getDeclaration(ctx, id);
      await updateDeclaration(ctx, id, ZUpdateDeclaration.parse({ ...form, contracts, version: d.version }));
    }
    await submitDeclaration(ctx, id);
  }

  async function report(key: string, username: string, r: ReportPlan, when: Date) {
    const ctx = await as(username, when);
    const project = state.projects.get(key)!;
    const saved = await saveProgressReport(
      ctx,
      project.id,
      ZReportInput.parse({
        period: r.period,
        investmentToDate: r.investmentToDate,
        status: r.status,
        milestones: r.milestone ? [r.milestone] : [],
        narrative: r.narrative,
      }),
    );
    await upload(ctx, 'project_progress_report', saved.id, 'voucher', `${r.period}投资凭证`);
    await submitProgressReport(ctx, project.id, saved.id);
  }

  async function apply(
    key: string,
    username: string,
    when: Date,
    loanKey: string,
    claimedInterest: string,
    newInvestment: string,
    progressReport: string,
  ) {
    const ctx = await as(username, when);
    const id = randomUUID();
    const repay = await upload(ctx, 'subsidy_application', id, 'repayment_voucher', '2025年度还本付息凭证');
    const spend = await upload(ctx, 'subsidy_application', id, 'expenditure_voucher', '数字化转型项目支出凭证');
    const body = ZSubmitApplication.parse({
      campaignId: state.campaignId,
      projectId: state.projects.get(key)!.id,
      interestFrom: CAMPAIGN.interestFrom,
      interestTo: CAMPAIGN.interestTo,
      loans: [{ loanId: state.loans.get(loanKey)!, claimedInterest }],
      newInvestment,
      progressReport,
      repaymentVoucherIds: [repay],
      expenditureVoucherIds: [spend],
    });
    const r = await submitApplication(ctx, { ...body, id });
    state.applications.set(key, r.id);
  }

  function repayments(loanKey: string, bank: string, schedule: readonly Repayment[], recordedFrom: string) {
    for (const r of schedule) {
      // Entered the morning after the payment, or with the loan when that was recorded later.
      const next = `${addDays(r.paidDate, 1)} 09:30`;
      at(next > recordedFrom ? next : recordedFrom, async (when) => {
        await recordRepayment(
          await as(bank, when),
          state.loans.get(loanKey)!,
          ZRecordRepayment.parse({
            periodNo: r.periodNo,
            dueDate: r.paidDate,
            paidDate: r.paidDate,
            principalPaid: fenToYuan(r.principalFen),
            interestPaid: fenToYuan(r.interestFen),
          }),
        );
      });
    }
  }

  // Enterprises register themselves (江门 districts and one outside the city).
  for (const e of NEW_ENTERPRISES) {
    at(e.registeredAt, (when) =>
      registerEnterprise(
        anonymousAt(when),
        ZRegisterEnterprise.parse({
          ...e.input,
          account: { username: e.username, displayName: e.displayName, password: DEMO_PASSWORD },
        }),
      ),
    );
  }
  const districtVerify = (key: string, reviewer: string) => async (when: Date) =>
    check(
      await reviewByDistrict(
        await as(reviewer, when),
        ZDistrictReview.parse({ ids: [state.declarations.get(key)], decision: 'verify' }),
      ),
    );
  const cityApprove = (key: string) => async (when: Date) => {
    const r = check(
      await reviewByCity(
        await as('shiji', when),
        ZCityReview.parse({ ids: [state.declarations.get(key)], decision: 'approve' }),
      ),
    );
    const [p] = await db
      .select({ id: projects.id, number: projects.libraryNumber })
      .from(projects)
      .where(eq(projects.declarationId, r.results[0]!.id));
    state.projects.set(key, p!);
  };

  /** A bank records a loan (the input read when the step runs); the demo keeps its id under `key`. */
  const lend = (key: string, bank: string, input: () => Record<string, unknown>) => async (when: Date) => {
    const r = await recordLoan(await as(bank, when), ZCreateLoan.parse(input()));
    state.loans.set(key, r.loan.id);
  };
  /** The bank records a numbered project's 政银保 loan against its library number. */
  const projectLoan = (key: string, loan: LoanPlan) =>
    lend(key, loan.bank, () => ({
      enterpriseUscc: loan.enterpriseUscc,
      contractNo: loan.contractNo,
      purpose: 'equipment',
      amount: loan.amount,
      annualRate: loan.annualRate,
      termMonths: loan.termMonths,
      disbursedAt: loan.disbursedAt,
      coverInstitutionId: institutionId(loan.cover),
      projectNo: state.projects.get(key)!.number,
      remarks: loan.remarks,
    }));

  // qiye: declared in the April 2025 window with its 工商银行 loan, verified by 蓬江, numbered by the city; the bank
  // records the loan against the number, then each quarter's repayment; qiye reports progress every quarter.
  at('2025-04-11 09:30', (when) =>
    declare(
      'qiye',
      'qiye',
      when,
      {
        ...QIYE_PROJECT_FORM,
        loan: {
          bankId: institutionId('工商银行江门分行'),
          contractNumber: QIYE_LOAN.contractNo,
          amount: QIYE_LOAN.amount,
          disbursedOn: QIYE_LOAN.disbursedOn,
          maturityOn: QIYE_LOAN.maturityOn,
        },
      },
      [...MFG_MATERIALS, 'loan_contract'],
    ),
  );
  at('2025-04-17 15:00', districtVerify('qiye', 'pengjiang'));
  at('2025-04-24 10:00', cityApprove('qiye'));
  at('2025-04-28 11:00', projectLoan('qiye', QIYE_LOAN));
  repayments('qiye', 'gonghang', QIYE_SCHEDULE, '2025-04-28 11:05');
  for (const r of QIYE_REPORTS) at(r.at, (when) => report('qiye', 'qiye', r, when));

  // 海联 (新会): declared in the May 2025 window before its loan, verified by 新会, numbered; 江门农商银行 lends in
  // June against the number, guaranteed by 江门融资担保; the project is completed in 2026-Q1.
  at('2025-05-12 10:00', (when) => declare('hailian', 'hailian', when, HAILIAN_PROJECT_FORM, MFG_MATERIALS));
  at('2025-05-19 16:00', districtVerify('hailian', 'xinhui'));
  at('2025-05-27 10:30', cityApprove('hailian'));
  at('2025-06-18 16:30', projectLoan('hailian', HAILIAN_LOAN));
  repayments('hailian', 'nongshang', HAILIAN_SCHEDULE, '2025-06-18 16:35');
  for (const r of HAILIAN_REPORTS) at(r.at, (when) => report('hailian', 'hailian', r, when));

  // Guarantee-fee subsidies and the risk pool (方案 三（五）, demo notice): 海联 claims the fee it paid 江门融资担保 for
  // 2025 with its voucher, checked by 新会, verified by the city, allocated, published and planned; the 2026 year is open, and 人保财险 claims
  // on qiye's behalf for the first half of 2026 (waiting for 蓬江's check). The 2026 risk pool has its budget.
  at('2025-12-20 10:00', async (when) => {
    const admin = await as('admin', when);
    await createFeeYear(admin, ZCreateFeeYear.parse({ year: 2025, budget: '300000.00' }));
  });
  at('2026-01-05 10:00', async (when) => {
    const admin = await as('admin', when);
    await createFeeYear(admin, ZCreateFeeYear.parse({ year: 2026, budget: '800000.00' }));
    await createPool(admin, ZCreatePool.parse({ year: 2026, budget: '5000000.00' }));
  });
  at('2026-01-08 09:30', async (when) => {
    const c = await submitFeeClaim(
      await as('hailian', when),
      ZCreateFeeClaim.parse({
        loanId: state.loans.get('hailian'),
        periodFrom: '2025-06-18',
        periodTo: '2025-12-31',
        feePaid: '16000.00',
        vouchers: ['JMDB-BF-2025-0618', 'JMDB-BF-2025-1218'],
      }),
    );
    state.feeClaims.set('hailian', c.id);
    await upload(await as('hailian', when), FEE_CLAIM_OWNER, c.id, 'fee_voucher', '担保费缴纳凭证（2025年下半年）');
  });
  at('2026-01-12 15:00', async (when) =>
    reviewFeeClaim(
      await as('xinhui', when),
      state.feeClaims.get('hailian')!,
      ZFeeClaimReview.parse({ action: 'district_pass' }),
    ),
  );
  at('2026-01-15 10:00', async (when) =>
    reviewFeeClaim(
      await as('shiji', when),
      state.feeClaims.get('hailian')!,
      ZFeeClaimReview.parse({ action: 'city_verify' }),
    ),
  );
  at('2026-01-20 09:00', async (when) => {
    const admin = await as('admin', when);
    await allocateFeeYear(admin, 2025);
    await publishFeeNotice(admin, 2025, {});
  });
  // The 2025 notice ran 2026-01-20 – 01-26 without objection: the city issues the year's funding plan.
  at('2026-02-02 10:00', async (when) =>
    issueFeePlan(await as('admin', when), 2025, {
      documentNumber: '【演示】江工信担保〔2026〕1号（演示数据）',
    }),
  );

  // Risk compensation (方案 三（五）2.): 江门农商银行's working-capital loan to 骏业 (guaranteed by 江门融资担保) goes bad
  // in February 2026; the bank files with its collection evidence, 蓬江 checks, the city verifies 520,000.00
  // ((1,518,000 − 218,000) × 40%, above the 500,000 threshold: a second city account approves), the payment is
  // recorded, and a later recovery of 150,000.00 returns the pool's share, 60,000.00.
  at(
    '2025-03-20 10:00',
    lend('junye', 'nongshang', () => ({
      enterpriseUscc: String(NEW_ENTERPRISES[0]!.input.uscc),
      contractNo: 'JMRCB-LD-2025-0320',
      purpose: 'working_capital',
      amount: '1500000.00',
      annualRate: '0.042',
      termMonths: 12,
      disbursedAt: '2025-03-20T10:00:00+08:00',
      coverInstitutionId: institutionId('江门融资担保'),
      remarks: '流动资金贷款，江门市融资担保有限公司提供担保',
    })),
  );
  at('2026-03-16 10:00', async (when) => {
    const bank = await as('nongshang', when);
    const c = await submitRiskClaim(
      bank,
      ZCreateRiskClaim.parse({
        loanId: state.loans.get('junye'),
        defaultDate: '2026-02-27',
        outstandingPrincipal: '1500000.00',
        outstandingInterest: '18000.00',
        collateralRealised: '218000.00',
        collectionSteps: '逾期后电话及上门催收3次，发送律师函，向蓬江区人民法院提起诉讼；抵押设备经司法拍卖处置',
        evidence: ['催收通知书（3份）', '律师函', '民事起诉状及受理通知书', '拍卖成交确认书'],
      }),
    );
    state.riskClaims.set('junye', c.id);
    await upload(bank, RISK_CLAIM_OWNER, c.id, 'collection_evidence', '催收记录与律师函');
    await upload(bank, RISK_CLAIM_OWNER, c.id, 'collateral_evidence', '抵押设备拍卖成交确认书');
  });
  const riskStep = (username: string, body: Record<string, unknown>) => async (when: Date) =>
    stepRiskClaim(await as(username, when), state.riskClaims.get('junye')!, ZRiskClaimStep.parse(body));
  at('2026-03-19 15:00', riskStep('pengjiang', { action: 'district_pass' }));
  at('2026-03-26 10:00', riskStep('shiji', { action: 'city_approve' }));
  at('2026-03-27 09:30', riskStep('admin', { action: 'second_approve' }));
  at('2026-04-03 14:00', riskStep('admin', { action: 'pay', paymentRef: 'JMCZ-FXBC-2026-0007' }));
  at('2026-06-10 11:00', async (when) =>
    reportRecovery(
      await as('nongshang', when),
      state.riskClaims.get('junye')!,
      ZReportRecovery.parse({ receivedOn: '2026-06-02', amount: '150000.00', note: '执行回款（法院执行款）' }),
    ),
  );

  at('2026-07-06 11:00', async (when) =>
    submitFeeClaim(
      await as('renbao', when),
      ZCreateFeeClaim.parse({
        loanId: state.loans.get('qiye'),
        periodFrom: '2026-01-01',
        periodTo: '2026-06-30',
        feePaid: '22500.00',
        vouchers: ['PICC-BXF-2026-0101'],
      }),
    ),
  );

  // The city administrator records 华锐's listing in the register of abnormal operations (经营异常名录).
  at('2025-09-08 14:00', async (when) => {
    const [e] = await db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.uscc, String(NEW_ENTERPRISES[2]!.input.uscc)));
    await setCreditStanding(
      await as('admin', when),
      e!.id,
      ZSetCreditStanding.parse({
        status: 'abnormal',
        source: '国家企业信用信息公示系统',
        asOf: '2025-09-05',
        note: '未按规定报送 2024 年度年度报告，被列入经营异常名录',
      }),
    );
  });

  // The 2026 subsidy campaign (interest paid in 2025), opened by the city administrator.
  at('2026-10-26 09:00', async (when) => {
    state.campaignId = (await createCampaign(await as('admin', when), ZCreateCampaign.parse(CAMPAIGN))).id;
  });

  // Everyone has read what reached them before November 2026.
  at('2026-11-01 08:30', async (when) => {
    const people = await db
      .selectDistinct({ username: users.username })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.recipientUserId))
      .where(isNull(notifications.readAt));
    for (const p of people) await markAllRead(await as(p.username, when));
  });

  // 海联 applies and 新会 passes it to the city; qiye applies later and waits for 蓬江's check.
  at('2026-11-04 10:15', (when) =>
    apply(
      'hailian',
      'hailian',
      when,
      'hailian',
      interestIn(HAILIAN_SCHEDULE, CAMPAIGN.interestFrom, CAMPAIGN.interestTo),
      '1400000.00',
      '总装线数字化车间已于 2026 年 3 月建成并通过验收，MES、WMS 稳定运行，AGV 配送覆盖 3 条总装线。',
    ),
  );
  at('2026-11-09 15:20', async (when) => {
    const id = state.applications.get('hailian')!;
    const [app] = await db
      .select({ version: subsidyApplications.version })
      .from(subsidyApplications)
      .where(eq(subsidyApplications.id, id));
    await reviewApplication(
      await as('xinhui', when),
      id,
      'district',
      ZReviewApplication.parse({
        decision: 'pass',
        comment: '还本付息凭证与银行登记一致，项目已建成并通过验收。',
        version: app!.version,
      }),
    );
  });

  // The November 2026 filing window: 骏业 and the service provider declare; qiye drafts its next project.
  at('2026-11-11 09:40', (when) => declare('junye', 'junye', when, JUNYE_PROJECT_FORM, MFG_MATERIALS));
  at('2026-11-12 10:20', (when) => declare('fuwushang', 'fuwushang', when, FUWUSHANG_PROJECT_FORM, SVC_MATERIALS));
  at('2026-11-13 14:00', async (when) => {
    const { id } = await createDeclaration(await as('qiye', when), ZCreateDeclaration.parse(QIYE_DRAFT_FORM));
    state.declarations.set('qiye-draft', id);
  });
  at('2026-11-16 10:00', (when) =>
    apply(
      'qiye',
      'qiye',
      when,
      'qiye',
      interestIn(QIYE_SCHEDULE, CAMPAIGN.interestFrom, CAMPAIGN.interestTo),
      '2050000.00',
      'MES 已覆盖两个冲压车间，42 台设备全部联网，质量追溯、能耗监测与数据看板已上线，计划 2026 年 12 月验收。',
    ),
  );
  // 蓬江 returns 骏业's declaration with reasons; 新会 has not yet verified the service provider's.
  at('2026-11-18 16:00', async (when) =>
    check(
      await reviewByDistrict(
        await as('pengjiang', when),
        ZDistrictReview.parse({
          ids: [state.declarations.get('junye')],
          decision: 'return',
          reason:
            '建设方案中设备投资为 60 万元，与申报表填报的 80 万元不一致，请核对后统一；服务合同签署文本缺少服务商盖章页，请补充完整扫描件',
          returnDeadline: '2026-12-04',
        }),
      ),
    ),
  );

  // The bureau rules that 申报指南 三（三）'s 6 months count by calendar month for decisions from 2027; the
  // administrator records the ruling, the city reviewer approves it.
  at('2026-11-02 10:00', async (when) => {
    const r = await recordRuling(
      await as('admin', when),
      ZRulingInput.parse({
        interpretationId: 'zyb.loan_gap_months',
        option: 'calendar_month',
        effectiveFrom: '2027-01-01',
        notice: '江工信函〔2026〕61号',
        noticeDate: '2026-10-30',
        reason: '放款与入库申报的间隔按自然月计算：8月放款的贷款，次年2月入库申报的仍在6个自然月内',
      }),
    );
    state.rulingId = r.id;
  });
  at('2026-11-03 09:30', async (when) => approveRuling(await as('shiji', when), state.rulingId));
  // Two saved sandbox scenarios of the 2026 campaign, to compare side by side: half the budget, a lower ratio.
  at('2026-11-20 15:00', async (when) => {
    const admin = await as('admin', when);
    await saveScenario(admin, state.campaignId, { name: '预算减半', scenario: { budget: '1500000.00' } });
    await saveScenario(admin, state.campaignId, { name: '第一年比例80%', scenario: { firstYearRatio: '0.80' } });
  });
  scheduleDemoFinancing(at, as, institutionId);
  scheduleDemoCredit(at, as, (key) => state.loans.get(key)!);
  scheduleDemoOutreach(at, as, institutionId);
  scheduleFundDemo(at, as, db);

  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  for (const s of steps) await s.run(s.at);

  return summarise(db, NEW_ENTERPRISES);
}

async function summarise(db: Db, registered: readonly NewEnterprise[]): Promise<DemoBusinessSummary> {
  const tally = (rows: { k: string | null; n: number }[]) =>
    Object.fromEntries(rows.map((r) => [r.k ?? 'outside', Number(r.n)]));
  const ents = await db
    .select({ k: enterprises.districtCode, n: count() })
    .from(enterprises)
    .groupBy(enterprises.districtCode);
  const [outside] = await db.select({ n: count() }).from(enterprises).where(eq(enterprises.outsideCity, true));
  const [abnormal] = await db.select({ n: count() }).from(enterprises).where(eq(enterprises.creditStatus, 'abnormal'));
  const decls = await db
    .select({ k: projectDeclarations.state, n: count() })
    .from(projectDeclarations)
    .groupBy(projectDeclarations.state);
  const numbers = await db.select({ n: projects.libraryNumber }).from(projects).orderBy(projects.libraryNumber);
  const [reports] = await db.select({ n: count() }).from(projectProgressReports);
  const [loanCount] = await db.select({ n: count() }).from(loans);
  const [repaid] = await db
    .select({ n: count(), interest: sql<string>`coalesce(sum(${loanRepayments.interestPaidFen}), 0)::text` })
    .from(loanRepayments);
  const [campaign] = await db.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.year, CAMPAIGN.year));
  const apps = await db
    .select({ k: subsidyApplications.status, n: count() })
    .from(subsidyApplications)
    .groupBy(subsidyApplications.status);
  const [notes] = await db
    .select({ n: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int` })
    .from(notifications);
  const [events] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.requestId, DEMO_REQUEST_ID));
  const accounts = await db
    .select({ username: users.username, displayName: users.displayName, name: enterprises.name })
    .from(users)
    .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(
      inArray(
        users.username,
        registered.map((e) => e.username),
      ),
    );
  return {
    accounts: registered.map((e) => {
      const a = accounts.find((x) => x.username === e.username)!;
      return { username: a.username, role: 'enterprise', displayName: a.displayName, scope: a.name };
    }),
    enterprises: {
      total: ents.reduce((s, r) => s + Number(r.n), 0),
      byDistrict: tally(ents),
      outsideCity: Number(outside?.n ?? 0),
      abnormalCredit: Number(abnormal?.n ?? 0),
    },
    declarations: tally(decls),
    projectNumbers: numbers.map((r) => r.n),
    progressReports: Number(reports?.n ?? 0),
    loans: Number(loanCount?.n ?? 0),
    repayments: Number(repaid?.n ?? 0),
    interestPaid: fenToYuan(BigInt(repaid?.interest ?? '0')),
    campaign: {
      title: campaign!.title,
      applyFrom: campaign!.applyFrom,
      applyTo: campaign!.applyTo,
      budget: fenToYuan(campaign!.budgetFen),
    },
    applications: tally(apps),
    notifications: { total: Number(notes?.n ?? 0), unread: Number(notes?.unread ?? 0) },
    auditEvents: Number(events?.n ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Loading on a first start

export interface DemoLoad {
  accounts: DemoAccount[];
  business: DemoBusinessSummary | null;
}

/**
 * `HUIQI_DEMO_DATA`: `false` loads nothing, `accounts` only reference data, institutions, the two demo enterprises
 * and one account per role (what browser tests start from), anything else (default) also the business history.
 */
export function demoBusinessWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.HUIQI_DEMO_DATA !== 'accounts';
}

/**
 * Loads the demo data when the platform has no users yet (a first start), in one transaction with its audit event;
 * returns null when there is already data. Safe when several instances start at once (an advisory lock, then the
 * emptiness check again inside the transaction).
 */
export async function loadDemoData(deps: Deps, opts: { business?: boolean } = {}): Promise<DemoLoad | null> {
  const business = opts.business ?? true;
  if (!(await isEmpty(deps.db))) return null;
  const loaded = await deps.db.transaction(async (outer) => {
    await outer.execute(sql`SELECT pg_advisory_xact_lock(${DEMO_LOCK_KEY})`);
    if (!(await isEmpty(outer))) return null;
    // The use cases open their own transactions on `deps.db`; on this transaction they become savepoints.
    const inner: Deps = { ...deps, db: outer as unknown as Db, readDb: outer as unknown as Db };
    const accounts = await seedDemo(outer, deps.cipher, business ? new Date(DEMO_EPOCH) : undefined);
    const summary = business ? await seedDemoBusiness(inner) : null;
    const now = deps.clock();
    await recordAudit(
      outer,
      { deps: inner, actor: systemActor(), now, clientIp: null, requestId: null, lang: 'zh' },
      {
        action: 'system.demo_data_loaded',
        objectType: 'system',
        objectId: null,
        after: {
          accounts: accounts.length + (summary?.accounts.length ?? 0),
          ...(summary
            ? {
                enterprises: summary.enterprises.total,
                declarations: summary.declarations,
                projects: summary.projectNumbers,
                loans: summary.loans,
                repayments: summary.repayments,
                applications: summary.applications,
                historyEvents: summary.auditEvents,
                historyRequestId: DEMO_REQUEST_ID,
              }
            : {}),
        },
      },
    );
    return { accounts: [...accounts, ...(summary?.accounts ?? [])], business: summary };
  });
  // The history is linked into the audit chain at once, so a fresh platform verifies complete.
  if (loaded) await chainAuditEvents(deps.db);
  return loaded;
}

function systemActor(): Actor {
  return {
    id: 'system',
    name: 'system',
    role: 'city_admin',
    via: 'session',
    districtCode: null,
    institutionId: null,
    enterpriseId: null,
    isEnterpriseAdmin: false,
  };
}

const DISTRICT_NAMES: Record<string, string> = {
  ...Object.fromEntries(DISTRICTS.map((d) => [d.code, d.name])),
  outside: '市外',
};
const DECLARATION_STATE_ZH: Record<string, string> = Object.fromEntries(
  Object.entries(DECLARATION_STATE_NAMES).map(([k, v]) => [k, v.zh]),
);
/** Short stage names for one console line (the full names are APPLICATION_STATUS_ZH). */
const APPLICATION_STATUS_SHORT: Record<ApplicationStatus, string> = {
  submitted: '待县区核查',
  district_returned: '县区退回',
  district_passed: '待市级核实',
  city_returned: '市级退回',
  verified: '待分配',
  awarded: '已安排',
  unfunded: '未安排',
};

/** "蓬江区 2、新会区 2" in the order of `names`. */
function list(counts: Record<string, number>, names: Record<string, string>): string {
  const order = Object.keys(names);
  return Object.entries(counts)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([k, n]) => `${names[k] ?? k} ${n}`)
    .join('、');
}

/** A short Chinese summary of what was loaded, for the start-up console. */
export function describeDemoLoad(load: DemoLoad): string[] {
  const b = load.business;
  if (!b) return ['已载入演示账号与合作机构（未载入业务数据：HUIQI_DEMO_DATA=accounts）。'];
  const total = (m: Record<string, number>) => Object.values(m).reduce((s, n) => s + n, 0);
  return [
    `已载入演示数据：业务记录均经平台业务功能生成（2025 年至 2026 年 11 月的模拟经办历史，审计日志 ${b.auditEvents} 条，请求号 ${DEMO_REQUEST_ID}）。`,
    `  企业 ${b.enterprises.total} 家（${list(b.enterprises.byDistrict, DISTRICT_NAMES)}），其中经营异常名录 ${b.enterprises.abnormalCredit} 家`,
    `  入库申报 ${total(b.declarations)} 件（${list(b.declarations, DECLARATION_STATE_ZH)}），入库项目 ${b.projectNumbers.join('、')}，进展报告 ${b.progressReports} 份`,
    `  “政银保”贷款 ${b.loans} 笔（工商银行江门分行、江门农商银行），还款 ${b.repayments} 期，已付利息 ${formatYuanDisplay(yuanToFen(b.interestPaid))}`,
    `  ${b.campaign.title}：受理期 ${b.campaign.applyFrom} 至 ${b.campaign.applyTo}，预算 ${formatYuanDisplay(yuanToFen(b.campaign.budget))}，申请 ${total(b.applications)} 件（${list(b.applications, APPLICATION_STATUS_SHORT)}）`,
    `  站内通知 ${b.notifications.total} 条（未读 ${b.notifications.unread} 条）`,
  ];
}

/**
 * The start-up console's table of demo accounts: role names in Chinese (never the role's code), and the note that
 * the demo accounts are not forced to change their password or to use a one-time code.
 */
export function describeDemoAccounts(accounts: readonly DemoAccount[]): {
  note: string;
  rows: Array<Record<'用户名' | '角色' | '范围' | '名称', string>>;
} {
  return {
    note: `演示账号（密码均为 ${DEMO_PASSWORD}；演示账号不强制修改密码、免动态口令，仅供体验，不得用于生产）：`,
    rows: accounts.map((a) => ({
      用户名: a.username,
      角色: ROLE_NAMES[a.role as Role]?.zh ?? a.role,
      范围: a.scope,
      名称: a.displayName,
    })),
  };
}
