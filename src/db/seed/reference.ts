/** Reference data every installation needs: Jiangmen's districts (GB/T 2260). Idempotent. */
import type { DbOrTx } from '../client';
import { districts } from '../schema';

export const JIANGMEN_DISTRICTS = [
  { code: '440703', name: '蓬江区', sortOrder: 1 },
  { code: '440704', name: '江海区', sortOrder: 2 },
  { code: '440705', name: '新会区', sortOrder: 3 },
  { code: '440781', name: '台山市', sortOrder: 4 },
  { code: '440783', name: '开平市', sortOrder: 5 },
  { code: '440784', name: '鹤山市', sortOrder: 6 },
  { code: '440785', name: '恩平市', sortOrder: 7 },
] as const;

export async function seedReference(db: DbOrTx): Promise<void> {
  await db
    .insert(districts)
    .values([...JIANGMEN_DISTRICTS])
    .onConflictDoNothing();
}
