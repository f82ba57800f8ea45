/**
 * Mainland China telephone numbers: mobile (11 digits starting 13–19, optional +86) or landline with area code
 * (010 and 02x have 3 digits, the rest 4), optional extension. Normalised for storage: "13800138000",
 * "0750-3501234", "0750-3501234-801". Pure.
 */

export type PhoneResult =
  | { ok: true; value: string; kind: 'mobile' | 'landline' }
  | { ok: false; zh: string; en: string };

export function validatePhone(input: string): PhoneResult {
  const raw = (input ?? '').trim().replace(/[\s\u3000()（）]/g, '');
  const mobile = raw.replace(/^(\+86|0086|86)-?/, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return { ok: true, value: mobile, kind: 'mobile' };
  const parts = /^(0\d{2,3})-?(\d{7,8})(?:[-转#](\d{1,6}))?$/.exec(raw);
  if (parts) {
    const digits = parts[1]! + parts[2]!;
    const areaLen = /^0[12]/.test(digits) ? 3 : 4;
    const area = digits.slice(0, areaLen);
    const local = digits.slice(areaLen);
    if (/^[2-9]\d{6,7}$/.test(local)) {
      return { ok: true, value: parts[3] ? `${area}-${local}-${parts[3]}` : `${area}-${local}`, kind: 'landline' };
    }
  }
  return {
    ok: false,
    zh: '不是有效的电话号码，应为 11 位手机号（如 13800138000）或带区号的固定电话（如 0750-3501234）',
    en: 'is not a valid mainland phone number: an 11-digit mobile or a landline with area code (0750-3501234)',
  };
}
