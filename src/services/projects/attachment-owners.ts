/**
 * Registers the project library's attachment owners so uploads, lists and downloads are scoped:
 * - project_declaration: the checklist materials and the signed service contracts; the enterprise adds and
 *   removes files while the declaration is a draft or returned; reviewers of its district, the city and the
 *   loan's bank read them once it is submitted.
 * - project_progress_report: vouchers of investment; added while the report is a draft.
 */
import { and, eq } from 'drizzle-orm';
import { projectProgressReports, projects } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { DECLARATION_MATERIAL_KINDS, MATERIALS } from '../../domain/projects/materials';
import { type DeclarationState, isEditable } from '../../domain/workflow/declaration';
import { registerAttachmentOwner } from '../attachments';
import { projectScope } from './access';
import { DECLARATION_OWNER, findDeclaration, REPORT_OWNER } from './repository';

const names: Record<string, string> = {};
for (const m of [...MATERIALS.manufacturer, ...MATERIALS.service_provider]) names[m.code] = m.zh;
names.service_contract = '数字化转型服务合同（签署文本）';

let registered = false;

export function registerProjectAttachmentOwners(): void {
  if (registered) return;
  registered = true;
  registerAttachmentOwner(DECLARATION_OWNER, {
    label: { zh: '入库申报', en: 'Declaration' },
    kinds: Object.fromEntries(DECLARATION_MATERIAL_KINDS.map((k) => [k, names[k] ?? k])),
    async resolveScope(tx, actor, ownerId) {
      const d = await findDeclaration(tx, actor, ownerId);
      if (!d) return null;
      return {
        enterpriseId: d.enterpriseId,
        districtCode: d.districtCode,
        institutionId: d.hasLoan ? d.loanBankId : null,
        editable: isEditable(d.state as DeclarationState),
      };
    },
    canAttach: (actor, owner) => mayDo(actor, 'project.attachment.add', owner),
    canDelete: (actor, owner) => mayDo(actor, 'project.attachment.delete', owner),
  });
  registerAttachmentOwner(REPORT_OWNER, {
    label: { zh: '项目进展报告', en: 'Progress report' },
    kinds: { voucher: '投资凭证', milestone_proof: '里程碑证明', other: '其他材料' },
    async resolveScope(tx, actor, ownerId) {
      const [r] = await tx
        .select({ r: projectProgressReports, loanBankId: projects.loanBankId })
        .from(projectProgressReports)
        .innerJoin(projects, eq(projects.id, projectProgressReports.projectId))
        .where(and(eq(projectProgressReports.id, ownerId), projectScope(actor)));
      if (!r) return null;
      if (!mayDo(actor, 'project.report.read_draft') && r.r.state !== 'submitted') return null;
      return {
        enterpriseId: r.r.enterpriseId,
        districtCode: r.r.districtCode,
        institutionId: r.loanBankId,
        editable: r.r.state === 'draft',
      };
    },
    canAttach: (actor, owner) => mayDo(actor, 'project.attachment.add', owner),
    canDelete: (actor, owner) => mayDo(actor, 'project.attachment.delete', owner),
  });
}
