/** This feature's Chinese/English texts (Chinese first). */
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS } from '../../../../src/contracts/users';

export const U = {
  mustChange: { zh: '待本人改密', en: 'Must change password' },
  tempPasswordForced: {
    zh: '本人首次登录后须先修改密码，才能使用其他功能。',
    en: 'At first sign-in the holder must change it before doing anything else.',
  },
  expiresAt: { zh: '有效期至', en: 'Expires' },
  expiresAtExtra: {
    zh: `当日 0 时（北京时间）起失效。不填为 ${API_TOKEN_DEFAULT_DAYS} 天后，最长 ${API_TOKEN_MAX_DAYS} 天。`,
    en: `Stops working at 00:00 Beijing time that day. Default ${API_TOKEN_DEFAULT_DAYS} days, at most ${API_TOKEN_MAX_DAYS}.`,
  },
  expired: { zh: '已过期', en: 'Expired' },
};
