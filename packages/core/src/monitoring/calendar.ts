/**
 * @module Calendar dates and working days (工作日), without a clock: dates are ISO calendar dates
 * (`2024-06-30`) as written, converted to day numbers by a proleptic Gregorian algorithm (no `Date`,
 * no time zone). A working day is Monday to Friday, except public holidays, plus the weekend days
 * officially made working days (调休上班); the holiday calendar is data passed in (see `holidays.ts`).
 */

/** Public holidays and adjusted working days, as ISO dates. */
export interface WorkCalendar {
  /** Days off: public holidays and the days moved around them (放假调休), weekends included or not. */
  readonly holidays: readonly string[];
  /** Weekend days that are working days (调休上班). */
  readonly workdays: readonly string[];
}

/** A calendar with no holidays: Monday to Friday are working days. */
export const WEEKDAYS_ONLY: WorkCalendar = Object.freeze({ holidays: Object.freeze([]), workdays: Object.freeze([]) });

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** Days in a month of a year (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Reads `2024-06-30` (or the date part of `2024-06-30T09:00:00+08:00`); undefined when not a real date. */
export function parseIsoDate(text: string): CivilDate | undefined {
  const m = DATE_RE.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True for a real ISO calendar date (`2024-02-29` yes, `2023-02-29` no). */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function dayNumber(d: CivilDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (H. Hinnant's civil_from_days). */
export function fromDayNumber(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function formatIsoDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Day of the week, 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(d: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  const w = (((dayNumber(d) + 3) % 7) + 7) % 7;
  return w + 1;
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  const d = requireDate(date);
  return formatIsoDate(fromDayNumber(dayNumber(d) + n));
}

/** Calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(requireDate(b)) - dayNumber(requireDate(a));
}

/** Day of the year, 1 … 365 (366). */
export function dayOfYear(d: CivilDate): number {
  return dayNumber(d) - dayNumber({ year: d.year, month: 1, day: 1 }) + 1;
}

/** The last day of a month as an ISO date: `endOfMonth(2024, 2)` is `2024-02-29`. */
export function endOfMonth(year: number, month: number): string {
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

function requireDate(text: string): CivilDate {
  const d = parseIsoDate(text);
  if (!d) throw new RangeError(`not an ISO date: ${JSON.stringify(text)}`);
  return d;
}

/** A calendar's dates as day-number sets, built once per calendar object. */
interface Compiled {
  off: ReadonlySet<number>;
  on: ReadonlySet<number>;
}

const compiled = new WeakMap<WorkCalendar, Compiled>();

function compile(calendar: WorkCalendar): Compiled {
  let hit = compiled.get(calendar);
  if (!hit) {
    const toDays = (list: readonly string[]) => new Set(list.map((x) => parseIsoDate(x)).filter((x): x is CivilDate => x !== undefined).map(dayNumber));
    hit = { off: toDays(calendar.holidays), on: toDays(calendar.workdays) };
    compiled.set(calendar, hit);
  }
  return hit;
}

function workingDayNumber(n: number, c: Compiled): boolean {
  if (c.on.has(n)) return true;
  if (c.off.has(n)) return false;
  const w = (((n + 3) % 7) + 7) % 7; // 0 Monday … 6 Sunday
  return w < 5;
}

/** True when `date` is a working day under the calendar. */
export function isWorkingDay(date: string, calendar: WorkCalendar = WEEKDAYS_ONLY): boolean {
  return workingDayNumber(dayNumber(requireDate(date)), compile(calendar));
}

/**
 * The `n`-th working day after `date` (the date itself is not counted): a warning issued on a Friday
 * with 1 working day to answer is due on Monday. `n = 0` gives `date` itself when it is a working day,
 * else the next working day. Negative `n` counts backwards. Throws on a date that is not an ISO date.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar = WEEKDAYS_ONLY): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of working days: ${n}`);
  const c = compile(calendar);
  let day = dayNumber(requireDate(date));
  if (n === 0) {
    while (!workingDayNumber(day, c)) day++;
    return formatIsoDate(fromDayNumber(day));
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  // Bounded: there are at least 2 working days in any 14 consecutive days of any real calendar.
  let guard = Math.abs(n) * 14 + 366;
  while (left > 0 && guard-- > 0) {
    day += step;
    if (workingDayNumber(day, c)) left--;
  }
  return formatIsoDate(fromDayNumber(day));
}

/** Working days in (from, to]: `workingDaysBetween(d, addWorkingDays(d, n)) === n`; negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar = WEEKDAYS_ONLY): number {
  const c = compile(calendar);
  const a = dayNumber(requireDate(from));
  const b = dayNumber(requireDate(to));
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (workingDayNumber(d, c)) count++;
  return sign * count;
}

/** Two calendars as one (e.g. the national one and a province's extra days off). */
export function mergeCalendars(...calendars: readonly WorkCalendar[]): WorkCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const c of calendars) {
    for (const d of c.holidays) holidays.add(d);
    for (const d of c.workdays) workdays.add(d);
  }
  return { holidays: [...holidays].sort(), workdays: [...workdays].sort() };
}
