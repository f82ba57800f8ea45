/**
 * What a declaration must contain before it can be submitted (a draft may be saved incomplete). These are
 * completeness and consistency checks of the form itself; whether the project qualifies is the policy engine's
 * eligibility check, and whether the files are there is the materials checklist.
 */
import type { IsoDate } from '../calendar/dates';
import { categoryCodes, investmentItemCodes } from './forms';
import { type DeclarationContent, plannedTotalFen } from './model';

export interface FieldProblem {
  /** Dotted path of the field in the declaration contract, e.g. "contracts.0.amount". */
  readonly path: string;
  readonly label: string;
  readonly zh: string;
  readonly en: string;
}

const REQUIRED = { zh: '为必填项', en: 'is required' } as const;

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: '项目名称',
  content: '项目建设内容',
  categories: '建设内容类别',
  siteDistrictCode: '项目实施地点（县市区）',
  siteAddress: '项目实施详细地址',
  startDate: '项目开始日期',
  endDate: '项目结束日期',
  projectStatus: '项目状态',
  investments: '计划投资构成',
  investmentMade: '已完成投资',
  assessmentLevel: '数字化水平评测等级',
  assessmentDate: '数字化水平评测日期',
  hasLoan: '是否已办理“政银保”贷款',
  'loan.bankId': '贷款银行',
  'loan.contractNumber': '贷款合同编号',
  'loan.amount': '贷款金额',
  'loan.disbursedOn': '放款日期',
  'loan.maturityOn': '贷款到期日',
  contracts: '数字化转型服务合同',
};

function p(path: string, zh: string, en: string, label = FIELD_LABELS[path] ?? path): FieldProblem {
  return { path, label, zh, en };
}

/** Everything that stops submission, in form order. Empty = complete. */
export function submissionProblems(d: DeclarationContent, today: IsoDate, ownUscc?: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const req = (path: string) => out.push(p(path, REQUIRED.zh, REQUIRED.en));
  if (!d.name?.trim()) req('name');
  if (!d.content?.trim()) req('content');
  if (d.categories.length === 0) out.push(p('categories', '至少选择一项', 'needs at least one category'));
  const allowed = new Set(categoryCodes(d.form));
  for (const c of d.categories)
    if (!allowed.has(c))
      out.push(p('categories', `含有本表不适用的类别“${c}”`, `has a category not on this form: ${c}`));
  if (!d.siteDistrictCode) req('siteDistrictCode');
  if (!d.siteAddress?.trim()) req('siteAddress');
  if (!d.startDate) req('startDate');
  if (!d.endDate) req('endDate');
  if (d.startDate && d.endDate && d.endDate < d.startDate)
    out.push(p('endDate', '不能早于项目开始日期', 'must not be before the start date'));
  if (!d.projectStatus) req('projectStatus');

  const items = new Set(investmentItemCodes(d.form));
  const seen = new Set<string>();
  d.investments.forEach((l, i) => {
    if (!items.has(l.item))
      out.push(p(`investments.${i}.item`, `“${l.item}”不是本表的投资构成项`, `unknown item ${l.item}`, '投资构成项'));
    if (seen.has(l.item)) out.push(p(`investments.${i}.item`, '重复填写', 'is repeated', '投资构成项'));
    seen.add(l.item);
    if (l.amountFen < 0n) out.push(p(`investments.${i}.amount`, '不能为负数', 'must not be negative', '计划投资金额'));
  });
  const total = plannedTotalFen(d);
  if (total <= 0n) out.push(p('investments', '计划总投资须大于 0', 'the planned total must be positive'));
  if (d.investmentMadeFen === null) req('investmentMade');
  else if (d.investmentMadeFen < 0n) out.push(p('investmentMade', '不能为负数', 'must not be negative'));
  else if (total > 0n && d.investmentMadeFen > total)
    out.push(p('investmentMade', '不能超过计划总投资', 'must not exceed the planned total'));

  if (!d.assessmentLevel) req('assessmentLevel');
  if (!d.assessmentDate) req('assessmentDate');
  else if (d.assessmentDate > today) out.push(p('assessmentDate', '不能晚于今天', 'must not be in the future'));

  if (d.hasLoan) {
    const l = d.loan;
    if (!l?.bankId) req('loan.bankId');
    if (!l?.contractNumber?.trim()) req('loan.contractNumber');
    if (l?.amountFen === null || l?.amountFen === undefined) req('loan.amount');
    else if (l.amountFen <= 0n) out.push(p('loan.amount', '须大于 0', 'must be positive'));
    if (!l?.disbursedOn) req('loan.disbursedOn');
    else if (l.disbursedOn > today) out.push(p('loan.disbursedOn', '不能晚于今天', 'must not be in the future'));
    if (l?.disbursedOn && l.maturityOn && l.maturityOn <= l.disbursedOn)
      out.push(p('loan.maturityOn', '须晚于放款日期', 'must be after the disbursement date'));
  }

  if (d.form === 'manufacturer') {
    if (d.contracts.length === 0)
      out.push(
        p(
          'contracts',
          '至少需要 1 份与数字化服务商签订的数字化转型服务合同（申报指南 四（二））',
          'needs at least one service contract with a digital service provider',
        ),
      );
    const numbers = new Set<string>();
    let leads = 0;
    d.contracts.forEach((c, i) => {
      if (c.amountFen <= 0n) out.push(p(`contracts.${i}.amount`, '须大于 0', 'must be positive', '合同金额'));
      if (ownUscc && c.providerUscc.toUpperCase() === ownUscc.toUpperCase())
        out.push(
          p(
            `contracts.${i}.providerUscc`,
            '不能是申报企业本身',
            'must not be the declaring enterprise',
            '服务商统一社会信用代码',
          ),
        );
      const key = c.contractNumber.trim().toUpperCase();
      if (numbers.has(key)) out.push(p(`contracts.${i}.contractNumber`, '与其他合同重复', 'is repeated', '合同编号'));
      numbers.add(key);
      if (c.startDate && c.endDate && c.endDate < c.startDate)
        out.push(p(`contracts.${i}.endDate`, '不能早于合同开始日期', 'must not be before the start', '合同结束日期'));
      if (c.signedOn > today)
        out.push(p(`contracts.${i}.signedOn`, '不能晚于今天', 'must not be in the future', '签订日期'));
      if (c.isLead) leads++;
    });
    if (leads > 1) out.push(p('contracts', '只能有一个牵头服务商', 'only one contract may lead'));
  } else if (d.contracts.length > 0) {
    out.push(p('contracts', '数字化服务商申报表不填写服务合同', 'service providers do not list service contracts'));
  }
  return out;
}
