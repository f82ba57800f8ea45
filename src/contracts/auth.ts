/** Sign-in and session contracts, shared by the API and the web app. */
import { z } from 'zod';
import { ROLES } from '../domain/access/actor';

export const ZLogin = z.object({
  username: z.string().trim().min(1).max(64).describe('用户名'),
  password: z.string().min(1).max(200).describe('密码'),
});
export type TLogin = z.infer<typeof ZLogin>;

export const ZMe = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  districtCode: z.string().nullable(),
  institutionId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  isEnterpriseAdmin: z.boolean(),
  mustChangePassword: z
    .boolean()
    .describe(
      '密码由管理员设置（临时密码），须先修改；此前除本接口、修改密码和退出外的请求均返回 403 PASSWORD_CHANGE_REQUIRED',
    ),
  csrfToken: z.string().describe('状态变更请求须在 x-csrf-token 头中回传'),
});
export type TMe = z.infer<typeof ZMe>;

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1).max(200).describe('当前密码'),
  newPassword: z.string().min(1).max(200).describe('新密码'),
});
export type TChangePassword = z.infer<typeof ZChangePassword>;
