/** How accounts leave the service layer, and the SQL condition that keeps lists and reads inside the actor's scope. */
import { eq, type SQL, sql } from 'drizzle-orm';
import type { TUser } from '../../contracts/users';
import { users } from '../../db/schema';
import type { Actor, Role } from '../../domain/access/actor';
import { userScopeOf } from '../../domain/access/policy';

export type UserRow = typeof users.$inferSelect;

export function toUserView(u: UserRow): TUser {
  return {
    id: u.id,
    ...auditView(u),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** The WHERE condition for the accounts `actor` may see (security admin: all; enterprise admin: own enterprise). */
export function userScopeCondition(actor: Actor): SQL {
  const scope = userScopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'enterprise':
      return sql`${eq(users.enterpriseId, scope.enterpriseId)} and ${eq(users.role, 'enterprise')}`;
    default:
      return sql`false`;
  }
}

/** What an account looks like in the audit trail: no password material, no personal data beyond the names. */
export function auditView(u: UserRow) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    districtCode: u.districtCode,
    institutionId: u.institutionId,
    enterpriseId: u.enterpriseId,
    isEnterpriseAdmin: u.isEnterpriseAdmin,
    active: u.active,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    mustChangePassword: u.mustChangePassword,
  };
}

export const USER_NOUN = { zh: '账号', en: 'User' };
