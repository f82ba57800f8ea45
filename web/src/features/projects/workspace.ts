/**
 * The project module's workspaces: a path prefix and the action that opens its pages — the enterprise declares, a
 * district reviews its district's declarations, the city reviews the districts' verified ones. Links to a
 * declaration or a project go to the viewer's own workspace.
 */
import type { GuardAction } from '../../../../src/domain/access/allows';
import { mayI } from '../../auth/access';
import type { Me } from '../../auth/session';

export const WORKSPACES = [
  { base: '/enterprise', action: 'project.declare' },
  { base: '/district', action: 'project.review_queue.district' },
  { base: '/city', action: 'project.review_queue.city' },
] as const satisfies readonly { base: string; action: GuardAction }[];

/** The path prefix of the viewer's workspace: the first one the access tables open to it, else the city's. */
export function workspaceOf(me: Me | null | undefined): string {
  return WORKSPACES.find((w) => mayI(me, w.action))?.base ?? '/city';
}
