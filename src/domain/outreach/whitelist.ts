/**
 * 融资服务白名单 (002 三（一）1): the bureau "筛选优质企业纳入融资服务白名单，定期推送至各金融机构". A list is built by
 * filters over what the platform holds of each enterprise and by hand (each entry with its reason), for one period
 * (a quarter by default), and published to the cooperating banks it names. Each bank records its visit (走访对接) per
 * enterprise; coverage per bank and overall is measured against the goal of 二、3.
 */
import { addDays, addMonths, type IsoDate, isoDate, monthOf, yearOf } from '../calendar/dates';
import { citationLabel } from '../policies/core/citation';
import { COVERAGE_GOAL_READING, outreachParam } from './params';

/** The filters the bureau may combine; an unset filter does not restrict. */
export interface WhitelistCriteria {
  /** Only enterprises with a numbered project in the project library (支持中小企业数字化转型项目库). */
  libraryProject: boolean;
  /** Only members of the resource pool. */
  resourcePool: boolean;
  /** Only enterprises in good credit standing (not on the abnormal-operation or serious-dishonesty list). */
  creditGood: boolean;
  /** Only small and medium-sized enterprises. */
  smeOnly: boolean;
  /** Only these districts (empty: the whole city). */
  districts: readonly string[];
  /** Only enterprises assessed at this digital level or above (一级–四级), when the platform holds assessments. */
  minDigitalLevel: number | null;
}

/** What the platform holds of an enterprise, as the filters read it. */
export interface WhitelistFacts {
  enterpriseId: string;
  name: string;
  districtCode: string | null;
  outsideCity: boolean;
  isSme: boolean;
  inResourcePool: boolean;
  creditStatus: 'good' | 'abnormal' | 'dishonest';
  /** Numbers of its projects in the library (JMSZ-…). */
  libraryProjects: readonly string[];
  /** Its digital level (1–4) when an assessment is held, else null. */
  digitalLevel: number | null;
}

export interface FilterVerdict {
  included: boolean;
  /** Why it is on the list (each filter it passed), in Chinese — stored as the entry's reason. */
  reason: string;
  /** The filters it failed, in Chinese. */
  failed: string[];
}

const CREDIT_ZH = { good: '信用良好', abnormal: '列入经营异常名录', dishonest: '列入严重违法失信名单' } as const;
const LEVEL_ZH = ['', '一级', '二级', '三级', '四级'];

/** Every filter evaluated (not the first failure): the reason lists what it passed, `failed` what it did not. */
export function evaluateFilters(
  c: WhitelistCriteria,
  f: WhitelistFacts,
  districtName: (code: string) => string,
): FilterVerdict {
  const passed: string[] = [];
  const failed: string[] = [];
  if (f.outsideCity) failed.push('注册地不在本市');
  if (c.libraryProject) {
    if (f.libraryProjects.length > 0) passed.push(`项目库入库项目 ${f.libraryProjects.join('、')}`);
    else failed.push('没有入库项目');
  }
  if (c.resourcePool) (f.inResourcePool ? passed : failed).push(f.inResourcePool ? '资源池成员' : '不是资源池成员');
  if (c.creditGood) {
    if (f.creditStatus === 'good') passed.push('信用良好');
    else failed.push(CREDIT_ZH[f.creditStatus]);
  }
  if (c.smeOnly) (f.isSme ? passed : failed).push(f.isSme ? '中小企业' : '不是中小企业');
  if (c.districts.length > 0) {
    if (f.districtCode && c.districts.includes(f.districtCode)) passed.push(`属${districtName(f.districtCode)}`);
    else failed.push('不在所选县（市、区）');
  }
  if (c.minDigitalLevel !== null) {
    if (f.digitalLevel === null) failed.push('平台尚无其数字化水平评测结果');
    else if (f.digitalLevel >= c.minDigitalLevel) passed.push(`数字化水平${LEVEL_ZH[f.digitalLevel]}`);
    else failed.push(`数字化水平${LEVEL_ZH[f.digitalLevel]}，低于${LEVEL_ZH[c.minDigitalLevel]}`);
  }
  const anyFilter =
    c.libraryProject ||
    c.resourcePool ||
    c.creditGood ||
    c.smeOnly ||
    c.districts.length > 0 ||
    c.minDigitalLevel !== null;
  const included = anyFilter && failed.length === 0;
  return { included, reason: included ? `按条件筛选：${passed.join('；')}` : '', failed };
}

/** The enterprises the filters take, in the order given (the caller orders by name). */
export function filterEnterprises(
  c: WhitelistCriteria,
  facts: readonly WhitelistFacts[],
  districtName: (code: string) => string,
): { enterpriseId: string; reason: string }[] {
  const out: { enterpriseId: string; reason: string }[] = [];
  for (const f of facts) {
    const v = evaluateFilters(c, f, districtName);
    if (v.included) out.push({ enterpriseId: f.enterpriseId, reason: v.reason });
  }
  return out;
}

// ---------- the push schedule ----------

export interface Period {
  /** e.g. "2026-Q4" */
  code: string;
  labelZh: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/** The push period containing a date (a quarter under the default of 3 months). */
export function periodOf(date: IsoDate): Period {
  const months = outreachParam('pushPeriodMonths', date).value;
  const y = yearOf(date);
  const idx = Math.floor((monthOf(date) - 1) / months);
  const startsOn = isoDate(y, idx * months + 1, 1);
  const endsOn = addDays(addMonths(startsOn, months).date, -1);
  const perYear = 12 / months;
  const code = perYear === 4 ? `${y}-Q${idx + 1}` : `${y}-P${idx + 1}`;
  const labelZh = perYear === 4 ? `${y}年第${'一二三四'[idx]}季度` : `${y}年第${idx + 1}期`;
  return { code, labelZh, startsOn, endsOn };
}

/** When the next list falls due after a published one: the first day of the following period. */
export function nextPushDue(period: Period): IsoDate {
  return addDays(period.endsOn, 1);
}

/** The schedule line shown with a list: its period, the next due date and the clause with its reading. */
export function scheduleNote(period: Period): string {
  const p = outreachParam('pushPeriodMonths', period.startsOn);
  return `${period.labelZh}白名单；下一期应于${nextPushDue(period)}前推送（每${p.value}个月一期，${citationLabel(p.citation)}）`;
}

// ---------- coverage ----------

export interface Coverage {
  entries: number;
  visited: number;
  /** Percent with two places, rounded half up ("90.00"); null when the list is empty. */
  percent: string | null;
  goalPercent: number;
  meetsGoal: boolean;
  explanation: string;
}

/** Coverage of `visited` out of `entries` against the goal of 002 二、3 (above the goal, per `COVERAGE_GOAL_READING`). */
export function coverageOf(entries: number, visited: number, asOf: IsoDate): Coverage {
  const goal = outreachParam('coverageGoalPercent', asOf);
  const label = citationLabel(goal.citation);
  if (entries === 0)
    return {
      entries,
      visited,
      percent: null,
      goalPercent: goal.value,
      meetsGoal: false,
      explanation: '名单为空，无覆盖率',
    };
  const bp = (BigInt(visited) * 20000n + BigInt(entries)) / (2n * BigInt(entries)); // half up, in basis points
  const percent = `${bp / 100n}.${String(bp % 100n).padStart(2, '0')}`;
  const meetsGoal = visited * 100 > goal.value * entries;
  const explanation = `已走访${visited}家，共${entries}家，覆盖率${percent}%，${meetsGoal ? '高于' : '未高于'}目标${goal.value}%（${label}“${goal.citation.quote}”；${COVERAGE_GOAL_READING}）`;
  return { entries, visited, percent, goalPercent: goal.value, meetsGoal, explanation };
}
