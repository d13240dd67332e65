/**
 * @module Official Chinese public holidays and adjusted working days (放假调休), 2024–2026, as data.
 *
 * Sources, each the General Office of the State Council's notice for the year (国务院办公厅关于
 * 某年部分节假日安排的通知), transcribed date by date:
 * - 2024: 国办发明电〔2023〕7号, 2023-10-25.
 * - 2025: 国办发明电〔2024〕12号, 2024-11-12 (the first year under the revised 《全国年节及纪念日放假办法》,
 *   which added 除夕 and 5月2日).
 * - 2026: notice of 2025-11-04.
 *
 * `days` are the whole 放假调休 spans as announced, weekend days included (they are days off either
 * way); `workdays` are the weekend days announced as working days (上班). The 2024 notice only
 * "encourages" a day off on 除夕 (2024-02-09): it is a working day here. A province or a unit with
 * other days off merges its own calendar (`mergeCalendars`). Add the next year when its notice is out.
 */
import { addDays, daysBetween } from './calendar.js';
import type { WorkCalendar } from './calendar.js';

export interface PublicHoliday {
  year: number;
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节. */
  name: string;
  /** Days off, ISO dates, in order. */
  days: readonly string[];
  /** Weekend days worked in exchange (调休上班). */
  workdays: readonly string[];
  /** The notice the dates come from. */
  source: string;
}

const N2024 = '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）';
const N2025 = '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）';
const N2026 = '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）';

/** Consecutive ISO dates from `first` to `last`, both included. */
function span(first: string, last: string): string[] {
  const n = daysBetween(first, last);
  if (n < 0 || n > 15) throw new RangeError(`bad holiday span ${first}..${last}`);
  return Array.from({ length: n + 1 }, (_, i) => addDays(first, i));
}

export const CN_PUBLIC_HOLIDAYS: readonly PublicHoliday[] = Object.freeze([
  // 2024
  { year: 2024, name: '元旦', days: ['2024-01-01'], workdays: [], source: N2024 },
  { year: 2024, name: '春节', days: span('2024-02-10', '2024-02-17'), workdays: ['2024-02-04', '2024-02-18'], source: N2024 },
  { year: 2024, name: '清明节', days: span('2024-04-04', '2024-04-06'), workdays: ['2024-04-07'], source: N2024 },
  { year: 2024, name: '劳动节', days: span('2024-05-01', '2024-05-05'), workdays: ['2024-04-28', '2024-05-11'], source: N2024 },
  { year: 2024, name: '端午节', days: ['2024-06-10'], workdays: [], source: N2024 },
  { year: 2024, name: '中秋节', days: span('2024-09-15', '2024-09-17'), workdays: ['2024-09-14'], source: N2024 },
  { year: 2024, name: '国庆节', days: span('2024-10-01', '2024-10-07'), workdays: ['2024-09-29', '2024-10-12'], source: N2024 },
  // 2025
  { year: 2025, name: '元旦', days: ['2025-01-01'], workdays: [], source: N2025 },
  { year: 2025, name: '春节', days: span('2025-01-28', '2025-02-04'), workdays: ['2025-01-26', '2025-02-08'], source: N2025 },
  { year: 2025, name: '清明节', days: span('2025-04-04', '2025-04-06'), workdays: [], source: N2025 },
  { year: 2025, name: '劳动节', days: span('2025-05-01', '2025-05-05'), workdays: ['2025-04-27'], source: N2025 },
  { year: 2025, name: '端午节', days: span('2025-05-31', '2025-06-02'), workdays: [], source: N2025 },
  { year: 2025, name: '国庆节、中秋节', days: span('2025-10-01', '2025-10-08'), workdays: ['2025-09-28', '2025-10-11'], source: N2025 },
  // 2026
  { year: 2026, name: '元旦', days: span('2026-01-01', '2026-01-03'), workdays: ['2026-01-04'], source: N2026 },
  { year: 2026, name: '春节', days: span('2026-02-15', '2026-02-23'), workdays: ['2026-02-14', '2026-02-28'], source: N2026 },
  { year: 2026, name: '清明节', days: span('2026-04-04', '2026-04-06'), workdays: [], source: N2026 },
  { year: 2026, name: '劳动节', days: span('2026-05-01', '2026-05-05'), workdays: ['2026-05-09'], source: N2026 },
  { year: 2026, name: '端午节', days: span('2026-06-19', '2026-06-21'), workdays: [], source: N2026 },
  { year: 2026, name: '中秋节', days: span('2026-09-25', '2026-09-27'), workdays: [], source: N2026 },
  { year: 2026, name: '国庆节', days: span('2026-10-01', '2026-10-07'), workdays: ['2026-09-20', '2026-10-10'], source: N2026 },
].map((h) => Object.freeze({ ...h, days: Object.freeze(h.days), workdays: Object.freeze(h.workdays) })));

/** Years the shipped calendar covers. */
export const CN_CALENDAR_YEARS: readonly number[] = Object.freeze([2024, 2025, 2026]);

/** The national working-day calendar for 2024–2026. */
export const CN_WORK_CALENDAR: WorkCalendar = Object.freeze({
  holidays: Object.freeze(CN_PUBLIC_HOLIDAYS.flatMap((h) => h.days)),
  workdays: Object.freeze(CN_PUBLIC_HOLIDAYS.flatMap((h) => h.workdays)),
});
