import { describe, expect, it } from 'vitest';
import { validatePhone } from './phone';

describe('validatePhone', () => {
  it.each([
    ['13800138000', '13800138000', 'mobile'],
    ['+86 138 0013 8000', '13800138000', 'mobile'],
    ['19912345678', '19912345678', 'mobile'],
    ['0750-3501234', '0750-3501234', 'landline'],
    ['07503501234', '0750-3501234', 'landline'],
    ['(0750)3501234', '0750-3501234', 'landline'],
    ['020-83501234', '020-83501234', 'landline'],
    ['010 62501234', '010-62501234', 'landline'],
    ['0750-3501234-801', '0750-3501234-801', 'landline'],
  ])('accepts %s as %s', (input, value, kind) => {
    expect(validatePhone(input)).toEqual({ ok: true, value, kind });
  });

  it.each(['', '1380013800', '12345678901', '23800138000', '3501234', '0750-0501234', '0750-350123', 'abc'])(
    'refuses %j with a Chinese message',
    (input) => {
      const r = validatePhone(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.zh).toContain('不是有效的电话号码');
    },
  );
});
