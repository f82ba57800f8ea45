/** Lists accounts, filtered inside the SQL query by the actor's scope (security admin: all; enterprise admin: own enterprise). */
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { TUserList, TUserListQuery } from '../../contracts/users';
import { users } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../context';
import { assertMayEver } from './load-managed-user';
import { toUserView, userScopeCondition } from './user-view';

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listUsers(ctx: Ctx & { actor: Actor }, query: TUserListQuery): Promise<TUserList> {
  assertMayEver(ctx.actor, 'user.list');
  const conditions: SQL[] = [userScopeCondition(ctx.actor)];
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.q) {
    const p = likePattern(query.q);
    conditions.push(or(ilike(users.username, p), ilike(users.displayName, p))!);
  }
  const where = and(...conditions);
  const db = ctx.deps.db;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), users.username)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: rows.map(toUserView), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
