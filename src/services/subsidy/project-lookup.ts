/** Reads the numbered library projects (项目库) that applications are made on. */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { enterprises, projects, subsidyApplications } from '../../db/schema';
import { Errors } from '../errors';

export interface ApplicantProject {
  id: string;
  projectNo: string;
  name: string;
  districtCode: string;
  declarationMonth: string;
  investmentAtDeclarationFen: bigint;
}

/** The enterprise's own numbered project; anything else is not found. */
export async function loadApplicantProject(
  db: DbOrTx,
  projectId: string,
  enterpriseId: string,
): Promise<ApplicantProject> {
  const [row] = await db
    .select({
      id: projects.id,
      projectNo: projects.libraryNumber,
      name: projects.name,
      districtCode: projects.districtCode,
      enterpriseDistrict: enterprises.districtCode,
      declarationMonth: projects.declarationMonth,
      investmentAtDeclarationFen: projects.investmentAtDeclarationFen,
      trackingState: projects.trackingState,
    })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(and(eq(projects.id, projectId), eq(projects.enterpriseId, enterpriseId)))
    .limit(1);
  if (!row) throw Errors.notFound({ zh: '入库项目', en: 'Library project' });
  if (row.trackingState === 'terminated') {
    throw Errors.unprocessable(
      'PROJECT_TERMINATED',
      `项目${row.projectNo}已终止，不能申请补贴`,
      'The project is terminated',
    );
  }
  const districtCode = row.districtCode ?? row.enterpriseDistrict;
  if (!districtCode) {
    throw Errors.unprocessable('NO_DISTRICT', '项目所属县（市、区）不明，无法报送', 'The project has no district');
  }
  return {
    id: row.id,
    projectNo: row.projectNo,
    name: row.name,
    districtCode,
    declarationMonth: row.declarationMonth,
    investmentAtDeclarationFen: row.investmentAtDeclarationFen,
  };
}

/** Project number and name per application id. */
export async function projectLabels(
  db: DbOrTx,
  applicationIds: readonly string[],
): Promise<Map<string, { projectNo: string; projectName: string }>> {
  const out = new Map<string, { projectNo: string; projectName: string }>();
  const ids = [...new Set(applicationIds)];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .select({ id: subsidyApplications.id, projectNo: projects.libraryNumber, projectName: projects.name })
      .from(subsidyApplications)
      .innerJoin(projects, eq(projects.id, subsidyApplications.projectId))
      .where(inArray(subsidyApplications.id, ids.slice(i, i + 5000)));
    for (const r of rows) out.set(r.id, { projectNo: r.projectNo, projectName: r.projectName });
  }
  return out;
}
