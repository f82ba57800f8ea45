/**
 * Loads the account an administrator acts on, locked for update, inside the actor's scope (outside it: 404),
 * and checks the policy for the action (no: 403, or a specific refusal when the target is the actor itself).
 */
import { eq } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { TUser } from '../../contracts/users';
import type { DbOrTx, Tx } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor, Role } from '../../domain/access/actor';
import { type AccessAction, can } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { revokeUserSessions } from '../auth';
import { type Ctx, inTx } from '../context';
import { AppError, Errors } from '../errors';
import { rowInScope } from '../kit';
import { auditView, toUserView, USER_NOUN, type UserRow, userScopeCondition } from './user-view';

export function assertMayEver(actor: Actor, action: AccessAction): void {
  if (!can(actor, action)) throw Errors.forbidden();
}

/** One account inside the actor's scope (locked for update when asked); outside it the account "does not exist". */
export async function userInScope(
  db: DbOrTx,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<UserRow> {
  const u = await rowInScope(db, users, users.id, id, userScopeCondition(actor), opts);
  if (!u) throw Errors.notFound(USER_NOUN);
  return u;
}

export async function loadManagedUser(tx: Tx, actor: Actor, action: AccessAction, id: string): Promise<UserRow> {
  assertMayEver(actor, action);
  const u = await userInScope(tx, actor, id, { forUpdate: true });
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

/**
 * One change an administrator makes to an account (disable, enable, unlock): the account loaded and checked as
 * above, refused when `refusal` says it is already so, updated, its sessions ended when asked, and audited with
 * the account before and after — in one transaction. Answers the account as it is now.
 */
export async function changeManagedUser(
  ctx: Ctx & { actor: Actor },
  id: string,
  action: AccessAction,
  change: {
    refusal: (before: UserRow) => AppError | null;
    set: PgUpdateSetSource<typeof users>;
    endSessions?: boolean;
    audit: string;
    auditBefore?: (before: UserRow) => Record<string, unknown>;
  },
): Promise<TUser> {
  return inTx(ctx, async (tx) => {
    const before = await loadManagedUser(tx, ctx.actor, action, id);
    const refused = change.refusal(before);
    if (refused) throw refused;
    const [after] = await tx.update(users).set(change.set).where(eq(users.id, id)).returning();
    if (change.endSessions) await revokeUserSessions(tx, id, ctx.now);
    await recordAudit(tx, ctx, {
      action: change.audit,
      objectType: 'user',
      objectId: id,
      before: change.auditBefore ? change.auditBefore(before) : auditView(before),
      after: auditView(after!),
    });
    return toUserView(after!);
  });
}
