/** The web's workspace menus and pages are decided by the API's access tables, and keep every role's own items. */
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/domain/access/actor';
import { mayI } from '../web/src/auth/access';
import type { Me } from '../web/src/auth/session';
import { WORKSPACES, workspaceOf } from '../web/src/features/projects/workspace';
import { itemsByPath, menuOf, ROLE_MENUS } from '../web/src/layout/menus';

const me = (role: Role, over: Partial<Me> = {}): Me => ({
  id: 'u-1',
  username: 'u',
  displayName: 'U',
  role,
  districtCode: role === 'district_reviewer' ? '440703' : null,
  institutionId: ['bank_officer', 'insurer_officer', 'fund_operator', 'external_auditor'].includes(role)
    ? 'inst-1'
    : null,
  enterpriseId: role === 'enterprise' ? 'ent-1' : null,
  isEnterpriseAdmin: role === 'enterprise',
  mustChangePassword: false,
  mustEnrolTwoFactor: false,
  twoFactorEnabled: true,
  isDemo: false,
  csrfToken: 'x',
  ...over,
});

describe('workspace menus and pages follow the access tables', () => {
  it.each(ROLES)('%s: every item of its own workspace opens and is listed', (role) => {
    const items = ROLE_MENUS[role];
    for (const item of items) expect(mayI(me(role), item.action), item.path).toBe(true);
    expect(menuOf(me(role))).toEqual(items);
  });

  it('an enterprise user who is not its administrator opens the colleagues page but does not see it listed', () => {
    const colleague = me('enterprise', { isEnterpriseAdmin: false });
    const item = itemsByPath().get('/enterprise/colleagues')!;
    expect(mayI(colleague, item.action)).toBe(true);
    expect(menuOf(colleague).map((m) => m.path)).not.toContain('/enterprise/colleagues');
  });

  it("another role's administrative pages are refused (the audit trail to a reviewer, accounts to the city)", () => {
    const pages = itemsByPath();
    expect(mayI(me('district_reviewer'), pages.get('/audit/events')!.action)).toBe(false);
    expect(mayI(me('city_admin'), pages.get('/security/users')!.action)).toBe(false);
    expect(mayI(me('security_admin'), pages.get('/admin/enterprises')!.action)).toBe(false);
    expect(mayI(null, pages.get('/enterprise/profile')!.action)).toBe(false);
  });
});

describe("the project module's workspaces", () => {
  // role → the workspace its declaration and project links go to, and the workspaces whose pages it opens.
  it.each([
    ['enterprise', '/enterprise', ['/enterprise']],
    ['district_reviewer', '/district', ['/district']],
    ['city_reviewer', '/city', ['/city']],
    ['city_admin', '/city', ['/city']],
    ['security_admin', '/city', []],
    ['audit_admin', '/city', []],
    ['bank_officer', '/city', []],
    ['insurer_officer', '/city', []],
    ['fund_operator', '/city', []],
    ['expert', '/city', []],
    ['external_auditor', '/city', []],
  ] as const)('%s: links to %s, opens %o', (role, link, opens) => {
    expect(workspaceOf(me(role))).toBe(link);
    expect(WORKSPACES.filter((w) => mayI(me(role), w.action)).map((w) => w.base)).toEqual(opens);
  });
});
