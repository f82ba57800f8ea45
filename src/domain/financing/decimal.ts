/** A decimal string with at most 6 places ("0.0345", "1.5") as an exact integer ×10^6. */
export function micros(s: string): bigint {
  const [i = '0', f = ''] = s.split('.');
  return BigInt(i) * 1_000_000n + BigInt(`${f}000000`.slice(0, 6));
}
