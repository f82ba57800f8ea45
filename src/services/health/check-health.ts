/** Liveness with the database's answer: the load balancer's and the operator's health check. */
import { sql } from 'drizzle-orm';
import type { THealth } from '../../contracts/health';
import type { Ctx } from '../context';

export async function checkHealth(ctx: Ctx): Promise<THealth> {
  await ctx.deps.db.execute(sql`select 1`);
  return {
    status: 'ok',
    database: ctx.deps.config.databaseUrl ? 'postgres' : 'pglite',
    time: ctx.now.toISOString(),
  };
}
