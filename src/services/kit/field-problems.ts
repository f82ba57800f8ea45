/** Field refusals gathered by a use case, thrown as one 400 that names every field (under its form label). */
import type { FieldError } from '../../contracts/validation';
import { AppError } from '../errors';

export interface NamedFieldProblem {
  readonly path: string;
  readonly label: string;
  readonly zh: string;
  readonly en: string;
}

/** VALIDATION_FAILED with `lead` before the list of problems (“输入有误：…”), the fields in both languages. */
export function fieldProblemsError(problems: readonly NamedFieldProblem[], lead: { zh: string; en: string }): AppError {
  const fields: FieldError[] = problems.map((p) => ({
    path: p.path,
    label: p.label,
    message: `${p.label}${p.zh}`,
  }));
  return new AppError(
    'VALIDATION_FAILED',
    400,
    {
      zh: `${lead.zh}${fields.map((f) => f.message).join('；')}`,
      en: `${lead.en}${problems.map((p) => `${p.path} ${p.en}`).join('; ')}`,
    },
    fields,
    undefined,
    problems.map((p) => ({ path: p.path, label: p.label, message: `${p.path} ${p.en}` })),
  );
}
