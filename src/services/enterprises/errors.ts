/** Refusals specific to enterprises, with Chinese and English messages. */
import { AppError, Errors } from '../errors';

export const ENTERPRISE = { zh: '企业', en: 'Enterprise' };

export const enterpriseErrors = {
  notFound: () => Errors.notFound(ENTERPRISE),
  usccTaken: (uscc: string) =>
    new AppError(
      'USCC_TAKEN',
      409,
      {
        zh: `统一社会信用代码 ${uscc} 已被注册，不能重复注册；如需使用该企业账号，请联系本企业管理员添加`,
        en: `The unified social credit code ${uscc} is already registered; ask your enterprise's administrator for an account`,
      },
      [{ path: 'uscc', label: '统一社会信用代码', message: `统一社会信用代码 ${uscc} 已被注册` }],
    ),
  usernameTaken: (username: string) =>
    new AppError(
      'USERNAME_TAKEN',
      409,
      { zh: `用户名“${username}”已被使用，请换一个`, en: `The username "${username}" is taken` },
      [{ path: 'account.username', label: '用户名', message: `用户名“${username}”已被使用` }],
    ),
  versionConflict: (current: number) =>
    Errors.conflict(
      'VERSION_CONFLICT',
      `企业信息已被他人修改（当前版本 ${current}），请刷新后重试`,
      `The enterprise was changed by someone else (now version ${current}); reload and retry`,
      { currentVersion: current },
    ),
};
