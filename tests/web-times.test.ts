/**
 * Every time a person reads is Beijing time whatever the browser's timezone, written the same unambiguous way in
 * Chinese and English ("2026-06-15 10:00", never 15/06/2026): pages format API instants through
 * `web/src/shared/time.ts`, never by slicing the UTC string or with the browser's own timezone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatInstant, formatInstantDate } from '../web/src/shared/time';

const WEB = path.resolve(__dirname, '../web/src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('times on the pages', () => {
  it('a UTC instant is shown as Beijing wall time, in both languages alike', () => {
    expect(formatInstant('2026-06-15T02:00:00.000Z')).toBe('2026-06-15 10:00');
    expect(formatInstant('2026-06-15T17:30:00.000Z')).toBe('2026-06-16 01:30');
    expect(formatInstantDate('2026-06-15T17:30:00.000Z')).toBe('2026-06-16');
    expect(formatInstant(null)).toBe('—');
  });

  it('no page slices an instant or formats it in the browser timezone', () => {
    const offenders: string[] = [];
    const patterns = [
      /\.toLocale(Date|Time)?String\(/,
      /At\.slice\(0, (10|16)\)\.replace\('T'/,
      /\.slice\(11, 16\)/,
      /(At|\bv|\bat)\.slice\(0, 16\)\.replace/,
      /dataIndex: '\w+At', render: \(v: string\) => v\.slice\(0, 10\)/,
    ];
    for (const file of sources(WEB)) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (patterns.some((re) => re.test(line)))
          offenders.push(`${path.relative(WEB, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
