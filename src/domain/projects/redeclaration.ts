/**
 * Re-declaring a project that did not pass (第七条（二）"不通过的项目完善后于后续申报周期可重新申报"): the new
 * declaration names its predecessor, which must have ended without a number (rejected, lapsed or withdrawn),
 * and it may only be submitted in a later window than the one the predecessor was declared in.
 */
import type { IsoMonth } from '../calendar/dates';
import { type DeclarationState, REDECLARABLE_STATES } from '../workflow/declaration';

export const REDECLARATION_CITATION = '江工信工业互联网〔2023〕33号 第七条（二）';

export type RedeclarationRefusal =
  | { readonly code: 'PREDECESSOR_NOT_ENDED'; readonly state: DeclarationState }
  | { readonly code: 'SAME_WINDOW'; readonly month: IsoMonth };

/** May a new declaration follow `predecessor`? (window month unknown while drafting: pass null.) */
export function redeclarationRefusal(
  predecessor: { state: DeclarationState; declarationMonth: IsoMonth | null },
  windowMonth: IsoMonth | null,
): RedeclarationRefusal | null {
  if (!REDECLARABLE_STATES.includes(predecessor.state))
    return { code: 'PREDECESSOR_NOT_ENDED', state: predecessor.state };
  if (windowMonth !== null && predecessor.declarationMonth !== null && windowMonth <= predecessor.declarationMonth)
    return { code: 'SAME_WINDOW', month: predecessor.declarationMonth };
  return null;
}
