/**
 * One question for every guard, server and web alike: may this actor do this action? Business actions are
 * answered by the business table (`mayDo`), account and admin actions by the access policy (`can`). Routes name
 * the action they perform (`actorCtx(request, 'loan.repay')`); the web asks the same of its signed-in user to
 * show a page, a menu item or a button exactly when the API would allow it.
 */
import type { Actor } from './actor';
import { type BusinessAction, isBusinessAction, mayDo } from './business';
import { type AccessAction, can } from './policy';

export type GuardAction = BusinessAction | AccessAction;

/** May `actor` ever do `action` (no record yet: the record's own condition is checked where it is loaded)? */
export function allows(actor: Actor | null | undefined, action: GuardAction): boolean {
  if (!actor) return false;
  return isBusinessAction(action) ? mayDo(actor, action) : can(actor, action);
}
