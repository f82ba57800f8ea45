/**
 * Two-factor sign-in (等保 2.0 第三级，身份鉴别): the roles that must present a second factor (a TOTP code, RFC 6238)
 * besides the password. Other roles may enrol if they wish. Demonstration accounts are exempt and say so.
 */
import type { Actor, Role } from './actor';
import { can } from './policy';

export const TWO_FACTOR_REQUIRED_ROLES: readonly Role[] = [
  'city_admin',
  'security_admin',
  'audit_admin',
  'city_reviewer',
  'district_reviewer',
];

export function twoFactorRequired(role: Role): boolean {
  return TWO_FACTOR_REQUIRED_ROLES.includes(role);
}

/** Only the security administrator resets another person's authenticator (三权分立: not the business administrator). */
export function mayResetTwoFactor(actor: Actor): boolean {
  return can(actor, 'user.reset_two_factor');
}

/** TOTP parameters: 6 digits, 30-second steps, one step of clock drift either side. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
