/** This feature's Chinese/English texts (Chinese first). */
export const A = {
  forcedTitle: { zh: '请先修改密码', en: 'Change your password first' },
  forcedIntro: {
    zh: '您的密码由管理员设置（临时密码）。为保护账号安全，请设置只有您本人知道的新密码后再继续使用。',
    en: 'Your password was set by an administrator (temporary password). Choose a new one only you know before you continue.',
  },
  forcedCurrent: { zh: '当前密码（临时密码）', en: 'Current password (temporary)' },
  logout: { zh: '退出登录', en: 'Sign out' },
};
