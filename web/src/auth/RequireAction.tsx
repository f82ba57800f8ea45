/** A page guarded by an action: shown when the access tables allow the signed-in user the action (as the API would). */
import { lazy, type ReactNode } from 'react';
import type { GuardAction } from '../../../src/domain/access/allows';
import { mayI } from './access';
import { useMe } from './session';

const Forbidden = lazy(() => import('../features/common/Forbidden'));

/** The page when the access tables allow the signed-in user its action, else 403; nothing while signed out. */
export function RequireAction({ action, children }: { action: GuardAction; children: ReactNode }) {
  const { data: me } = useMe();
  if (!me) return null;
  return mayI(me, action) ? children : <Forbidden />;
}
