/** The public summary of the financing statistics: the same counts and target as the city's, without the banks. */
import type { TPublicStatistics } from '../../contracts/outreach';
import type { Ctx } from '../context';
import { readStatistics } from './read-statistics';

export async function readPublicStatistics(ctx: Ctx): Promise<TPublicStatistics> {
  const { byBank: _b, ...rest } = await readStatistics(ctx);
  return rest;
}
