import { describe, expect, it } from 'vitest';
import { chinaDateOf, chinaStartOf, formatChinaDateTime } from './china-time';

describe('China time of an instant', () => {
  it.each([
    ['2024-03-14T15:59:59.999Z', '2024-03-14'],
    ['2024-03-14T16:00:00.000Z', '2024-03-15'],
    ['2024-12-31T16:00:00Z', '2025-01-01'],
    ['2024-02-28T16:30:00Z', '2024-02-29'],
  ])('%s is %s in Beijing', (instant, date) => {
    expect(chinaDateOf(new Date(instant))).toBe(date);
  });

  it('a Beijing date begins at 16:00 UTC the day before', () => {
    expect(chinaStartOf('2024-03-15').toISOString()).toBe('2024-03-14T16:00:00.000Z');
    expect(chinaDateOf(chinaStartOf('2024-03-15'))).toBe('2024-03-15');
  });

  it('writes the wall time to the minute', () => {
    expect(formatChinaDateTime(new Date('2024-03-15T02:30:45Z'))).toBe('2024-03-15 10:30');
    expect(formatChinaDateTime(new Date('2024-03-15T16:05:00Z'))).toBe('2024-03-16 00:05');
  });
});
