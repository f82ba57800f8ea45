/**
 * The two declaration forms of the project library (申报指南 四、五; 附件3 方向一：制造业企业, 附件4 方向二：数字化服务商):
 * what a project may contain (its category within the digital-transformation scope), how its planned
 * investment is itemised, the project states the guide admits, and the digital-level self-assessment levels.
 *
 * Codes are stable API values; every list carries the clause it comes from.
 */
import { codesOf, zhEnNames } from '../text/codes';

export const DECLARATION_FORMS = ['manufacturer', 'service_provider'] as const;
export type DeclarationForm = (typeof DECLARATION_FORMS)[number];

export const FORM_NAMES: Readonly<Record<DeclarationForm, { zh: string; en: string; annex: string }>> = {
  manufacturer: { zh: '制造业企业', en: 'Manufacturer', annex: '附件3（方向一：制造业企业）' },
  service_provider: { zh: '数字化服务商', en: 'Digital service provider', annex: '附件4（方向二：数字化服务商）' },
};

export interface CodedItem {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** 建设内容类别. `out_of_scope` lets an applicant say so honestly; the eligibility check then refuses it. */
export const PROJECT_CATEGORIES: Readonly<
  Record<DeclarationForm, { readonly items: readonly CodedItem[]; readonly citation: string }>
> = {
  manufacturer: {
    citation: '江工信工业互联网〔2023〕33号 第四条（一）2；申报指南 四（三）',
    items: [
      { code: 'digital_system', zh: '数字化系统', en: 'Digital systems' },
      { code: 'industrial_control_software', zh: '工控软件', en: 'Industrial-control software' },
      { code: 'supporting_equipment', zh: '相关配套设施设备', en: 'Supporting facilities and equipment' },
      { code: 'out_of_scope', zh: '其他（不属于上述范围）', en: 'Other (outside the scope above)' },
    ],
  },
  service_provider: {
    citation: '江工信工业互联网〔2023〕33号 第四条（二）2；申报指南 五（二）',
    items: [
      { code: 'industrial_software', zh: '工业软件', en: 'Industrial software' },
      { code: 'industrial_app', zh: '工业APP', en: 'Industrial apps' },
      { code: 'iiot_platform', zh: '工业互联网平台', en: 'Industrial-internet platforms' },
      { code: 'rnd', zh: '制造业数字化转型产品研发投入', en: 'R&D of digital-transformation products' },
      { code: 'cloud_resources', zh: '云资源', en: 'Cloud resources' },
      { code: 'supporting_equipment', zh: '相关配套设施设备采购', en: 'Supporting facilities and equipment' },
      { code: 'out_of_scope', zh: '其他（不属于上述范围）', en: 'Other (outside the scope above)' },
    ],
  },
};

/** 项目投入构成. */
export const INVESTMENT_ITEMS: Readonly<
  Record<DeclarationForm, { readonly items: readonly CodedItem[]; readonly citation: string }>
> = {
  manufacturer: {
    citation: '申报指南 四（四）',
    items: [
      { code: 'software', zh: '软件', en: 'Software' },
      { code: 'equipment', zh: '设备', en: 'Equipment' },
      { code: 'materials', zh: '材料、产品', en: 'Materials and products' },
      { code: 'cloud_network', zh: '云资源及网络费用', en: 'Cloud resources and network' },
      { code: 'installation', zh: '调试安装费用', en: 'Commissioning and installation' },
      { code: 'consulting', zh: '咨询、设计、检测、评价等支出', en: 'Consulting, design, testing, evaluation' },
    ],
  },
  service_provider: {
    citation: '申报指南 五（三）',
    items: [
      { code: 'rnd', zh: '研发/开发', en: 'Research and development' },
      { code: 'equipment_materials', zh: '设备/材料', en: 'Equipment and materials' },
      { code: 'testing', zh: '测试/测评/适配/服务', en: 'Testing, evaluation, adaptation, services' },
      { code: 'expert_consulting', zh: '专家咨询', en: 'Expert consulting' },
      { code: 'ip', zh: '知识产权事务', en: 'Intellectual-property matters' },
    ],
  },
};

/**
 * 项目状态 at declaration. 申报指南 三（二）: "申报入库的数字化转型项目应处于待建或在建状态"; a completed project may
 * be entered, and the eligibility check refuses it with that citation.
 */
export const PROJECT_STATUS_NAMES = zhEnNames({
  planned: { zh: '待建', en: 'Not started' },
  in_progress: { zh: '在建', en: 'Under construction' },
  completed: { zh: '已建成', en: 'Completed' },
});
export const PROJECT_STATUSES = codesOf(PROJECT_STATUS_NAMES);
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * Levels of the MIIT digital-level assessment (工信部中小企业数字化水平评测, 申报指南 四（六）、五（四）):
 * 《制造业中小企业数字化水平评测表》 for manufacturers, 《生产性服务业中小企业数字化水平评测表》 for providers.
 */
export const ASSESSMENT_LEVEL_NAMES = zhEnNames({
  level1: { zh: '一级', en: 'Level 1' },
  level2: { zh: '二级', en: 'Level 2' },
  level3: { zh: '三级', en: 'Level 3' },
  level4: { zh: '四级', en: 'Level 4' },
});
export const ASSESSMENT_LEVELS = codesOf(ASSESSMENT_LEVEL_NAMES);
export type AssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];

export function categoryCodes(form: DeclarationForm): string[] {
  return PROJECT_CATEGORIES[form].items.map((i) => i.code);
}

export function investmentItemCodes(form: DeclarationForm): string[] {
  return INVESTMENT_ITEMS[form].items.map((i) => i.code);
}

export function categoryName(form: DeclarationForm, code: string): string {
  return PROJECT_CATEGORIES[form].items.find((i) => i.code === code)?.zh ?? code;
}

export function investmentItemName(form: DeclarationForm, code: string): string {
  return INVESTMENT_ITEMS[form].items.find((i) => i.code === code)?.zh ?? code;
}

/** True when every chosen category lies within the form's digital-transformation scope. */
export function categoriesInScope(form: DeclarationForm, categories: readonly string[]): boolean | null {
  if (categories.length === 0) return null;
  const allowed = new Set(categoryCodes(form).filter((c) => c !== 'out_of_scope'));
  return categories.every((c) => allowed.has(c));
}
