/** Reference data and accounts: districts, financial institutions, users, sessions, API tokens. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, optionalRef, primaryId, requiredRef } from './columns';

export const districts = pgTable('districts', {
  /** GB/T 2260 code, e.g. 440703. */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A reference to a district: `district_code text references districts(code)`; `.notNull()` where required. */
export const districtRef = () => text('district_code').references(() => districts.code);

export const institutions = pgTable('institutions', {
  id: primaryId(),
  /** bank | insurer | guarantor | operator (a fund's delegated operator) | auditor (an external audit firm) */
  kind: text('kind').notNull(),
  name: text('name').notNull().unique(),
  shortName: text('short_name').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: primaryId(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    /** enterprise | district_reviewer | city_reviewer | city_admin | security_admin | audit_admin | bank_officer | insurer_officer | fund_operator | expert | external_auditor */
    role: text('role').notNull(),
    districtCode: districtRef(),
    institutionId: optionalRef('institution_id', () => institutions.id),
    enterpriseId: uuid('enterprise_id'),
    /** The enterprise's first user administers its colleagues. */
    isEnterpriseAdmin: boolean('is_enterprise_admin').notNull().default(false),
    active: boolean('active').notNull().default(true),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: instant('locked_until'),
    passwordChangedAt: instant('password_changed_at').notNull().defaultNow(),
    /**
     * Set when someone else chose the password (account created or password reset by an administrator); until the
     * holder changes it, every API request but sign-in, /auth/me, the password change and sign-out is refused.
     */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: instant('last_login_at'),
    /** A demonstration account (demo data): signs in without an authenticator; a server holding one refuses production. */
    isDemo: boolean('is_demo').notNull().default(false),
    /** TOTP secret (RFC 6238), encrypted with the personal-data cipher; set once enrolment is confirmed. */
    totpSecretEnc: text('totp_secret_enc'),
    /** Secret offered during enrolment, waiting for its first code; encrypted like the confirmed one. */
    totpPendingSecretEnc: text('totp_pending_secret_enc'),
    totpEnabledAt: instant('totp_enabled_at'),
    /** Time step (30 s counter) of the last accepted code, so a code cannot be used twice. */
    totpLastStep: integer('totp_last_step'),
    /** SHA-256 hashes of the one-time recovery codes not used yet (the codes are shown once). */
    totpRecoveryHashes: text('totp_recovery_hashes').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_username_lower_uq').on(sql`lower(${t.username})`),
    index('users_enterprise_idx').on(t.enterpriseId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token itself is only in the client's httpOnly cookie. */
    id: text('id').primaryKey(),
    userId: requiredRef('user_id', () => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    revokedAt: instant('revoked_at'),
    clientIp: text('client_ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable('api_tokens', {
  id: primaryId(),
  institutionId: requiredRef('institution_id', () => institutions.id),
  name: text('name').notNull(),
  /** SHA-256 of the token; shown once at creation. */
  tokenHash: text('token_hash').notNull().unique(),
  tokenPrefix: text('token_prefix').notNull(),
  createdBy: optionalRef('created_by', () => users.id),
  createdAt: createdAt(),
  revokedAt: instant('revoked_at'),
  lastUsedAt: instant('last_used_at'),
  /** From this instant on the token is refused (401 TOKEN_EXPIRED); chosen at issue, at most 730 days ahead. */
  expiresAt: instant('expires_at').notNull(),
});
