/** People signed in for a test: a user made with the factories, then a session of theirs. */
import type { Role } from '../../src/domain/access/actor';
import { makeUser } from './factories';
import { anonymous, loginAs, type Session } from './session';
import type { TestPlatform } from './test-app';

/** A signed-in session that knows its user's id. */
export type SignedIn = Session & { userId: string };

/** Makes a user of the role (within the scope given) and signs them in. */
export async function signedIn(
  p: TestPlatform,
  role: Role,
  scope: Parameters<typeof makeUser>[2] = {},
): Promise<SignedIn> {
  const u = await makeUser(p.deps, role, scope);
  return Object.assign(await loginAs(p.app, u.username, u.password), { userId: u.id });
}

export interface RuleMakers {
  /** Nobody signed in. */
  pub: Session;
  /** The city administrator who records a rule change. */
  maker: SignedIn;
  /** The city reviewer, the second person who approves it. */
  reviewer: SignedIn;
  /** 蓬江区's reviewer, who may do neither. */
  district: SignedIn;
}

/** The people around a maker–checker rule change (a ruling, a policy version), signed in. */
export async function ruleMakers(p: TestPlatform): Promise<RuleMakers> {
  return {
    pub: anonymous(p.app),
    maker: await signedIn(p, 'city_admin'),
    reviewer: await signedIn(p, 'city_reviewer'),
    district: await signedIn(p, 'district_reviewer', { districtCode: '440703' }),
  };
}
