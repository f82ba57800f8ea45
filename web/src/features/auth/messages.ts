/** The sign-in and two-factor texts, Chinese first; English must have every key (the type checks it). */
export const authZh = {
  'auth.login.otp': '动态口令',
  'auth.login.otpHelp': '请输入手机身份验证器显示的 6 位数字；手机不在身边时可输入一个恢复码',

  'auth.twoFactor.menu': '双因素登录（身份验证器）',
  'auth.twoFactor.title': '绑定身份验证器',
  'auth.twoFactor.forcedIntro': '您的角色须使用双因素登录（等保 2.0 第三级）。请先绑定身份验证器后再继续使用。',
  'auth.twoFactor.intro':
    '用手机身份验证器（如 Microsoft Authenticator、Google 身份验证器）扫描二维码，或手动输入下方密钥，然后输入它显示的 6 位数字。',
  'auth.twoFactor.start': '开始绑定',
  'auth.twoFactor.secret': '密钥',
  'auth.twoFactor.qr': '身份验证器扫描的二维码（也可手动输入下方密钥）',
  'auth.twoFactor.confirm': '完成绑定',
  'auth.twoFactor.enrolled': '已绑定身份验证器。',
  'auth.twoFactor.enrolledHelp': '如需更换手机，请联系安全管理员重置后重新绑定。',
  'auth.twoFactor.recoveryTitle': '恢复码（仅显示这一次，请抄写或打印后妥善保存；每个只能使用一次）',
  'auth.twoFactor.done': '我已保存',
  'auth.twoFactor.demoAccount': '演示账号免动态口令，无需绑定。',
  'auth.twoFactor.logout': '退出登录',
  'auth.twoFactor.close': '关闭',

  'auth.demo.banner': '演示环境：本服务器含演示账号（免动态口令），数据仅供演示，不得用于生产。',
} as const;

export const authEn: Record<keyof typeof authZh, string> = {
  'auth.login.otp': 'Authentication code',
  'auth.login.otpHelp': 'Enter the 6 digits your authenticator shows, or one of your recovery codes',

  'auth.twoFactor.menu': 'Two-factor sign-in (authenticator)',
  'auth.twoFactor.title': 'Enrol an authenticator',
  'auth.twoFactor.forcedIntro': 'Your role must sign in with two factors. Enrol an authenticator before you continue.',
  'auth.twoFactor.intro':
    'Scan the QR code with an authenticator app, or type the secret below, then enter the 6 digits it shows.',
  'auth.twoFactor.start': 'Start',
  'auth.twoFactor.secret': 'Secret',
  'auth.twoFactor.qr': 'QR code for the authenticator (or type the secret below)',
  'auth.twoFactor.confirm': 'Confirm',
  'auth.twoFactor.enrolled': 'An authenticator is enrolled.',
  'auth.twoFactor.enrolledHelp': 'To change phones, ask the security administrator to reset it, then enrol again.',
  'auth.twoFactor.recoveryTitle': 'Recovery codes (shown this once; keep them safe; each works once)',
  'auth.twoFactor.done': 'I have saved them',
  'auth.twoFactor.demoAccount': 'Demo accounts sign in without an authenticator.',
  'auth.twoFactor.logout': 'Sign out',
  'auth.twoFactor.close': 'Close',

  'auth.demo.banner': 'Demo: this server holds demo accounts (no authenticator needed); not for production use.',
};
