import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  dayKind,
  defaultCalendar,
  holidayOn,
  isWorkingDay,
  isYearKnown,
  nthWorkingDayAfter,
  workingDaysBetween,
} from './calendar';
import { addDays, fromDayNumber, isoDate, toDayNumber } from './dates';
import { type HolidayScheduleData, STATE_COUNCIL_SCHEDULES } from './holidays';
import { checkFilingWindow, filingWindow, filingWindowsOfYear, nextFilingWindow } from './windows';

const cal = defaultCalendar();
const RULE = { openDay: 10, closeDay: 15, postponeToWorkingDay: 3 };

describe('State Council schedules', () => {
  it.each([
    [2023, '国办发明电〔2022〕16号'],
    [2024, '国办发明电〔2023〕7号'],
    [2025, '国办发明电〔2024〕12号'],
    [2026, '国办发明电〔2025〕7号'],
  ])('%i cites %s', (year, notice) => {
    expect(cal.schedules.get(year)?.notice).toBe(notice);
    expect(isYearKnown(cal, year)).toBe(true);
  });

  it('does not know 2027 until an administrator adds it', () => expect(isYearKnown(cal, 2027)).toBe(false));

  it.each([2023, 2024, 2025, 2026])('every day of %i agrees with chinese-days', (year) => {
    const mismatches: string[] = [];
    for (let n = toDayNumber(isoDate(year, 1, 1)); n <= toDayNumber(isoDate(year, 12, 31)); n++) {
      const d = fromDayNumber(n);
      if (isWorkingDay(cal, d) !== chineseDays.isWorkday(d)) mismatches.push(d);
      // Every weekday holiday of chinese-days is inside one of our holiday breaks.
      if (chineseDays.isHoliday(d) && chineseDays.getDayDetail(d).name.includes(',') && !holidayOn(cal, d))
        mismatches.push(`${d} missing holiday`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['2024-02-18', 'makeup_workday'],
    ['2024-02-12', 'holiday'],
    ['2024-06-08', 'holiday'], // 端午 "与周末连休": the adjoining weekend belongs to the holiday
    ['2024-06-09', 'holiday'],
    ['2024-06-15', 'weekend'],
    ['2024-06-11', 'workday'],
    ['2023-12-30', 'holiday'], // 2024 元旦 joined to the weekend before it
    ['2026-02-14', 'makeup_workday'],
    ['2026-02-15', 'holiday'],
    ['2026-02-23', 'holiday'],
    ['2026-02-24', 'workday'],
    ['2026-02-28', 'makeup_workday'],
  ])('%s is a %s', (d, kind) => expect(dayKind(cal, d)).toBe(kind));

  it('widens a holiday over its adjoining weekend (端午 2024 = 6月8–10日, as the guide says)', () => {
    const b = holidayOn(cal, '2024-06-10')!;
    expect([b.name, b.start, b.end, b.declaredStart, b.declaredEnd]).toEqual([
      '端午节',
      '2024-06-08',
      '2024-06-10',
      '2024-06-10',
      '2024-06-10',
    ]);
  });
});

describe('working days', () => {
  it.each([
    // from, n, expected — the start day is not counted (开始的当日不计入)
    ['2024-02-25', 5, '2024-03-01'],
    ['2024-01-15', 5, '2024-01-22'],
    ['2024-02-09', 1, '2024-02-18'], // 春节 then the Sunday worked in lieu
    ['2024-02-09', 3, '2024-02-20'],
    ['2024-06-16', 5, '2024-06-21'],
    ['2024-09-30', 1, '2024-10-08'], // 国庆 1–7
    ['2023-09-28', 1, '2023-10-07'], // Saturday worked in lieu right after the break
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
  ])('%s + %i working days → %s', (from, n, to) => {
    const r = nthWorkingDayAfter(cal, from, n);
    expect(r.date).toBe(to);
    expect(r.counted).toHaveLength(n);
    expect(r.scheduleKnown).toBe(true);
  });

  it('flags a count that runs into an unknown year', () => {
    expect(nthWorkingDayAfter(cal, '2026-12-30', 5).scheduleKnown).toBe(false);
  });

  it('refuses a count below one', () => expect(() => nthWorkingDayAfter(cal, '2024-01-01', 0)).toThrow(RangeError));

  // February 2024: 21 weekdays − 5 weekdays of 春节 (12–16) + 2 Sundays worked in lieu (4th, 18th) = 18
  it('counts working days in a range', () => expect(workingDaysBetween(cal, '2024-02-01', '2024-02-29')).toBe(18));
});

describe('filing windows (第七条（一）, 申报指南 三（四）)', () => {
  it('the guide’s first example: February 2024 → 20–25 (春节 10–17, the 18th is a 调休 working day)', () => {
    const w = filingWindow(cal, '2024-02', RULE);
    expect([w.opens, w.closes, w.adjustment, w.reason, w.shifted]).toEqual([
      '2024-02-20',
      '2024-02-25',
      'postponed',
      '春节',
      true,
    ]);
    expect(w.countedWorkingDays).toEqual(['2024-02-18', '2024-02-19', '2024-02-20']);
  });

  it('the guide’s second example: June 2024 → 10–16 (端午 8–10 covers the 10th)', () => {
    const w = filingWindow(cal, '2024-06', RULE);
    expect([w.opens, w.closes, w.adjustment, w.reason, w.coveredDays]).toEqual([
      '2024-06-10',
      '2024-06-16',
      'extended',
      '端午节',
      1,
    ]);
  });

  it.each([
    // month, opens, closes, adjustment, extension lands in the holiday
    ['2023-01', '2023-01-10', '2023-01-15', 'none', false],
    ['2023-06', '2023-06-10', '2023-06-15', 'none', false],
    ['2023-10', '2023-10-10', '2023-10-15', 'none', false],
    ['2024-01', '2024-01-10', '2024-01-15', 'none', false], // an ordinary weekend inside the window moves nothing
    ['2024-09', '2024-09-10', '2024-09-16', 'extended', true], // 中秋 15–17
    ['2025-02', '2025-02-10', '2025-02-15', 'none', false],
    ['2025-06', '2025-06-10', '2025-06-15', 'none', false],
    ['2026-02', '2026-02-10', '2026-02-16', 'extended', true], // 春节 15–23: read to the letter, flagged
    ['2026-06', '2026-06-10', '2026-06-15', 'none', false],
  ])('%s → %s … %s (%s)', (month, opens, closes, adjustment, inHoliday) => {
    const w = filingWindow(cal, month, RULE);
    expect([w.opens, w.closes, w.adjustment, w.extensionInHoliday]).toEqual([opens, closes, adjustment, inHoliday]);
  });

  it('only four windows of 2023–2026 move, exactly those above', () => {
    const moved = [2023, 2024, 2025, 2026].flatMap((y) =>
      filingWindowsOfYear(cal, y, RULE)
        .filter((w) => w.shifted)
        .map((w) => w.month),
    );
    expect(moved).toEqual(['2024-02', '2024-06', '2024-09', '2026-02']);
  });

  it('keeps the postponed window’s length', () => {
    const w = filingWindow(cal, '2024-02', RULE);
    expect(toDayNumber(w.closes) - toDayNumber(w.opens)).toBe(5);
  });

  it.each([
    ['2024-02-15', false],
    ['2024-02-19', false],
    ['2024-02-20', true],
    ['2024-02-25', true],
    ['2024-02-26', false],
    ['2024-06-16', true],
    ['2024-06-17', false],
    ['2024-06-09', false],
    ['2024-03-09', false],
    ['2024-03-10', true],
  ])('declaring on %s is inside a window: %s', (d, inside) =>
    expect(checkFilingWindow(cal, d, RULE).inside).toBe(inside),
  );

  it('finds the next window', () => {
    expect(nextFilingWindow(cal, '2026-11-21', RULE).opens).toBe('2026-12-10');
    expect(nextFilingWindow(cal, '2024-02-16', RULE).opens).toBe('2024-02-20');
    expect(nextFilingWindow(cal, '2024-02-22', RULE).closes).toBe('2024-02-25');
  });
});

describe('calendars built from base data plus administrators’ additions', () => {
  const y2027: HolidayScheduleData = {
    year: 2027,
    notice: '国办发明电〔2026〕X号（测试）',
    title: '测试：2027年部分节假日安排',
    issuedOn: '2026-11-01',
    periods: [
      {
        name: '春节',
        start: '2027-02-06',
        end: '2027-02-14',
        makeUpWorkdays: ['2027-02-20'],
        clause: '二',
        statement: '测试数据',
      },
    ],
  };

  it('accepts an extra year and moves its windows', () => {
    const c = buildCalendar({ schedules: [y2027] });
    expect(isYearKnown(c, 2027)).toBe(true);
    const w = filingWindow(c, '2027-02', RULE);
    expect([w.adjustment, w.opens, w.closes]).toEqual(['extended', '2027-02-10', '2027-02-20']);
    // the default calendar is untouched
    expect(isYearKnown(defaultCalendar(), 2027)).toBe(false);
    expect(filingWindow(defaultCalendar(), '2027-02', RULE).scheduleKnown).toBe(false);
  });

  it('an administrator’s notice wins over the computed window', () => {
    const c = buildCalendar({
      windowOverrides: [{ month: '2026-02', opens: '2026-02-24', closes: '2026-03-01', notice: '江工信通知（测试）' }],
    });
    const w = filingWindow(c, '2026-02', RULE);
    expect([w.opens, w.closes, w.adjustment, w.notice]).toEqual([
      '2026-02-24',
      '2026-03-01',
      'notice',
      '江工信通知（测试）',
    ]);
    expect(checkFilingWindow(c, '2026-03-01', RULE).inside).toBe(true);
    expect(checkFilingWindow(c, '2026-02-12', RULE).inside).toBe(false);
  });

  it('a corrected year replaces the base schedule of that year', () => {
    const base2024 = STATE_COUNCIL_SCHEDULES.find((s) => s.year === 2024)!;
    const c = buildCalendar({
      schedules: [{ ...base2024, periods: base2024.periods.filter((p) => p.name !== '春节') }],
    });
    expect(filingWindow(c, '2024-02', RULE).adjustment).toBe('none');
    expect(filingWindow(cal, '2024-02', RULE).adjustment).toBe('postponed');
  });

  it.each([
    [{ schedules: [{ ...y2027, periods: [{ ...y2027.periods[0]!, start: '2027-02-30' }] }] }],
    [{ schedules: [{ ...y2027, periods: [{ ...y2027.periods[0]!, end: '2027-02-01' }] }] }],
    [{ windowOverrides: [{ month: '2027-13', opens: '2027-01-10', closes: '2027-01-15', notice: 'x' }] }],
    [{ windowOverrides: [{ month: '2027-01', opens: '2027-01-16', closes: '2027-01-15', notice: 'x' }] }],
  ])('rejects malformed additions', (additions) => expect(() => buildCalendar(additions)).toThrow(RangeError));

  it('weekends stay rest days in years without a schedule', () => {
    expect(isWorkingDay(cal, '2027-01-02')).toBe(false);
    expect(isWorkingDay(cal, addDays('2027-01-02', 2))).toBe(true);
  });
});
