/** Test data factories: insert users, institutions and enterprises directly (they are setup, not behaviour). */
import { randomUUID } from 'node:crypto';
import { enterprises, institutions, users } from '../../src/db/schema';
import type { Role } from '../../src/domain/access/actor';
import { completeUscc } from '../../src/domain/enterprise/uscc';
import { hashPassword } from '../../src/services/auth/password-hash';
import type { Deps } from '../../src/services/context';

export const TEST_PASSWORD = 'Test@12345';
let cachedHash: string | null = null;

export async function makeUser(
  deps: Deps,
  role: Role,
  scope: { districtCode?: string; institutionId?: string; enterpriseId?: string; isEnterpriseAdmin?: boolean } = {},
): Promise<{ id: string; username: string; password: string }> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const username = `${role}_${randomUUID().slice(0, 8)}`;
  const [u] = await deps.db
    .insert(users)
    .values({
      username,
      passwordHash: cachedHash,
      displayName: username,
      role,
      districtCode: scope.districtCode ?? null,
      institutionId: scope.institutionId ?? null,
      enterpriseId: scope.enterpriseId ?? null,
      isEnterpriseAdmin: scope.isEnterpriseAdmin ?? false,
    })
    .returning();
  return { id: u!.id, username, password: TEST_PASSWORD };
}

export async function makeInstitution(deps: Deps, kind: 'bank' | 'insurer' | 'guarantor' = 'bank') {
  const suffix = randomUUID().slice(0, 6);
  const [i] = await deps.db
    .insert(institutions)
    .values({ kind, name: `测试${kind === 'bank' ? '银行' : '保险'}${suffix}`, shortName: `测试机构${suffix}` })
    .returning();
  return i!;
}

/** Computes a valid GB 32100-2015 code from the first 17 characters. */
export function withCheckChar(first17: string): string {
  const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((acc, ch, i) => acc + CHARS.indexOf(ch) * W[i]!, 0);
  return first17 + CHARS[(31 - (sum % 31)) % 31];
}

let seq = 0;
/** A unique, fully valid code (both GB 11714 and GB 32100 check characters) for the given district. */
export function randomUscc(districtCode = '440703'): string {
  seq++;
  const body = `${process.pid % 100}${Date.now() % 100000}${seq}`.padStart(8, '0').slice(-8);
  return completeUscc(`91${districtCode}${body}`);
}

export async function makeEnterprise(
  deps: Deps,
  over: Partial<typeof enterprises.$inferInsert> = {},
): Promise<typeof enterprises.$inferSelect> {
  const [e] = await deps.db
    .insert(enterprises)
    .values({
      uscc: randomUscc(over.districtCode ?? '440703'),
      name: `测试制造企业${randomUUID().slice(0, 6)}有限公司`,
      registeredAddress: '江门市蓬江区测试路 1 号',
      operatingAddress: '江门市蓬江区测试路 1 号',
      districtCode: '440703',
      type: 'manufacturer',
      isSme: true,
      establishedOn: '2018-01-01',
      contactName: '测试联系人',
      contactPhoneEnc: deps.cipher.encrypt('13800000000'),
      ...over,
    })
    .returning();
  return e!;
}
