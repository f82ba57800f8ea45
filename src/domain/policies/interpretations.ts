/**
 * The register of interpretations (解释口径): every place where a text admits more than one reading is named here
 * with its options and the reading the platform uses by default (the literal one where there is one). The bureau
 * records rulings — which option, under which notice, for decisions from which date on — and the engine reads the
 * ruling in force on the decision date, so a trace names the reading and the ruling it followed.
 *
 * An interpretation the engine does not switch on yet (`engineSwitches: false`) is listed with the reading applied,
 * so readers see it; a ruling on it cannot be recorded until the engine can follow it (that is a release).
 */
import { type Citation, cite } from './core/citation';

export interface InterpretationOption {
  readonly id: string;
  readonly label: string;
}

export interface Interpretation {
  readonly id: string;
  /** The policy whose text is read. */
  readonly policyId: string;
  readonly title: string;
  /** The clause that admits several readings (its quoted words). */
  readonly citation: Citation;
  /** The question the clause leaves open. */
  readonly question: string;
  readonly options: readonly InterpretationOption[];
  /** The reading used when no ruling applies. */
  readonly defaultOption: string;
  /** Why the default is the default. */
  readonly defaultReason: string;
  /** True when the engine follows a ruling on it; false: documented only. */
  readonly engineSwitches: boolean;
}

/** A ruling of the bureau, approved by a second person (maker–checker); only approved rulings reach the engine. */
export interface InterpretationRuling {
  readonly id: string;
  readonly interpretationId: string;
  readonly option: string;
  /** Decisions dated from this day on follow the ruling. */
  readonly effectiveFrom: string;
  /** The notice (文号) that announced the ruling. */
  readonly notice: string;
  readonly noticeDate: string;
  /** ISO timestamp of approval: the later of two rulings from the same day wins. */
  readonly approvedAt: string;
}

/** The reading applied to one decision, with the ruling it followed (null: the platform's default). */
export interface AppliedReading {
  readonly interpretationId: string;
  readonly title: string;
  readonly citation: Citation;
  readonly option: string;
  readonly optionLabel: string;
  readonly isDefault: boolean;
  readonly ruling: InterpretationRuling | null;
}

const opt = (id: string, label: string): InterpretationOption => ({ id, label });

/** 001 三（三） "不能超过6个自然月": to the exact day (month-end clamped) or by calendar month. */
export const LOAN_GAP_READING = 'zyb.loan_gap_months';
/** 001 三（四）: a partial overlap whose extension days are themselves holidays. */
export const WINDOW_EXTENSION_READING = 'zyb.window_extension_in_holiday';
/** 000 第五条 "企业第一年": the subsidy year counted per loan or per enterprise. */
export const FIRST_YEAR_READING = 'zyb.first_year_subject';
/** 004 措施13 "支持额度不低于100万元": the measure's budget or a floor per award. */
export const MEASURE13_FLOOR_READING = 'iifund.measure13_floor';
/** Ties in a ranking: submission time, then id. */
export const RANKING_TIES_READING = 'ranking.ties';

const LIST: readonly Interpretation[] = [
  {
    id: LOAN_GAP_READING,
    policyId: 'zyb.interest',
    title: '放款与入库申报“不能超过6个自然月”的计算',
    citation: cite('001', ['三、', '（三）'], '时间差距不能超过6个自然月'),
    question: '6个自然月按日计算（至对应日，月末对齐），还是按自然月计算（8月放款、次年2月申报即符合）？',
    options: [
      opt('exact_day', '按日计算：自较早日期起6个月的对应日为止（无对应日的取当月末日）'),
      opt('calendar_month', '按自然月计算：两个日期所在月份相差不超过6个月'),
    ],
    defaultOption: 'exact_day',
    defaultReason: '按日计算更严格，是条文最直接的读法',
    engineSwitches: true,
  },
  {
    id: WINDOW_EXTENSION_READING,
    policyId: 'zyb.interest',
    title: '部分重复时延长的日期仍在节假日内',
    citation: cite('001', ['三、', '（四）'], '如遇节假日与入库申报日期有部分重复，则延长重复部分的时间'),
    question: '申报窗口因节假日部分重复而延长，延长的日期本身仍在假期内（如2024年9月、2026年2月）时，是否继续顺延？',
    options: [
      opt('calendar_days', '按条文延长相应天数，不再顺延（另行通知处理，系统标注“延长日仍在假期内”）'),
      opt('working_days', '延长的日期遇节假日继续顺延，至假期后的相应工作日'),
    ],
    defaultOption: 'calendar_days',
    defaultReason: '条文只规定“相应延长”，未规定再次顺延',
    engineSwitches: true,
  },
  {
    id: FIRST_YEAR_READING,
    policyId: 'zyb.interest',
    title: '“企业第一年”的年度按企业还是按贷款计算',
    citation: cite('000', ['第五条'], '企业第一年获得的补助'),
    question: '贴息比例每年递减时，第一年按企业首次获得贴息的年度计算，还是按每笔贷款首次获得贴息的年度计算？',
    options: [
      opt('per_loan', '按贷款计算：每笔贷款首次获得本贴息的年度为第一年'),
      opt('per_enterprise', '按企业计算：企业首次获得本贴息的年度为第一年'),
    ],
    defaultOption: 'per_enterprise',
    defaultReason: '条文的主语是企业（“企业第一年获得的补助”），取字面含义；市局可裁定按贷款计算，自裁定之日起适用',
    engineSwitches: true,
  },
  {
    id: 'zyb.annual_decrement_points',
    policyId: 'zyb.interest',
    title: '“每年递减10%”的含义',
    citation: cite('000', ['第五条'], '该比例每年递减10%'),
    question: '每年递减10%是减少10个百分点（90%、80%、70%），还是在上一年比例上再乘以90%？',
    options: [opt('percentage_points', '每年递减10个百分点'), opt('relative', '每年为上一年比例的90%')],
    defaultOption: 'percentage_points',
    defaultReason: '与“第一年90%”并列表述，按百分点递减',
    engineSwitches: false,
  },
  {
    id: MEASURE13_FLOOR_READING,
    policyId: 'measures2023',
    title: '措施13“支持额度不低于100万元”的含义',
    citation: cite('004', ['四、', '13.'], '支持额度不低于100万元'),
    question: '100万元是每个获支持项目的最低金额，还是该措施的资金总额下限？',
    options: [opt('measure_budget', '该措施的资金总额下限'), opt('award_floor', '每个获支持项目的最低金额')],
    defaultOption: 'measure_budget',
    defaultReason: '条文未写明“每个项目”，平台不据此给出单个企业的金额',
    engineSwitches: true,
  },
  {
    id: RANKING_TIES_READING,
    policyId: 'zyb.interest',
    title: '排序中的并列',
    citation: cite('001', ['六、', '（四）'], '若数字化转型项目入库申报的月份相同'),
    question: '按申报先后分配资金时，同一时刻提交的申请如何排序？',
    options: [opt('submitted_then_id', '先按提交时间，再按申请编号'), opt('id_only', '只按申请编号（不看提交时间）')],
    defaultOption: 'submitted_then_id',
    defaultReason: '条文未规定并列的处理，平台用可复核的固定顺序',
    engineSwitches: true,
  },
];

export const INTERPRETATIONS: ReadonlyMap<string, Interpretation> = new Map(LIST.map((i) => [i.id, i]));

/** Every interpretation in the register's order. */
export function listInterpretations(): readonly Interpretation[] {
  return LIST;
}

/** The approved ruling in force on `day`: the latest effective date, then the latest approval. */
export function rulingOn(
  rulings: readonly InterpretationRuling[],
  interpretationId: string,
  day: string,
): InterpretationRuling | null {
  let best: InterpretationRuling | null = null;
  for (const r of rulings) {
    if (r.interpretationId !== interpretationId || r.effectiveFrom > day) continue;
    if (
      !best ||
      r.effectiveFrom > best.effectiveFrom ||
      (r.effectiveFrom === best.effectiveFrom && r.approvedAt > best.approvedAt)
    )
      best = r;
  }
  return best;
}

/** The reading of an interpretation applied to a decision dated `day`. */
export function readingOn(
  rulings: readonly InterpretationRuling[],
  interpretationId: string,
  day: string,
): AppliedReading {
  const i = INTERPRETATIONS.get(interpretationId);
  if (!i) throw new Error(`unknown interpretation ${interpretationId}`);
  const ruling = i.engineSwitches ? rulingOn(rulings, interpretationId, day) : null;
  const option = ruling?.option ?? i.defaultOption;
  return {
    interpretationId: i.id,
    title: i.title,
    citation: i.citation,
    option,
    optionLabel: i.options.find((o) => o.id === option)?.label ?? option,
    isDefault: ruling === null,
    ruling,
  };
}

/** Why a ruling cannot be recorded, or null when it can. */
export function rulingRefusal(interpretationId: string, option: string): string | null {
  const i = INTERPRETATIONS.get(interpretationId);
  if (!i) return `没有名为“${interpretationId}”的解释口径`;
  if (!i.options.some((o) => o.id === option))
    return `“${i.title}”没有“${option}”这一读法，可选：${i.options.map((o) => o.id).join('、')}`;
  if (!i.engineSwitches) return `“${i.title}”的裁定尚未接入计算引擎，暂不能登记（须发布新版本）`;
  return null;
}

/** "解释口径：…——按…（依…裁定，自…起）" for traces and condition messages. */
export function readingSentence(r: AppliedReading): string {
  const basis = r.ruling
    ? `依${r.ruling.notice}裁定，自${r.ruling.effectiveFrom}起适用`
    : '平台默认读法，市工业和信息化局尚未裁定';
  return `解释口径“${r.title}”：${r.optionLabel}（${basis}）`;
}
