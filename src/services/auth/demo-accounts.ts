/**
 * Demonstration accounts (demo data) sign in without an authenticator. A server holding any says so on every page
 * and refuses to start with NODE_ENV=production.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';

export async function serverHasDemoAccounts(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.isDemo, true)).limit(1);
  return row !== undefined;
}

export const DEMO_IN_PRODUCTION_MESSAGE =
  '本数据库含演示账号（免动态口令），不得以 NODE_ENV=production 启动：请使用不含演示数据的数据库（HUIQI_DEMO_DATA=false）。' +
  ' The database holds demo accounts; refusing to start with NODE_ENV=production.';
