/** Who is told: the users of an enterprise, a district's reviewers, the city's reviewers (active accounts only). */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';

async function ids(db: DbOrTx, where: ReturnType<typeof and>): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(where);
  return rows.map((r) => r.id);
}

export function enterpriseUsers(db: DbOrTx, enterpriseId: string): Promise<string[]> {
  return ids(db, and(eq(users.enterpriseId, enterpriseId), eq(users.role, 'enterprise'), eq(users.active, true)));
}

export function enterpriseUsersOf(db: DbOrTx, enterpriseIds: readonly string[]): Promise<string[]> {
  if (enterpriseIds.length === 0) return Promise.resolve([]);
  return ids(
    db,
    and(inArray(users.enterpriseId, [...enterpriseIds]), eq(users.role, 'enterprise'), eq(users.active, true)),
  );
}

export function allEnterpriseUsers(db: DbOrTx): Promise<string[]> {
  return ids(db, and(eq(users.role, 'enterprise'), eq(users.active, true)));
}

export function districtReviewers(db: DbOrTx, districtCode: string | null): Promise<string[]> {
  if (!districtCode) return Promise.resolve([]);
  return ids(
    db,
    and(eq(users.role, 'district_reviewer'), eq(users.districtCode, districtCode), eq(users.active, true)),
  );
}

export function cityReviewers(db: DbOrTx): Promise<string[]> {
  return ids(db, and(eq(users.role, 'city_reviewer'), eq(users.active, true)));
}
