/**
 * Loads the account an administrator acts on, locked for update, inside the actor's scope (outside it: 404),
 * and checks the policy for the action (no: 403, or a specific refusal when the target is the actor itself).
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor, Role } from '../../domain/access/actor';
import { type AccessAction, can } from '../../domain/access/policy';
import { AppError, Errors } from '../errors';
import { USER_NOUN, type UserRow, userScopeCondition } from './user-view';

export function assertMayEver(actor: Actor, action: AccessAction): void {
  if (!can(actor, action)) throw Errors.forbidden();
}

export async function loadManagedUser(tx: Tx, actor: Actor, action: AccessAction, id: string): Promise<UserRow> {
  assertMayEver(actor, action);
  const [u] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), userScopeCondition(actor)))
    .for('update')
    .limit(1);
  if (!u) throw Errors.notFound(USER_NOUN);
  if (u.id === actor.id) {
    throw new AppError('SELF_ACTION_FORBIDDEN', 403, {
      zh: '不能对本人账号执行此操作（修改本人密码请使用“修改密码”）',
      en: 'You cannot do this to your own account (to change your own password, use "change password")',
    });
  }
  if (!can(actor, action, { kind: 'user', id: u.id, role: u.role as Role, enterpriseId: u.enterpriseId })) {
    throw Errors.forbidden();
  }
  return u;
}
