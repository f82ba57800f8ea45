/**
 * The materials checklist of each form (申报指南 四（一）for manufacturers per 附件3, 五（一）for service providers
 * per 附件4). Files are uploaded as attachments of the declaration, each with its checklist code as its kind;
 * the service contracts are satisfied by the file attached to every contract (四（二）"相关合同应附在入库申报材料").
 */
import type { DeclarationForm } from './forms';
import type { DeclarationContent } from './model';

export type MaterialRequirement = 'required' | 'if_loan' | 'optional';

export interface MaterialItem {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly requirement: MaterialRequirement;
  /** Satisfied by the contracts' signed files rather than by uploads of this kind. */
  readonly fromContracts?: boolean;
  readonly citation: string;
}

const M = '申报指南 四（一）';
const S = '申报指南 五（一）';

/** The kinds of material, each named once; the forms differ in which they ask for, how strictly, and where. */
const KINDS = {
  cover: { zh: '封面', en: 'Cover' },
  declaration_form: { zh: '入库申报表', en: 'Declaration form' },
  business_licence: { zh: '营业执照', en: 'Business licence' },
  credit_report: { zh: '信用中国网信用报告', en: 'Credit China report' },
  digital_assessment: { zh: '工信部中小企业数字化水平评测指标评测结果', en: 'Digital-level assessment result' },
  service_contract: { zh: '与数字化服务商签订的数字化转型服务合同', en: 'Digital-transformation service contracts' },
  construction_plan: { zh: '数字化转型项目建设方案', en: 'Construction plan' },
  project_approval: { zh: '数字化转型项目立项证明资料', en: 'Project-approval proof' },
  loan_contract: { zh: '“政银保”贷款合同（如已办理）', en: 'Loan contract (if granted)' },
  other: { zh: '其他补充材料', en: 'Other supporting material' },
} as const;

const item = (
  code: keyof typeof KINDS,
  requirement: MaterialRequirement,
  citation: string,
  fromContracts?: true,
): MaterialItem => ({ code, ...KINDS[code], requirement, ...(fromContracts ? { fromContracts } : {}), citation });

export const MATERIALS: Readonly<Record<DeclarationForm, readonly MaterialItem[]>> = {
  manufacturer: [
    item('cover', 'required', M),
    item('declaration_form', 'required', M),
    item('business_licence', 'required', M),
    item('credit_report', 'required', M),
    item('digital_assessment', 'required', M),
    item('service_contract', 'required', '申报指南 四（一）（二）', true),
    item('construction_plan', 'required', M),
    item('loan_contract', 'if_loan', M),
    item('other', 'optional', M),
  ],
  service_provider: [
    item('cover', 'required', S),
    item('declaration_form', 'required', S),
    item('business_licence', 'required', S),
    item('credit_report', 'required', S),
    item('digital_assessment', 'required', S),
    item('project_approval', 'required', S),
    item('loan_contract', 'if_loan', S),
    item('construction_plan', 'optional', S),
    item('other', 'optional', S),
  ],
};

/** Every attachment kind a declaration accepts (checklist codes of both forms). */
export const DECLARATION_MATERIAL_KINDS: readonly string[] = [
  ...new Set([...MATERIALS.manufacturer, ...MATERIALS.service_provider].map((m) => m.code)),
];

export function materialItem(form: DeclarationForm, code: string): MaterialItem | undefined {
  return MATERIALS[form].find((m) => m.code === code);
}

export interface ChecklistLine {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly requirement: MaterialRequirement;
  /** Required for this declaration (required, or if_loan with a loan). */
  readonly needed: boolean;
  readonly fileCount: number;
  readonly satisfied: boolean;
  /** For the contracts line: which contracts still lack their signed file. */
  readonly missingContracts?: readonly string[];
  readonly citation: string;
}

export interface ChecklistResult {
  readonly lines: readonly ChecklistLine[];
  readonly complete: boolean;
  readonly missing: readonly ChecklistLine[];
}

/**
 * Evaluates the checklist. `fileCounts` counts the declaration's attachments by kind; contracts must each carry
 * their signed file, and a manufacturer needs at least one contract.
 */
export function evaluateChecklist(
  d: Pick<DeclarationContent, 'form' | 'hasLoan' | 'contracts'>,
  fileCounts: Readonly<Record<string, number>>,
): ChecklistResult {
  const lines: ChecklistLine[] = MATERIALS[d.form].map((m) => {
    const needed = m.requirement === 'required' || (m.requirement === 'if_loan' && d.hasLoan);
    if (m.fromContracts) {
      const missingContracts = d.contracts
        .filter((c) => !c.attachmentId)
        .map((c) => c.contractNumber || c.providerName || '未命名合同');
      const fileCount = d.contracts.filter((c) => !!c.attachmentId).length;
      const satisfied = d.contracts.length > 0 && missingContracts.length === 0;
      return { ...pick(m), needed, fileCount, satisfied: satisfied || !needed, missingContracts };
    }
    const fileCount = fileCounts[m.code] ?? 0;
    return { ...pick(m), needed, fileCount, satisfied: !needed || fileCount > 0 };
  });
  const missing = lines.filter((l) => l.needed && !l.satisfied);
  return { lines, complete: missing.length === 0, missing };
}

function pick(m: MaterialItem) {
  return { code: m.code, zh: m.zh, en: m.en, requirement: m.requirement, citation: m.citation };
}

/** "缺少材料：营业执照、信用中国网信用报告" */
export function missingMaterialsMessage(missing: readonly ChecklistLine[]): { zh: string; en: string } {
  const zh = missing
    .map((l) =>
      l.missingContracts && l.missingContracts.length > 0
        ? `${l.zh}（合同 ${l.missingContracts.join('、')} 未上传签署文本）`
        : l.zh,
    )
    .join('、');
  return {
    zh: `申报材料不齐全，缺少：${zh}`,
    en: `Materials incomplete; missing: ${missing.map((l) => l.en).join(', ')}`,
  };
}
