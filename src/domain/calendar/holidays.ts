/**
 * The State Council's holiday schedules (国务院办公厅关于部分节假日安排的通知), one notice per year, as data.
 *
 * Each period is written as the notice states it ("放假调休" days) together with the weekend days the notice
 * names as working days in lieu (调休上班). Where a notice says "与周末连休" (joined to the weekend) the
 * calendar extends the period over the adjoining weekend, which is how the application guide reads it
 * (申报指南 三（四）: "2024年6月8-10日为端午节" for a notice that says "6月10日放假，与周末连休").
 *
 * Years not listed here are unknown to the calendar until an administrator adds them (see `buildCalendar`).
 * A test cross-checks every day of these years against the `chinese-days` package.
 */
import type { IsoDate } from './dates';

export interface HolidayPeriodData {
  /** Name as in the notice: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 (or 中秋节、国庆节 when merged). */
  readonly name: string;
  /** First and last 放假 day as the notice states them (inclusive). */
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Weekend days worked in lieu (调休上班) that the notice attaches to this holiday. */
  readonly makeUpWorkdays: readonly IsoDate[];
  /** Clause of the notice (一、二、…). */
  readonly clause: string;
  /** The notice's own words for this holiday. */
  readonly statement: string;
}

export interface HolidayScheduleData {
  readonly year: number;
  /** Notice number, e.g. 国办发明电〔2023〕7号. */
  readonly notice: string;
  readonly title: string;
  readonly issuedOn: IsoDate;
  readonly periods: readonly HolidayPeriodData[];
}

export const STATE_COUNCIL_SCHEDULES: readonly HolidayScheduleData[] = [
  {
    year: 2023,
    notice: '国办发明电〔2022〕16号',
    title: '国务院办公厅关于2023年部分节假日安排的通知',
    issuedOn: '2022-12-08',
    periods: [
      {
        name: '元旦',
        start: '2022-12-31',
        end: '2023-01-02',
        makeUpWorkdays: [],
        clause: '一',
        statement: '2022年12月31日至2023年1月2日放假调休，共3天。',
      },
      {
        name: '春节',
        start: '2023-01-21',
        end: '2023-01-27',
        makeUpWorkdays: ['2023-01-28', '2023-01-29'],
        clause: '二',
        statement: '1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。',
      },
      {
        name: '清明节',
        start: '2023-04-05',
        end: '2023-04-05',
        makeUpWorkdays: [],
        clause: '三',
        statement: '4月5日放假，共1天。',
      },
      {
        name: '劳动节',
        start: '2023-04-29',
        end: '2023-05-03',
        makeUpWorkdays: ['2023-04-23', '2023-05-06'],
        clause: '四',
        statement: '4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。',
      },
      {
        name: '端午节',
        start: '2023-06-22',
        end: '2023-06-24',
        makeUpWorkdays: ['2023-06-25'],
        clause: '五',
        statement: '6月22日至24日放假调休，共3天。6月25日（星期日）上班。',
      },
      {
        name: '中秋节、国庆节',
        start: '2023-09-29',
        end: '2023-10-06',
        makeUpWorkdays: ['2023-10-07', '2023-10-08'],
        clause: '六',
        statement: '9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。',
      },
    ],
  },
  {
    year: 2024,
    notice: '国办发明电〔2023〕7号',
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    issuedOn: '2023-10-25',
    periods: [
      {
        name: '元旦',
        start: '2024-01-01',
        end: '2024-01-01',
        makeUpWorkdays: [],
        clause: '一',
        statement: '1月1日放假，与周末连休。',
      },
      {
        name: '春节',
        start: '2024-02-10',
        end: '2024-02-17',
        makeUpWorkdays: ['2024-02-04', '2024-02-18'],
        clause: '二',
        statement: '2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。',
      },
      {
        name: '清明节',
        start: '2024-04-04',
        end: '2024-04-06',
        makeUpWorkdays: ['2024-04-07'],
        clause: '三',
        statement: '4月4日至6日放假调休，共3天。4月7日（星期日）上班。',
      },
      {
        name: '劳动节',
        start: '2024-05-01',
        end: '2024-05-05',
        makeUpWorkdays: ['2024-04-28', '2024-05-11'],
        clause: '四',
        statement: '5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。',
      },
      {
        name: '端午节',
        start: '2024-06-10',
        end: '2024-06-10',
        makeUpWorkdays: [],
        clause: '五',
        statement: '6月10日放假，与周末连休。',
      },
      {
        name: '中秋节',
        start: '2024-09-15',
        end: '2024-09-17',
        makeUpWorkdays: ['2024-09-14'],
        clause: '六',
        statement: '9月15日至17日放假调休，共3天。9月14日（星期六）上班。',
      },
      {
        name: '国庆节',
        start: '2024-10-01',
        end: '2024-10-07',
        makeUpWorkdays: ['2024-09-29', '2024-10-12'],
        clause: '七',
        statement: '10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。',
      },
    ],
  },
  {
    year: 2025,
    notice: '国办发明电〔2024〕12号',
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    issuedOn: '2024-11-12',
    periods: [
      {
        name: '元旦',
        start: '2025-01-01',
        end: '2025-01-01',
        makeUpWorkdays: [],
        clause: '一',
        statement: '1月1日（周三）放假1天，不调休。',
      },
      {
        name: '春节',
        start: '2025-01-28',
        end: '2025-02-04',
        makeUpWorkdays: ['2025-01-26', '2025-02-08'],
        clause: '二',
        statement:
          '1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。',
      },
      {
        name: '清明节',
        start: '2025-04-04',
        end: '2025-04-06',
        makeUpWorkdays: [],
        clause: '三',
        statement: '4月4日（周五）至6日（周日）放假，共3天。',
      },
      {
        name: '劳动节',
        start: '2025-05-01',
        end: '2025-05-05',
        makeUpWorkdays: ['2025-04-27'],
        clause: '四',
        statement: '5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。',
      },
      {
        name: '端午节',
        start: '2025-05-31',
        end: '2025-06-02',
        makeUpWorkdays: [],
        clause: '五',
        statement: '5月31日（周六）至6月2日（周一）放假，共3天。',
      },
      {
        name: '国庆节、中秋节',
        start: '2025-10-01',
        end: '2025-10-08',
        makeUpWorkdays: ['2025-09-28', '2025-10-11'],
        clause: '六',
        statement: '10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。',
      },
    ],
  },
  {
    year: 2026,
    notice: '国办发明电〔2025〕7号',
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    issuedOn: '2025-11-04',
    periods: [
      {
        name: '元旦',
        start: '2026-01-01',
        end: '2026-01-03',
        makeUpWorkdays: ['2026-01-04'],
        clause: '一',
        statement: '1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。',
      },
      {
        name: '春节',
        start: '2026-02-15',
        end: '2026-02-23',
        makeUpWorkdays: ['2026-02-14', '2026-02-28'],
        clause: '二',
        statement:
          '2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。',
      },
      {
        name: '清明节',
        start: '2026-04-04',
        end: '2026-04-06',
        makeUpWorkdays: [],
        clause: '三',
        statement: '4月4日（周六）至6日（周一）放假，共3天。',
      },
      {
        name: '劳动节',
        start: '2026-05-01',
        end: '2026-05-05',
        makeUpWorkdays: ['2026-05-09'],
        clause: '四',
        statement: '5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。',
      },
      {
        name: '端午节',
        start: '2026-06-19',
        end: '2026-06-21',
        makeUpWorkdays: [],
        clause: '五',
        statement: '6月19日（周五）至21日（周日）放假，共3天。',
      },
      {
        name: '中秋节',
        start: '2026-09-25',
        end: '2026-09-27',
        makeUpWorkdays: [],
        clause: '六',
        statement: '9月25日（周五）至27日（周日）放假，共3天。',
      },
      {
        name: '国庆节',
        start: '2026-10-01',
        end: '2026-10-07',
        makeUpWorkdays: ['2026-09-20', '2026-10-10'],
        clause: '七',
        statement: '10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。',
      },
    ],
  },
];
