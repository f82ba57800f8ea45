import { describe, expect, it } from 'vitest';
import type { CliIO } from './commands/_io';
import * as cmd from './commands/risk-compensation';

async function call(stdin: unknown) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdinIsTTY: false,
    readStdin: async () => JSON.stringify(stdin),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  const code = await cmd.run(['--json'], io);
  return { code, json: () => JSON.parse(out.join('\n')), stderr: err.join('\n') };
}

const EXAMPLE = {
  loss: '1000000.00',
  recoveredBeforeClaim: '200000.00',
  share: '0.50',
  capPerLoan: '300000.00',
  recoveriesAfterPayment: ['100000.00'],
};

describe('huiqi risk-compensation --json', () => {
  it('computes the contract example exactly', async () => {
    const r = await call(EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ compensation: '300000.00', returned: '37500.00', net: '262500.00' });
    expect(r.json().explanation.join('')).toContain('三（五）2');
  });

  it('without a cap pays net loss × share, and returns never pass the compensation', async () => {
    const r = await call({ ...EXAMPLE, capPerLoan: null, recoveriesAfterPayment: ['333.33', '0.01'] });
    // 800,000 × 0.5 = 400,000; returned = 333.34 × 400,000 / 800,000 = 166.67
    expect(r.json()).toMatchObject({ compensation: '400000.00', returned: '166.67', net: '399833.33' });
    const all = await call({ ...EXAMPLE, recoveriesAfterPayment: ['800000.00'] });
    expect(all.json()).toMatchObject({ returned: '300000.00', net: '0.00' });
  });

  it.each([
    [{ ...EXAMPLE, share: '1.20' }, '补偿比例'],
    [{ ...EXAMPLE, loss: '-5.00' }, '损失金额'],
    [{ ...EXAMPLE, recoveriesAfterPayment: ['900000.00'] }, '补偿后追回金额'],
    [{ ...EXAMPLE, recoveredBeforeClaim: '1000000.00' }, '申请补偿前已回收金额'],
  ])('refuses bad input with exit 2 and a Chinese message naming the field (%#)', async (input, field) => {
    const r = await call(input);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(field);
  });
});
