/** The project library's refusals: stable codes, Chinese first, each naming the field, item or rule at issue. */
import type { TCitedFinding, TWindowView } from '../../contracts/projects';
import { formatDateZh, formatMonthZh } from '../../domain/calendar/dates';
import { ruleFindingEn } from '../../domain/policies/zyb/eligibility';
import type { ChecklistLine } from '../../domain/projects/materials';
import { missingMaterialsMessage } from '../../domain/projects/materials';
import type { FieldProblem } from '../../domain/projects/submission';
import { refusalMessage, type TransitionRefusal } from '../../domain/workflow/declaration';
import { AppError, Errors } from '../errors';
import { fieldProblemsError } from '../kit';

export const projectErrors = {
  declarationNotFound: () => Errors.notFound({ zh: '申报', en: 'Declaration' }),
  projectNotFound: () => Errors.notFound({ zh: '入库项目', en: 'Project' }),
  reportNotFound: () => Errors.notFound({ zh: '进展报告', en: 'Progress report' }),
  spotCheckNotFound: () => Errors.notFound({ zh: '抽查', en: 'Spot check' }),

  transition: (r: TransitionRefusal) => {
    const m = refusalMessage(r);
    if (r.code === 'WRONG_ACTOR') return Errors.forbidden(m.zh, m.en);
    if (r.code === 'REASON_REQUIRED')
      return new AppError('VALIDATION_FAILED', 400, m, [{ path: 'reason', label: '理由', message: m.zh }]);
    return Errors.conflict('INVALID_STATE', m.zh, m.en, { from: r.from, event: r.event });
  },

  windowClosed: (today: string, next: TWindowView | null) =>
    next
      ? Errors.unprocessable(
          'FILING_WINDOW_CLOSED',
          `今天（${formatDateZh(today)}）不在入库申报期内，不能提交（江工信工业互联网〔2023〕33号 第七条（一）：每月10-15日申报，遇节假日按申报指南 三（四）调整）。下一申报窗口：${formatMonthZh(next.month)}，${formatDateZh(next.opens)}至${formatDateZh(next.closes)}。草稿已保存，可在窗口开放后提交。`,
          `Today (${today}) is outside the filing window. The next window is ${next.opens} to ${next.closes}.`,
          { nextWindow: next },
        )
      : Errors.unprocessable(
          'FILING_WINDOW_CLOSED',
          `今天（${formatDateZh(today)}）不在入库申报期内，且本细则有效期内已无后续申报窗口（江工信工业互联网〔2023〕33号 第十五条：有效期至2026年12月31日）。`,
          `Today (${today}) is outside the filing windows, and no further window opens while the policy is in force.`,
          { nextWindow: null },
        ),

  incomplete: (problems: readonly FieldProblem[]) =>
    fieldProblemsError(problems, { zh: '申报表尚未填写完整：', en: 'The declaration is incomplete: ' }),

  materialsMissing: (missing: readonly ChecklistLine[]) => {
    const m = missingMaterialsMessage(missing);
    return Errors.unprocessable('MATERIALS_MISSING', m.zh, m.en, {
      missing: missing.map((l) => ({ code: l.code, name: l.zh, missingContracts: l.missingContracts ?? [] })),
    });
  },

  ineligible: (failures: readonly TCitedFinding[]) =>
    Errors.unprocessable(
      'INELIGIBLE',
      `不符合入库申报条件，不能提交：${failures.map((f, i) => `${i + 1}. ${f.message}（依据：${f.citation}）`).join('；')}`,
      `The project is not eligible: ${failures.map((f) => ruleFindingEn(f.code, 'fail')).join('; ')}`,
      { failures },
    ),

  returnDeadlinePassed: (deadline: string) =>
    Errors.unprocessable(
      'RETURN_DEADLINE_PASSED',
      `补正期限（${formatDateZh(deadline)}）已过，不能再提交。可在后续申报窗口重新申报。`,
      `The correction deadline (${deadline}) has passed.`,
      { deadline },
    ),

  versionConflict: (current: number) =>
    Errors.conflict(
      'VERSION_CONFLICT',
      '申报已被他人修改（版本号 version 已变化），请刷新后再保存',
      'The declaration was changed meanwhile (version); reload and save again',
      { currentVersion: current },
    ),

  notEditable: (stateName: string) =>
    Errors.conflict(
      'NOT_EDITABLE',
      `申报当前状态为“${stateName}”，不能修改`,
      `A declaration in state "${stateName}" cannot be edited`,
    ),

  duplicateProject: (name: string) =>
    Errors.conflict(
      'DUPLICATE_PROJECT',
      `项目名称“${name}”已有在审或已入库的申报，不能重复申报`,
      `Project name "${name}" already has a live or numbered declaration`,
    ),

  redeclarationTooEarly: (month: string, citation: string) =>
    Errors.unprocessable(
      'REDECLARATION_TOO_EARLY',
      `原申报在${formatMonthZh(month)}申报周期内未通过，完善后须于后续申报周期重新申报（${citation}：“不通过的项目完善后于后续申报周期可重新申报”）`,
      `The earlier declaration was made in ${month}; a re-declaration must come in a later window`,
      { predecessorMonth: month },
    ),

  predecessorNotEnded: () =>
    Errors.unprocessable(
      'PREDECESSOR_NOT_ENDED',
      '只有未通过、逾期未补正或已撤回的申报可以重新申报',
      'Only a rejected, lapsed or withdrawn declaration can be declared again',
    ),

  predecessorTaken: () =>
    Errors.conflict(
      'PREDECESSOR_TAKEN',
      '该申报已有重新申报记录，不能再次关联',
      'That declaration has already been declared again',
    ),

  idempotencyReused: () =>
    Errors.unprocessable(
      'IDEMPOTENCY_KEY_REUSED',
      '幂等键（Idempotency-Key）已用于另一请求，请为新请求使用新的键',
      'The Idempotency-Key was used for a different request',
    ),
};
