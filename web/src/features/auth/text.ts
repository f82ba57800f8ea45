/** This feature's Chinese/English texts (Chinese first). */
export const A = {
  forcedTitle: { zh: '请先修改密码', en: 'Change your password first' },
  forcedIntro: {
    zh: '您的密码由管理员设置（临时密码）。为保护账号安全，请设置只有您本人知道的新密码后再继续使用。',
    en: 'Your password was set by an administrator (temporary password). Choose a new one only you know before you continue.',
  },
  forcedCurrent: { zh: '当前密码（临时密码）', en: 'Current password (temporary)' },
  logout: { zh: '退出登录', en: 'Sign out' },
  otp: { zh: '动态口令', en: 'Authentication code' },
  otpHelp: {
    zh: '请输入手机身份验证器显示的 6 位数字；手机不在身边时可输入一个恢复码',
    en: 'Enter the 6 digits your authenticator shows, or one of your recovery codes',
  },
  enrolMenu: { zh: '双因素登录（身份验证器）', en: 'Two-factor sign-in (authenticator)' },
  enrolTitle: { zh: '绑定身份验证器', en: 'Enrol an authenticator' },
  enrolForcedIntro: {
    zh: '您的角色须使用双因素登录（等保 2.0 第三级）。请先绑定身份验证器后再继续使用。',
    en: 'Your role must sign in with two factors. Enrol an authenticator before you continue.',
  },
  enrolIntro: {
    zh: '用手机身份验证器（如 Microsoft Authenticator、Google 身份验证器）扫描二维码，或手动输入下方密钥，然后输入它显示的 6 位数字。',
    en: 'Scan the QR code with an authenticator app, or type the secret below, then enter the 6 digits it shows.',
  },
  enrolStart: { zh: '开始绑定', en: 'Start' },
  enrolSecret: { zh: '密钥', en: 'Secret' },
  enrolConfirm: { zh: '完成绑定', en: 'Confirm' },
  enrolled: { zh: '已绑定身份验证器。', en: 'An authenticator is enrolled.' },
  enrolledHelp: {
    zh: '如需更换手机，请联系安全管理员重置后重新绑定。',
    en: 'To change phones, ask the security administrator to reset it, then enrol again.',
  },
  recoveryTitle: {
    zh: '恢复码（仅显示这一次，请抄写或打印后妥善保存；每个只能使用一次）',
    en: 'Recovery codes (shown this once; keep them safe; each works once)',
  },
  done: { zh: '我已保存', en: 'I have saved them' },
  demoBanner: {
    zh: '演示环境：本服务器含演示账号（免动态口令），数据仅供演示，不得用于生产。',
    en: 'Demo: this server holds demo accounts (no authenticator needed); not for production use.',
  },
  demoAccount: { zh: '演示账号免动态口令，无需绑定。', en: 'Demo accounts sign in without an authenticator.' },
};
