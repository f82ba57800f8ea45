/**
 * Accounts and bank API tokens: schemas shared by the API and the web app.
 * Enterprise administrators manage colleagues of their own enterprise; the security administrator manages
 * staff accounts and the API tokens of cooperating banks/insurers.
 */
import { z } from 'zod';
import { ROLES } from '../domain/access/actor';
import { ZAccountIdentity } from './auth';
import { countedList, pagedList, ZUuid } from './fields';

export { STAFF_ROLES } from '../domain/access/policy';

export const ZUserId = z.object({ id: ZUuid('用户编号') });

export const ZUser = ZAccountIdentity.extend({
  active: z.boolean(),
  /** ISO 8601 instant; set while the account is locked after failed logins. */
  lockedUntil: z.string().nullable(),
  /** The password was set by an administrator and has not yet been changed by its holder. */
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserListQuery = z.object({
  q: z.string().trim().max(64).optional().describe('关键字（用户名或姓名）'),
  role: z.enum(ROLES).optional().describe('角色'),
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const ZUserList = pagedList(ZUser);
export type TUserList = z.infer<typeof ZUserList>;

export const ZUsername = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: '只能包含字母、数字、下划线、点和连字符，且以字母或数字开头' })
  .describe('用户名');

/**
 * Create an account. The security administrator creates staff (role required; district for district
 * reviewers, institution for bank/insurer officers). An enterprise administrator creates colleagues: role
 * `enterprise` (or omitted), always in its own enterprise. Without a password a temporary one is generated
 * and returned once.
 */
export const ZCreateUser = z
  .object({
    username: ZUsername,
    displayName: z.string().trim().min(1).max(50).describe('姓名'),
    role: z.enum(ROLES).optional().describe('角色'),
    districtCode: z
      .string()
      .regex(/^\d{6}$/, { message: '应为 6 位行政区划代码' })
      .optional()
      .describe('所属县（市、区）'),
    institutionId: ZUuid('所属金融机构').optional(),
    password: z.string().min(1).max(200).optional().describe('初始密码'),
  })
  .strict();
export type TCreateUser = z.infer<typeof ZCreateUser>;

/** An account with the password the platform generated for it (null when the person chose one). */
const userWithTemporaryPassword = () =>
  z.object({
    user: ZUser,
    /** Only when the password was generated: shown once, never stored in clear. */
    temporaryPassword: z.string().nullable(),
  });

export const ZCreatedUser = userWithTemporaryPassword();
export type TCreatedUser = z.infer<typeof ZCreatedUser>;

/** Reset a password: give a new one that satisfies the policy, or omit it to get a temporary one (shown once). */
export const ZResetPassword = z
  .object({
    newPassword: z.string().min(1).max(200).optional().describe('新密码'),
  })
  .strict();
export type TResetPassword = z.infer<typeof ZResetPassword>;

export const ZResetPasswordResult = userWithTemporaryPassword();
export type TResetPasswordResult = z.infer<typeof ZResetPasswordResult>;

export const ZUserResult = z.object({ user: ZUser });

// ---------------------------------------------------------------------------------------------------------------
// API tokens of bank/insurer systems

export const ZApiTokenId = z.object({ id: ZUuid('令牌编号') });

/**
 * Security policy for bank/insurer API tokens (our own rule, not from a policy document): a token is a bearer
 * credential held by another organisation's system, so it must not live forever. Issued for a year by default, at
 * most two years, so every token is reviewed and re-issued at least every two years (等保 2.0 identification and
 * authentication: credentials are replaced periodically). Expiry is 00:00 Beijing time of the chosen date.
 */
export const API_TOKEN_DEFAULT_DAYS = 365;
export const API_TOKEN_MAX_DAYS = 730;

export const API_TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
export type TApiTokenStatus = (typeof API_TOKEN_STATUSES)[number];

export const ZApiToken = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  name: z.string(),
  /** The first characters of the token, to recognise it; the token itself is shown only once. */
  tokenPrefix: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** ISO 8601 instant from which the token is refused (401 TOKEN_EXPIRED). */
  expiresAt: z.string(),
  /** revoked, else expired once `expiresAt` has passed, else active. */
  status: z.enum(API_TOKEN_STATUSES),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZApiTokenListQuery = z.object({
  institutionId: ZUuid('所属金融机构').optional(),
  includeRevoked: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('是否包含已吊销的令牌'),
});
export type TApiTokenListQuery = z.infer<typeof ZApiTokenListQuery>;

export const ZApiTokenList = countedList(ZApiToken);
export type TApiTokenList = z.infer<typeof ZApiTokenList>;

export const ZIssueApiToken = z
  .object({
    institutionId: ZUuid('所属金融机构'),
    name: z.string().trim().min(1).max(50).describe('令牌名称'),
    expiresAt: z.iso
      .date({ message: '有效期应为日期（YYYY-MM-DD）' })
      .optional()
      .describe(
        `有效期至（北京时间当日 0 时失效；不填则为 ${API_TOKEN_DEFAULT_DAYS} 天后，最长 ${API_TOKEN_MAX_DAYS} 天）`,
      ),
  })
  .strict();
export type TIssueApiToken = z.infer<typeof ZIssueApiToken>;

export const ZIssuedApiToken = z.object({
  apiToken: ZApiToken,
  /** The secret, shown once: send it as `Authorization: Bearer <token>`. */
  token: z.string(),
});
export type TIssuedApiToken = z.infer<typeof ZIssuedApiToken>;

export const ZApiTokenResult = z.object({ apiToken: ZApiToken });
