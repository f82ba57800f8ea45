/**
 * The web's one permission question: may the signed-in user do this action? Answered by the same access tables
 * the API's guards use (`allows` in src/domain/access), so a page, menu item or button shows exactly when the API
 * would allow the action. Pages never compare roles to decide.
 */
import type { Actor } from '../../../src/domain/access/actor';
import { allows, type GuardAction } from '../../../src/domain/access/allows';
import type { Me } from './session';

/** The signed-in user as the access tables see an actor (the web acts only through a signed-in session). */
export function actorOf(me: Me): Actor {
  return {
    id: me.id,
    name: me.displayName,
    role: me.role,
    via: 'session',
    districtCode: me.districtCode,
    institutionId: me.institutionId,
    enterpriseId: me.enterpriseId,
    isEnterpriseAdmin: me.isEnterpriseAdmin,
  };
}

/** May the signed-in user (none: signed out) do `action`? */
export function mayI(me: Me | null | undefined, action: GuardAction): boolean {
  return !!me && allows(actorOf(me), action);
}
