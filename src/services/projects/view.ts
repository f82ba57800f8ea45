/** Read shapes of declarations for the API. */
import { eq } from 'drizzle-orm';
import type { TDeclarationSummary } from '../../contracts/projects';
import type { DbOrTx } from '../../db/client';
import { enterprises, projectDeclarations, projects } from '../../db/schema';
import { districtName } from '../../domain/enterprise/districts';
import { fenToYuan } from '../../domain/money/money';
import type { DeclarationForm } from '../../domain/projects/forms';
import { dueStatus } from '../../domain/projects/review-due';
import { DECLARATION_STATE_NAMES, type DeclarationState } from '../../domain/workflow/declaration';
import type { DeclarationRow } from './repository';

export const summaryColumns = {
  d: projectDeclarations,
  enterpriseName: enterprises.name,
  enterpriseUscc: enterprises.uscc,
  projectId: projects.id,
  libraryNumber: projects.libraryNumber,
};

export interface SummaryRow {
  d: DeclarationRow;
  enterpriseName: string;
  enterpriseUscc: string;
  projectId: string | null;
  libraryNumber: string | null;
}

/** select … from declarations join enterprises left join projects (add where/order yourself). */
export function selectSummaries(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(projectDeclarations)
    .innerJoin(enterprises, eq(enterprises.id, projectDeclarations.enterpriseId))
    .leftJoin(projects, eq(projects.declarationId, projectDeclarations.id));
}

export function toSummary(r: SummaryRow, today: string): TDeclarationSummary {
  const d = r.d;
  const state = d.state as DeclarationState;
  return {
    id: d.id,
    enterpriseId: d.enterpriseId,
    enterpriseName: r.enterpriseName,
    enterpriseUscc: r.enterpriseUscc,
    districtCode: d.districtCode,
    districtName: districtName(d.districtCode),
    form: d.form as DeclarationForm,
    state,
    stateName: DECLARATION_STATE_NAMES[state].zh,
    name: d.name,
    plannedTotal: fenToYuan(d.plannedTotalFen),
    investmentMade: d.investmentMadeFen === null ? null : fenToYuan(d.investmentMadeFen),
    declaredOn: d.declaredOn,
    declarationMonth: d.declarationMonth,
    windowCloses: d.windowCloses,
    verifyDueOn: d.verifyDueOn,
    dueStatus: state === 'submitted' && d.verifyDueOn ? dueStatus(today, d.verifyDueOn) : null,
    returnDeadline: d.returnDeadline,
    resourcePoolLed: d.resourcePoolLed,
    predecessorId: d.predecessorId,
    projectId: r.projectId,
    libraryNumber: r.libraryNumber,
    submissionCount: d.submissionCount,
    updatedAt: d.updatedAt.toISOString(),
  };
}
