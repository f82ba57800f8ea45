/**
 * Bulk import of loans and repayments: the columns of the template, reading rows of cells into typed
 * records, and planning an import against what the database already holds. Pure: the service reads the
 * file and the reference data, this module decides; every problem is reported with its sheet, row, column
 * and a reason in Chinese, and an import with any problem is refused as a whole.
 */
import type { IsoDate } from '../calendar/dates';
import { fenToYuan, isYuanString, yuanToFen } from '../money/money';
import { hasUnstorableText } from '../text/unstorable';
import { LOAN_LIMITS, LOAN_PURPOSES, type LoanPurpose, PURPOSE_RULES, purposeFromText } from './params';
import {
  type LoanField,
  type LoanTerms,
  loanDates,
  type RepaymentDraft,
  type RepaymentField,
  type ScheduleLoan,
  sameLoanTerms,
  sameRepayment,
  validateLoanTerms,
  validateRepayment,
} from './validate';
import { chinaDateOf, type Parsed, parseAnnualRate, parseDateCell, parseDateTimeCell } from './values';

export const LOAN_SHEET = '贷款';
export const REPAYMENT_SHEET = '还款';
export const INSTRUCTIONS_SHEET = '填写说明';
/** Largest number of data rows accepted in one file (both sheets together). */
export const MAX_IMPORT_ROWS = 5000;

export type Cell = string | number | boolean | Date | null;

export interface SheetRows {
  /** Sheet name as shown to users (贷款 / 还款). */
  name: string;
  /** The header row's number in the file (1-based) and its cells. */
  headerRowNo: number;
  header: Cell[];
  rows: { rowNo: number; cells: Cell[] }[];
}

export interface ColumnDef<K extends string> {
  key: K;
  header: string;
  required: boolean;
  example: string;
  note: string;
}

/** The columns of a loan import: the fields of a loan, the project named by its number. */
export type LoanColumn = Exclude<LoanField, 'project'> | 'projectNo';

export type RepaymentColumn = RepaymentField;

export const LOAN_COLUMNS: readonly ColumnDef<LoanColumn>[] = [
  {
    key: 'enterpriseUscc',
    header: '借款企业统一社会信用代码',
    required: true,
    example: '91440703MA4UQK5X4M',
    note: '18 位，须为已在平台登记的企业；系统按 GB 32100-2015 校验位核对',
  },
  {
    key: 'enterpriseName',
    header: '借款企业名称',
    required: false,
    example: '江门市示例智能制造有限公司',
    note: '选填；填写时须与平台登记的名称一致，用于核对信用代码是否填错',
  },
  {
    key: 'contractNo',
    header: '贷款合同编号',
    required: true,
    example: 'JM-ZYB-2024-0001',
    note: '本行唯一；同一合同编号重复导入时内容相同则跳过，内容不同则报错',
  },
  {
    key: 'purpose',
    header: '贷款用途',
    required: true,
    example: PURPOSE_RULES.equipment.zh,
    note: `从下拉列表选择：${LOAN_PURPOSES.map((p) => `${PURPOSE_RULES[p].zh}（期限≤${PURPOSE_RULES[p].maxTermMonths}个月）`).join('、')}`,
  },
  {
    key: 'amount',
    header: '贷款金额（元）',
    required: true,
    example: '5000000.00',
    note: '单位：元，大于 0，最多两位小数',
  },
  {
    key: 'annualRate',
    header: '年利率',
    required: true,
    example: '0.0385',
    note: `小数形式，0.0385 表示 3.85%（也可填 3.85%）；大于 0 且不超过 ${LOAN_LIMITS.maxRate}，最多 ${LOAN_LIMITS.rateDecimals} 位小数`,
  },
  {
    key: 'termMonths',
    header: '贷款期限（月）',
    required: true,
    example: '36',
    note: `${LOAN_LIMITS.minTermMonths}–${LOAN_LIMITS.maxTermMonths} 的整数；设备贷款不超过 ${PURPOSE_RULES.equipment.maxTermMonths} 个月，流动资金贷款不超过 ${PURPOSE_RULES.working_capital.maxTermMonths} 个月`,
  },
  {
    key: 'disbursedAt',
    header: '放款时间',
    required: true,
    example: '2024-03-15 10:30',
    note: '北京时间，精确到分钟，格式 YYYY-MM-DD HH:mm；不能晚于导入时间',
  },
  {
    key: 'coverInstitution',
    header: '保险/担保机构',
    required: true,
    example: '（从下拉列表选择）',
    note: '承保本笔贷款的合作保险公司或融资性担保公司的全称或简称，须为平台登记的机构',
  },
  {
    key: 'projectNo',
    header: '入库项目编号',
    required: false,
    example: '',
    note: '选填；本笔贷款资助的数字化转型入库项目的编号，须为该企业已获编号的项目',
  },
  { key: 'remarks', header: '备注', required: false, example: '', note: '选填，不超过 200 字' },
];

export const REPAYMENT_COLUMNS: readonly ColumnDef<RepaymentColumn>[] = [
  {
    key: 'contractNo',
    header: '贷款合同编号',
    required: true,
    example: 'JM-ZYB-2024-0001',
    note: '须为本行已登记的贷款，或同一文件“贷款”表中的贷款',
  },
  { key: 'periodNo', header: '期次', required: true, example: '1', note: '从 1 开始的整数；同一笔贷款的期次不能重复' },
  {
    key: 'dueDate',
    header: '应还日期',
    required: true,
    example: '2024-04-15',
    note: 'YYYY-MM-DD；不早于放款日、不晚于到期日，且随期次递增',
  },
  { key: 'paidDate', header: '实还日期', required: true, example: '2024-04-15', note: 'YYYY-MM-DD；不能晚于今天' },
  {
    key: 'principalPaid',
    header: '实还本金（元）',
    required: true,
    example: '0.00',
    note: '单位：元，不小于 0；累计不超过贷款金额',
  },
  {
    key: 'interestPaid',
    header: '实还利息（元）',
    required: true,
    example: '16041.67',
    note: '单位：元，不小于 0；只填按合同利率实际支付的正常利息，不含罚息、复利',
  },
];

export interface ImportError {
  sheet: string;
  /** Row number in the file (1-based; the header is row 1 in the template). */
  row: number;
  /** Column header, or null for a problem with the whole row or file. */
  column: string | null;
  reason: string;
  reasonEn: string;
}

/** A problem with a cell (`column` its header) or, with no column, with the whole row; the reason names the column. */
function cellError(sheet: string, row: number, column: string | null, zh: string, en: string): ImportError {
  return {
    sheet,
    row,
    column,
    reason: column === null ? zh : `“${column}”${zh}`,
    reasonEn: column === null ? en : `${column}: ${en}`,
  };
}

/** A row read from the import file: the loan's terms, whose loan it is, and what it names by text. */
export interface ParsedLoanRow extends LoanTerms {
  rowNo: number;
  enterpriseUscc: string;
  enterpriseName: string | null;
  coverInstitution: string;
  projectNo: string | null;
  remarks: string | null;
}

export interface ParsedRepaymentRow extends RepaymentDraft {
  rowNo: number;
  contractNo: string;
}

function normHeader(c: Cell): string {
  return cellText(c)
    .replace(/^[*＊]/, '')
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

/** The text of a cell, trimmed; numbers without exponent noise; dates as YYYY-MM-DD HH:mm:ss (UTC fields). */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof c === 'number') return Number.isFinite(c) ? String(Number(c.toFixed(8))) : '';
  return String(c).trim();
}

function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

/** Which kind of sheet a header row belongs to (for CSV files, which hold one kind each). */
export function detectSheetKind(header: readonly Cell[]): 'loans' | 'repayments' | null {
  const h = new Set(header.map(normHeader));
  if (h.has(normHeader('期次')) && h.has(normHeader('实还利息（元）'))) return 'repayments';
  if (h.has(normHeader('贷款金额（元）')) || h.has(normHeader('借款企业统一社会信用代码'))) return 'loans';
  return null;
}

function mapHeader<K extends string>(
  sheet: SheetRows,
  columns: readonly ColumnDef<K>[],
  errors: ImportError[],
): Map<K, number> | null {
  const found = new Map<K, number>();
  const before = errors.length;
  const names = sheet.header.map(normHeader);
  for (const col of columns) {
    const idx = names.indexOf(normHeader(col.header));
    if (idx >= 0) found.set(col.key, idx);
    else if (col.required) {
      errors.push({
        sheet: sheet.name,
        row: sheet.headerRowNo,
        column: col.header,
        reason: `缺少必填列“${col.header}”，请使用平台下载的导入模板`,
        reasonEn: `missing the required column "${col.header}"; use the downloaded template`,
      });
    }
  }
  return errors.length > before ? null : found;
}

class RowReader<K extends string> {
  constructor(
    private readonly sheet: SheetRows,
    private readonly columns: readonly ColumnDef<K>[],
    private readonly map: Map<K, number>,
    private readonly rowNo: number,
    private readonly cells: readonly Cell[],
    private readonly errors: ImportError[],
  ) {}
  ok = true;

  header(key: K): string {
    return this.columns.find((c) => c.key === key)!.header;
  }

  raw(key: K): Cell {
    const idx = this.map.get(key);
    return idx === undefined ? null : (this.cells[idx] ?? null);
  }

  fail(key: K | null, zh: string, en: string): void {
    this.ok = false;
    this.errors.push(cellError(this.sheet.name, this.rowNo, key === null ? null : this.header(key), zh, en));
  }

  text(key: K, required: boolean, max = 200): string | null {
    const t = cellText(this.raw(key));
    if (!t) {
      if (required) this.fail(key, '为必填项', 'is required');
      return null;
    }
    if (hasUnstorableText(t)) {
      this.fail(
        key,
        '含有无法保存的字符（空字符或残缺的字符编码），请在表格中删除后重新导入',
        'contains a character that cannot be stored (NUL or a broken character code)',
      );
      return null;
    }
    if (t.length > max) {
      this.fail(key, `不能超过 ${max} 个字符`, `must be at most ${max} characters`);
      return null;
    }
    return t;
  }

  parsed<T>(key: K, f: (c: string | Date) => Parsed<T>): T | null {
    const c = this.raw(key);
    if (cellText(c) === '') {
      this.fail(key, '为必填项', 'is required');
      return null;
    }
    const r = f(c instanceof Date ? c : cellText(c));
    if (!r.ok) {
      this.fail(key, r.zh.startsWith('“') ? `：${r.zh}` : r.zh, r.en);
      return null;
    }
    return r.value;
  }

  yuan(key: K): bigint | null {
    const c = this.raw(key);
    if (cellText(c) === '') {
      this.fail(key, '为必填项', 'is required');
      return null;
    }
    const t = cellText(c)
      .replace(/^[¥￥]/, '')
      .replace(/元$/, '')
      .replace(/,/g, '');
    if (!isYuanString(t)) {
      this.fail(
        key,
        `：“${cellText(c)}”不是有效金额，应为以元为单位、最多两位小数的数字，如 5000000.00`,
        `"${cellText(c)}" is not an amount in yuan with at most two decimals`,
      );
      return null;
    }
    return yuanToFen(t);
  }

  int(key: K, min: number, max: number): number | null {
    const c = this.raw(key);
    const t = cellText(c);
    if (t === '') {
      this.fail(key, '为必填项', 'is required');
      return null;
    }
    if (!/^\d{1,4}$/.test(t) || Number(t) < min || Number(t) > max) {
      this.fail(key, `：“${t}”应为 ${min} 到 ${max} 之间的整数`, `"${t}" must be a whole number ${min}–${max}`);
      return null;
    }
    return Number(t);
  }
}

function readRows<K extends string, T>(
  sheet: SheetRows,
  columns: readonly ColumnDef<K>[],
  errors: ImportError[],
  read: (r: RowReader<K>, rowNo: number) => T | null,
): T[] {
  const map = mapHeader(sheet, columns, errors);
  if (!map) return [];
  const out: T[] = [];
  for (const { rowNo, cells } of sheet.rows) {
    if (isBlank(cells)) continue;
    const reader = new RowReader(sheet, columns, map, rowNo, cells, errors);
    const v = read(reader, rowNo);
    if (v && reader.ok) out.push(v);
  }
  return out;
}

export function parseLoanSheet(sheet: SheetRows, errors: ImportError[]): ParsedLoanRow[] {
  return readRows(sheet, LOAN_COLUMNS, errors, (r, rowNo) => {
    const enterpriseUscc = r.text('enterpriseUscc', true, 40);
    const enterpriseName = r.text('enterpriseName', false, 100);
    const contractNo = r.text('contractNo', true, LOAN_LIMITS.contractNoMaxLength);
    const purposeText = r.text('purpose', true, 40);
    let purpose: LoanPurpose | null = null;
    if (purposeText !== null) {
      purpose = purposeFromText(purposeText);
      if (!purpose) {
        r.fail(
          'purpose',
          `：“${purposeText}”应为以下之一：${LOAN_PURPOSES.map((p) => PURPOSE_RULES[p].zh).join('、')}`,
          `"${purposeText}" must be one of ${LOAN_PURPOSES.join(', ')}`,
        );
      }
    }
    const amountFen = r.yuan('amount');
    const annualRate = r.parsed('annualRate', (c) =>
      typeof c === 'string' ? parseAnnualRate(c, { allowPercent: true }) : { ok: false, zh: '应为小数', en: 'decimal' },
    );
    const termMonths = r.int('termMonths', LOAN_LIMITS.minTermMonths, LOAN_LIMITS.maxTermMonths);
    const disbursedAt = r.parsed('disbursedAt', parseDateTimeCell);
    const coverInstitution = r.text('coverInstitution', true, 100);
    const projectNo = r.text('projectNo', false, 64);
    const remarks = r.text('remarks', false, 200);
    if (
      !enterpriseUscc ||
      !contractNo ||
      !purpose ||
      amountFen === null ||
      !annualRate ||
      termMonths === null ||
      !disbursedAt ||
      !coverInstitution
    ) {
      return null;
    }
    return {
      rowNo,
      enterpriseUscc,
      enterpriseName,
      contractNo,
      purpose,
      amountFen,
      annualRate,
      termMonths,
      disbursedAt,
      coverInstitution,
      projectNo,
      remarks,
    };
  });
}

export function parseRepaymentSheet(sheet: SheetRows, errors: ImportError[]): ParsedRepaymentRow[] {
  return readRows(sheet, REPAYMENT_COLUMNS, errors, (r, rowNo) => {
    const contractNo = r.text('contractNo', true, LOAN_LIMITS.contractNoMaxLength);
    const periodNo = r.int('periodNo', 1, LOAN_LIMITS.maxPeriodNo);
    const dueDate = r.parsed('dueDate', parseDateCell);
    const paidDate = r.parsed('paidDate', parseDateCell);
    const principalFen = r.yuan('principalPaid');
    const interestFen = r.yuan('interestPaid');
    if (!contractNo || periodNo === null || !dueDate || !paidDate || principalFen === null || interestFen === null) {
      return null;
    }
    return { rowNo, contractNo, periodNo, dueDate, paidDate, principalFen, interestFen };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Planning: decide, row by row, what an import would create, what it already holds, and what is wrong.

export interface KnownEnterprise {
  id: string;
  name: string;
}

/** The full names of the registered insurers and guarantors, for a message that says what may be written. */
function knownCoverNames(refs: ImportRefs): string {
  const names = [...new Set([...refs.covers.values()].map((c) => c.name))];
  return names.length > 0 ? names.join('、') : '（平台尚未登记合作保险/担保机构）';
}

export interface KnownCover {
  id: string;
  kind: 'insurer' | 'guarantor';
  name: string;
}

export interface KnownProject {
  id: string;
  enterpriseId: string;
  /** The project has its library number (入库编号) — only numbered projects can be financed. */
  numbered: boolean;
}

export interface ExistingLoan extends LoanTerms, ScheduleLoan {
  id: string;
  enterpriseId: string;
  coverInstitutionId: string;
  projectId: string | null;
  repayments: RepaymentDraft[];
}

export interface ImportRefs {
  /** Enterprises by normalised credit code; absent = not registered. */
  enterprises: ReadonlyMap<string, KnownEnterprise>;
  /** Result of checking a code with GB 32100-2015; null when valid. */
  usccProblem: (code: string) => { zh: string; en: string } | null;
  normalizeUscc: (code: string) => string;
  /** Cover institutions by full name and by short name. Non-insurers are absent. */
  covers: ReadonlyMap<string, KnownCover>;
  /** Institutions of another kind by name, to say why they cannot cover a loan. */
  otherInstitutions: ReadonlySet<string>;
  projects: ReadonlyMap<string, KnownProject>;
  /** Whether the platform has a project library at all (else a project number cannot be checked). */
  projectsAvailable: boolean;
  /** This bank's existing loans by contract number, with their repayments. */
  existingLoans: ReadonlyMap<string, ExistingLoan>;
}

export interface PlannedLoan {
  rowNo: number;
  contractNo: string;
  enterpriseId: string;
  coverInstitutionId: string;
  coverKind: 'insurer' | 'guarantor';
  projectId: string | null;
  purpose: LoanPurpose;
  amountFen: bigint;
  annualRate: string;
  termMonths: number;
  disbursedAt: Date;
  disbursedOn: IsoDate;
  maturityDate: IsoDate;
  remarks: string | null;
}

export interface PlannedRepayment extends RepaymentDraft {
  rowNo: number;
  contractNo: string;
  /** Set when the loan already exists; otherwise the loan is created by the same import. */
  loanId: string | null;
}

export interface ImportPlan {
  errors: ImportError[];
  loansToCreate: PlannedLoan[];
  repaymentsToCreate: PlannedRepayment[];
  loansUnchanged: number;
  repaymentsUnchanged: number;
}

const LOAN_FIELD_COLUMN: Record<LoanField, LoanColumn> = {
  enterpriseUscc: 'enterpriseUscc',
  enterpriseName: 'enterpriseName',
  contractNo: 'contractNo',
  purpose: 'purpose',
  amount: 'amount',
  annualRate: 'annualRate',
  termMonths: 'termMonths',
  disbursedAt: 'disbursedAt',
  coverInstitution: 'coverInstitution',
  project: 'projectNo',
  remarks: 'remarks',
};

function loanHeader(key: LoanColumn): string {
  return LOAN_COLUMNS.find((c) => c.key === key)!.header;
}

function repaymentHeader(key: RepaymentColumn): string {
  return REPAYMENT_COLUMNS.find((c) => c.key === key)!.header;
}

function normName(s: string): string {
  return s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/**
 * Plans an import. `now` is the import instant (disbursement must not be later; repayments not after
 * today in China time). Rows already in the database with identical content count as unchanged; rows that
 * share a natural key (bank + contract number; loan + period) but differ are errors.
 */
export function planImport(
  loanRows: readonly ParsedLoanRow[],
  repaymentRows: readonly ParsedRepaymentRow[],
  refs: ImportRefs,
  now: Date,
  parseErrors: readonly ImportError[] = [],
): ImportPlan {
  const errors: ImportError[] = [...parseErrors];
  const loansToCreate: PlannedLoan[] = [];
  let loansUnchanged = 0;
  const seenContracts = new Map<string, number>();
  /** Schedules of loans that exist or will be created by this file, keyed by contract number. */
  const schedules = new Map<string, { loan: ScheduleLoan; repayments: RepaymentDraft[]; loanId: string | null }>();
  for (const [contractNo, l] of refs.existingLoans) {
    schedules.set(contractNo, { loan: l, repayments: [...l.repayments], loanId: l.id });
  }

  for (const row of loanRows) {
    const err = (field: LoanColumn, zh: string, en: string) =>
      errors.push(cellError(LOAN_SHEET, row.rowNo, loanHeader(field), zh, en));
    const before = errors.length;
    const first = seenContracts.get(row.contractNo);
    if (first !== undefined) {
      err('contractNo', `“${row.contractNo}”与第 ${first} 行重复`, `"${row.contractNo}" repeats row ${first}`);
      continue;
    }
    seenContracts.set(row.contractNo, row.rowNo);

    let enterprise: KnownEnterprise | undefined;
    const usccProblem = refs.usccProblem(row.enterpriseUscc);
    if (usccProblem) err('enterpriseUscc', `：${usccProblem.zh}`, usccProblem.en);
    else {
      const code = refs.normalizeUscc(row.enterpriseUscc);
      enterprise = refs.enterprises.get(code);
      if (!enterprise) {
        err(
          'enterpriseUscc',
          `：统一社会信用代码为 ${code} 的企业未在平台登记，请企业先完成注册`,
          `no enterprise with code ${code} is registered`,
        );
      } else if (row.enterpriseName && normName(row.enterpriseName) !== normName(enterprise.name)) {
        err(
          'enterpriseName',
          `“${row.enterpriseName}”与平台登记的名称“${enterprise.name}”不一致，请核对信用代码`,
          `does not match the registered name "${enterprise.name}"`,
        );
      }
    }
    const cover = refs.covers.get(row.coverInstitution);
    if (!cover) {
      err(
        'coverInstitution',
        refs.otherInstitutions.has(row.coverInstitution)
          ? `：“${row.coverInstitution}”不是保险公司或融资性担保公司`
          : `：未找到名为“${row.coverInstitution}”的合作保险/担保机构，请填写平台登记的机构名称：${knownCoverNames(refs)}`,
        `"${row.coverInstitution}" is not a registered insurer or guarantor`,
      );
    }
    let projectId: string | null = null;
    if (row.projectNo) {
      const p = refs.projects.get(row.projectNo);
      if (!refs.projectsAvailable) {
        err('projectNo', '：平台项目库尚未启用，暂不能关联项目，请留空', 'the project library is not available');
      } else if (!p) {
        err('projectNo', `：未找到编号为“${row.projectNo}”的入库项目`, `no library project "${row.projectNo}"`);
      } else if (!p.numbered) {
        err('projectNo', `：项目“${row.projectNo}”尚未通过入库核实获得编号`, 'the project is not numbered yet');
      } else if (enterprise && p.enterpriseId !== enterprise.id) {
        err('projectNo', `：项目“${row.projectNo}”不属于该借款企业`, 'the project belongs to another enterprise');
      } else projectId = p.id;
    }
    const terms: LoanTerms = {
      contractNo: row.contractNo,
      purpose: row.purpose,
      amountFen: row.amountFen,
      annualRate: row.annualRate,
      termMonths: row.termMonths,
      disbursedAt: row.disbursedAt,
    };
    for (const p of validateLoanTerms(terms, now)) err(LOAN_FIELD_COLUMN[p.field], p.zh, p.en);
    if (errors.length > before || !enterprise || !cover) continue;

    const existing = refs.existingLoans.get(row.contractNo);
    if (existing) {
      const same =
        sameLoanTerms(existing, terms) &&
        existing.enterpriseId === enterprise.id &&
        existing.coverInstitutionId === cover.id &&
        (existing.projectId === projectId || (projectId === null && !row.projectNo));
      if (same) loansUnchanged++;
      else {
        err(
          'contractNo',
          `：本行已登记合同编号为“${row.contractNo}”的贷款，但内容与本行数据不一致；已登记的贷款不能通过导入修改`,
          `a loan with contract number "${row.contractNo}" exists with different content`,
        );
      }
      continue;
    }
    const dates = loanDates(row.disbursedAt, row.termMonths);
    const planned: PlannedLoan = {
      rowNo: row.rowNo,
      contractNo: row.contractNo,
      enterpriseId: enterprise.id,
      coverInstitutionId: cover.id,
      coverKind: cover.kind,
      projectId,
      purpose: row.purpose,
      amountFen: row.amountFen,
      annualRate: row.annualRate,
      termMonths: row.termMonths,
      disbursedAt: row.disbursedAt,
      remarks: row.remarks,
      ...dates,
    };
    loansToCreate.push(planned);
    schedules.set(row.contractNo, {
      loan: { amountFen: planned.amountFen, annualRate: planned.annualRate, ...dates },
      repayments: [],
      loanId: null,
    });
  }

  const repaymentsToCreate: PlannedRepayment[] = [];
  let repaymentsUnchanged = 0;
  const seenPeriods = new Map<string, number>();
  const today = chinaDateOf(now);
  // Check periods in period order per loan, so "due dates rise with the period" reads naturally.
  const ordered = [...repaymentRows].sort((a, b) =>
    a.contractNo === b.contractNo ? a.periodNo - b.periodNo || a.rowNo - b.rowNo : a.rowNo - b.rowNo,
  );
  for (const row of ordered) {
    const err = (field: RepaymentColumn, zh: string, en: string) =>
      errors.push(cellError(REPAYMENT_SHEET, row.rowNo, repaymentHeader(field), zh, en));
    const key = `${row.contractNo}\u0000${row.periodNo}`;
    const first = seenPeriods.get(key);
    if (first !== undefined) {
      err('periodNo', `：合同“${row.contractNo}”第 ${row.periodNo} 期与第 ${first} 行重复`, `repeats row ${first}`);
      continue;
    }
    seenPeriods.set(key, row.rowNo);
    const sched = schedules.get(row.contractNo);
    if (!sched) {
      const inFile = seenContracts.has(row.contractNo);
      err(
        'contractNo',
        inFile
          ? `：合同“${row.contractNo}”所在的贷款行有错误，请先更正该贷款行`
          : `：本行没有合同编号为“${row.contractNo}”的贷款，请先登记贷款或在“贷款”表中一并导入`,
        `no loan with contract number "${row.contractNo}"`,
      );
      continue;
    }
    const draft: RepaymentDraft = {
      periodNo: row.periodNo,
      dueDate: row.dueDate,
      paidDate: row.paidDate,
      principalFen: row.principalFen,
      interestFen: row.interestFen,
    };
    const existing = sched.repayments.find((p) => p.periodNo === row.periodNo);
    if (existing) {
      if (sameRepayment(existing, draft)) repaymentsUnchanged++;
      else {
        err(
          'periodNo',
          `：合同“${row.contractNo}”第 ${row.periodNo} 期已登记，但内容与本行数据不一致（已登记：应还 ${existing.dueDate}，` +
            `实还 ${existing.paidDate}，本金 ${fenToYuan(existing.principalFen)} 元，利息 ${fenToYuan(existing.interestFen)} 元）`,
          `period ${row.periodNo} of "${row.contractNo}" exists with different content`,
        );
      }
      continue;
    }
    const problems = validateRepayment(sched.loan, sched.repayments, draft, today);
    for (const p of problems) err(p.field, `：${p.zh}`, p.en);
    if (problems.length) continue;
    sched.repayments.push(draft);
    repaymentsToCreate.push({ ...draft, rowNo: row.rowNo, contractNo: row.contractNo, loanId: sched.loanId });
  }

  errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === LOAN_SHEET ? -1 : 1));
  return { errors, loansToCreate, repaymentsToCreate, loansUnchanged, repaymentsUnchanged };
}
