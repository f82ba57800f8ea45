/** Sign-in and session contracts, shared by the API and the web app. */
import { z } from 'zod';
import { ROLES } from '../domain/access/actor';

export const ZLogin = z.object({
  username: z.string().trim().min(1).max(64).describe('用户名'),
  password: z.string().min(1).max(200).describe('密码'),
  otp: z
    .string()
    .trim()
    .max(32)
    .optional()
    .describe('动态口令或恢复码（已绑定身份验证器的账号在第二步提交；缺少时返回 401 SECOND_FACTOR_REQUIRED）'),
});
export type TLogin = z.infer<typeof ZLogin>;

/** Who an account is and where it works: the fields the signed-in user's own view and the account list share. */
export const ZAccountIdentity = z.object({
  id: z.string().describe('用户编号'),
  username: z.string().describe('用户名'),
  displayName: z.string().describe('姓名'),
  role: z.enum(ROLES).describe('角色'),
  districtCode: z.string().nullable().describe('所属县（市、区）代码'),
  institutionId: z.string().nullable().describe('所属金融机构编号'),
  enterpriseId: z.string().nullable().describe('所属企业编号'),
  isEnterpriseAdmin: z.boolean().describe('企业管理员'),
});

export const ZMe = ZAccountIdentity.extend({
  mustChangePassword: z
    .boolean()
    .describe(
      '密码由管理员设置（临时密码），须先修改；此前除本接口、修改密码和退出外的请求均返回 403 PASSWORD_CHANGE_REQUIRED',
    ),
  mustEnrolTwoFactor: z
    .boolean()
    .describe(
      '该角色须双因素登录而尚未绑定身份验证器；绑定前除本接口、绑定和退出外的请求均返回 403 TWO_FACTOR_ENROLMENT_REQUIRED',
    ),
  twoFactorEnabled: z.boolean().describe('已绑定身份验证器'),
  isDemo: z.boolean().describe('演示账号（免动态口令）'),
  csrfToken: z.string().describe('状态变更请求须在 x-csrf-token 头中回传'),
});
export type TMe = z.infer<typeof ZMe>;

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1).max(200).describe('当前密码'),
  newPassword: z.string().min(1).max(200).describe('新密码'),
});

export const ZTwoFactorSetup = z.object({
  secret: z.string().describe('密钥（Base32），无法扫码时手动输入身份验证器'),
  otpauthUri: z.string().describe('otpauth:// 地址，用于生成二维码'),
});
export type TTwoFactorSetup = z.infer<typeof ZTwoFactorSetup>;

export const ZTwoFactorConfirm = z.object({
  code: z.string().trim().min(1).max(16).describe('身份验证器显示的 6 位动态口令'),
});

export const ZTwoFactorEnabled = z.object({
  recoveryCodes: z.array(z.string()).describe('恢复码（仅显示这一次，请妥善保存；每个只能使用一次）'),
});
export type TTwoFactorEnabled = z.infer<typeof ZTwoFactorEnabled>;

export const ZSiteInfo = z.object({
  demo: z.boolean().describe('本服务器含演示账号（仅供演示，不得用于生产）'),
});
export type TSiteInfo = z.infer<typeof ZSiteInfo>;
