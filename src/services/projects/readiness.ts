/**
 * Can this declaration be submitted now, and if not, why? One assessment used three ways: live while drafting
 * (shown beside the form), in the declaration's detail, and at submission (where the first blocker becomes the
 * refusal). It asks the policy engine for the filing window and the eligibility conditions (every condition
 * evaluated, each with its Chinese message and citation), and checks completeness and the materials checklist.
 *
 * The declaration date for eligibility is the submission date (Asia/Shanghai): today while drafting and at a
 * first submission; a corrected resubmission keeps the date of the first submission (it stays in its window).
 */

import type { TCheckResult, TCitedFinding, TEligibilityView } from '../../contracts/projects';
import type { Lang } from '../../contracts/validation';
import type { DbOrTx } from '../../db/client';
import type { Calendar } from '../../domain/calendar/calendar';
import type { IsoDate, IsoMonth } from '../../domain/calendar/dates';
import { isCityDistrict } from '../../domain/enterprise/districts';
import { conditionToJson } from '../../domain/policies/core/conditions';
import { evaluateZybEligibility, ruleFindingEn, type ZybEligibilityFacts } from '../../domain/policies/zyb/eligibility';
import { categoriesInScope } from '../../domain/projects/forms';
import { evaluateChecklist } from '../../domain/projects/materials';
import type { DeclarationContent } from '../../domain/projects/model';
import { isResourcePoolLed, leadProvider } from '../../domain/projects/priority';
import { REDECLARATION_CITATION, redeclarationRefusal } from '../../domain/projects/redeclaration';
import { type FieldProblem, submissionProblems } from '../../domain/projects/submission';
import { shanghaiDate } from '../../domain/projects/time';
import { type FilingWindow, nextWindowAfter, openWindowOn } from '../../domain/projects/windows';
import type { DeclarationState } from '../../domain/workflow/declaration';
import { loadCalendar, policyWindowOf, windowView } from '../calendar';
import type { Ctx } from '../context';
import type { AppError } from '../errors';
import { projectErrors } from './errors';
import { type AttachmentRow, type EnterpriseRow, fileCounts, poolMembership } from './repository';

export type ReadinessMode = 'submit' | 'resubmit';

export interface ReadinessInput {
  enterprise: EnterpriseRow;
  content: DeclarationContent;
  files: readonly AttachmentRow[];
  mode: ReadinessMode;
  /** For a resubmission: the first submission's date and its window month. */
  declaredOn?: IsoDate | null;
  declarationMonth?: IsoMonth | null;
  returnDeadline?: IsoDate | null;
  predecessor?: { state: DeclarationState; declarationMonth: IsoMonth | null } | null;
}

export interface Readiness {
  view: TCheckResult;
  today: IsoDate;
  /** The window a first submission falls in (null when closed, or for a resubmission). */
  window: FilingWindow | null;
  declaredOn: IsoDate;
  calendar: Calendar;
  /** Refusals in the order submission reports them. */
  errors: AppError[];
  problems: FieldProblem[];
}

/** A condition's finding; in English the rule's name and whether it is met (the citation stays the document's). */
function finding(j: ReturnType<typeof conditionToJson>, lang: Lang): TCitedFinding {
  const message = lang === 'en' ? ruleFindingEn(j.code, j.status) : j.message;
  return { code: j.code, status: j.status, message, citation: j.citation };
}

export function eligibilityFacts(
  e: EnterpriseRow,
  c: DeclarationContent,
  declaredOn: IsoDate | null,
): ZybEligibilityFacts {
  const site = c.siteDistrictCode;
  return {
    applicantType: e.type === 'manufacturer' || e.type === 'service_provider' ? e.type : null,
    registeredInJiangmen: e.outsideCity ? false : e.districtCode ? true : null,
    operatingInJiangmen: e.outsideCity ? false : e.districtCode ? true : null,
    isSme: e.isSme,
    creditGood: e.creditStatus === 'good',
    inResourcePool: e.inResourcePool,
    projectInScope: categoriesInScope(c.form, c.categories),
    projectLocationInJiangmen: site === null ? null : isCityDistrict(site),
    projectStatus: c.projectStatus,
    projectStartOn: c.startDate,
    projectEndOn: c.endDate,
    declaredOn,
    loanDisbursedOn: c.hasLoan ? (c.loan?.disbursedOn ?? null) : null,
  };
}

export function evaluateEligibility(
  cal: Calendar,
  e: EnterpriseRow,
  c: DeclarationContent,
  declaredOn: IsoDate | null,
  lang: Lang = 'zh',
): TEligibilityView {
  const r = evaluateZybEligibility(eligibilityFacts(e, c, declaredOn), { calendar: cal });
  const conditions = r.conditions.map((x) => finding(conditionToJson(x), lang));
  return {
    status: r.status,
    eligible: r.eligible,
    declaredOn,
    failures: conditions.filter((x) => x.status === 'fail'),
    unknowns: conditions.filter((x) => x.status === 'unknown'),
    conditions,
  };
}

export async function assessReadiness(db: DbOrTx, ctx: Ctx, input: ReadinessInput): Promise<Readiness> {
  const today = shanghaiDate(ctx.now);
  const cal = await loadCalendar(db);
  const windowOf = policyWindowOf(cal);
  const errors: AppError[] = [];
  const blockers: TCheckResult['blockers'] = [];
  const block = (err: AppError) => {
    errors.push(err);
    blockers.push({ code: err.code, message: err.messageIn(ctx.lang) });
  };

  // 1. The window (first submission) or the reviewer's deadline (resubmission).
  let window: FilingWindow | null = null;
  let declaredOn: IsoDate = today;
  let month: IsoMonth | null = null;
  const open = openWindowOn(windowOf, today);
  const next = nextWindowAfter(windowOf, today);
  if (input.mode === 'submit') {
    window = open;
    month = open?.month ?? null;
    if (!open) block(projectErrors.windowClosed(today, next ? windowView(cal, next.month) : null));
  } else {
    declaredOn = input.declaredOn ?? today;
    month = input.declarationMonth ?? null;
    if (input.returnDeadline && today > input.returnDeadline)
      block(projectErrors.returnDeadlinePassed(input.returnDeadline));
  }

  // 2. A re-declaration must come in a later window than its predecessor (第七条（二）).
  if (input.predecessor) {
    const refusal = redeclarationRefusal(input.predecessor, input.mode === 'submit' ? month : null);
    if (refusal?.code === 'SAME_WINDOW')
      block(projectErrors.redeclarationTooEarly(refusal.month, REDECLARATION_CITATION));
    else if (refusal?.code === 'PREDECESSOR_NOT_ENDED') block(projectErrors.predecessorNotEnded());
  }

  // 3. Completeness of the form.
  const problems = submissionProblems(input.content, today, input.enterprise.uscc);
  if (problems.length > 0) block(projectErrors.incomplete(problems));

  // 4. Materials.
  const checklist = evaluateChecklist(input.content, fileCounts(input.files));
  if (!checklist.complete) block(projectErrors.materialsMissing(checklist.missing));

  // 5. Eligibility (the policy engine).
  const eligibility = evaluateEligibility(cal, input.enterprise, input.content, declaredOn, ctx.lang);
  if (eligibility.failures.length > 0) block(projectErrors.ineligible(eligibility.failures));

  const lead = leadProvider(input.content.form, input.content.contracts, {
    uscc: input.enterprise.uscc,
    name: input.enterprise.name,
  });
  const pool = await poolMembership(db, lead.uscc ? [lead.uscc] : []);
  const led = isResourcePoolLed(lead, (u) => pool.has(u));
  const en = ctx.lang === 'en';

  const view: TCheckResult = {
    today,
    window: {
      open: open ? windowView(cal, open.month) : null,
      next: next ? windowView(cal, next.month) : null,
    },
    eligibility,
    materials: materialsView(checklist, en),
    problems: problems.map((p) => ({
      path: p.path,
      label: p.label,
      message: en ? `${p.path} ${p.en}` : `${p.label}${p.zh}`,
    })),
    resourcePoolLed: led,
    leadProvider: { uscc: lead.uscc, name: lead.name },
    canSubmit: errors.length === 0,
    blockers,
  };
  return { view, today, window, declaredOn, calendar: cal, errors, problems };
}

/** The materials checklist as a declaration shows it: each line with its files, what is missing (in `en` or zh). */
export function materialsView(checklist: ReturnType<typeof evaluateChecklist>, en = false) {
  return {
    lines: checklist.lines.map((l) => ({
      code: l.code,
      name: en ? l.en : l.zh,
      requirement: l.requirement,
      needed: l.needed,
      fileCount: l.fileCount,
      satisfied: l.satisfied,
      ...(l.missingContracts ? { missingContracts: [...l.missingContracts] } : {}),
      citation: l.citation,
    })),
    complete: checklist.complete,
    missing: checklist.missing.map((l) => (en ? l.en : l.zh)),
  };
}
