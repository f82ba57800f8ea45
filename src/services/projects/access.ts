/**
 * Who sees and acts on which declarations and projects, as SQL conditions inside each query (scope from
 * `domain/access/scope.ts`): an enterprise its own; a district reviewer its district's; city roles everything;
 * a bank the declarations and projects whose loan is with it. Reviewers and banks never see drafts (a
 * declaration becomes visible to them once submitted).
 */
import { and, gt, type SQL } from 'drizzle-orm';
import { projectDeclarations, projects } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { readsBusinessData } from '../../domain/access/scope';
import { districtName } from '../../domain/enterprise/districts';
import type { DeclarationActorKind } from '../../domain/workflow/declaration';
import { NONE, scopeCondition } from '../scope';

export function declarationScope(actor: Actor | null): SQL {
  if (!actor || !readsBusinessData(actor)) return NONE;
  const base = scopeCondition(actor, {
    enterpriseId: projectDeclarations.enterpriseId,
    districtCode: projectDeclarations.districtCode,
    institutionId: projectDeclarations.loanBankId,
  });
  if (actor.role === 'enterprise') return base;
  return and(base, gt(projectDeclarations.submissionCount, 0))!;
}

export function projectScope(actor: Actor | null): SQL {
  if (!actor || !readsBusinessData(actor)) return NONE;
  return scopeCondition(actor, {
    enterpriseId: projects.enterpriseId,
    districtCode: projects.districtCode,
    institutionId: projects.loanBankId,
  });
}

/** The workflow role an actor plays, if any. */
export function actorKind(actor: Actor): DeclarationActorKind | null {
  switch (actor.role) {
    case 'enterprise':
      return 'enterprise';
    case 'district_reviewer':
      return 'district_reviewer';
    case 'city_reviewer':
      return 'city_reviewer';
    default:
      return null;
  }
}

/** The body that decides, as shown on the timeline (谁审批、谁负责). */
export function actorOrg(actor: Actor, enterpriseName?: string | null): string | null {
  switch (actor.role) {
    case 'district_reviewer':
      return `${districtName(actor.districtCode) ?? actor.districtCode ?? ''}工业和信息化主管部门`;
    case 'city_reviewer':
    case 'city_admin':
      return '江门市工业和信息化局';
    case 'enterprise':
      return enterpriseName ?? null;
    default:
      return null;
  }
}
