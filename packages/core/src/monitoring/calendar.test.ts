import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  dayNumber,
  dayOfYear,
  endOfMonth,
  formatIsoDate,
  fromDayNumber,
  isoWeekday,
  isWorkingDay,
  mergeCalendars,
  parseIsoDate,
  WEEKDAYS_ONLY,
  workingDaysBetween,
} from './calendar.js';
import { CN_CALENDAR_YEARS, CN_PUBLIC_HOLIDAYS, CN_WORK_CALENDAR } from './holidays.js';

describe('dates', () => {
  it.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2024-06-30T09:00:00+08:00', { year: 2024, month: 6, day: 30 }],
    ['2023-02-29', undefined],
    ['2024-13-01', undefined],
    ['2024-6-30', undefined],
    ['', undefined],
    ['明天', undefined],
  ])('parseIsoDate(%j)', (text, expected) => {
    expect(parseIsoDate(text)).toEqual(expected);
  });

  it('day numbers round-trip and agree with the platform calendar (as an oracle, in the test only)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const d = fromDayNumber(n);
        expect(dayNumber(d)).toBe(n);
        const js = new Date(n * 86_400_000);
        expect([d.year, d.month, d.day]).toEqual([js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate()]);
        expect(isoWeekday(d)).toBe(((js.getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('calendar helpers', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(dayOfYear(parseIsoDate('2024-12-31')!)).toBe(366);
    expect(dayOfYear(parseIsoDate('2025-12-31')!)).toBe(365);
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(2025, 2)).toBe('2025-02-28');
    expect(formatIsoDate({ year: 2024, month: 6, day: 3 })).toBe('2024-06-03');
    expect(() => addDays('x', 1)).toThrow(RangeError);
  });
});

describe('working days with the national calendar (放假调休)', () => {
  it.each([
    ['2024-09-27', 1, '2024-09-29', 'Friday + 1 → Sunday 29 September 2024, a working day (调休上班)'],
    ['2024-09-30', 1, '2024-10-08', 'over the National Day week'],
    ['2024-04-30', 10, '2024-05-16', 'the April checkpoint: 10 working days over 劳动节 (5月11日 Saturday worked)'],
    ['2024-02-08', 1, '2024-02-09', '除夕 2024 is only encouraged as a day off: a working day'],
    ['2024-02-09', 1, '2024-02-18', 'Spring Festival 2024: 10–17 off, Sunday 18 worked'],
    ['2025-01-24', 1, '2025-01-26', 'Sunday 26 January 2025 worked'],
    ['2025-01-27', 1, '2025-02-05', 'Spring Festival 2025 from 除夕 28 January'],
    ['2025-09-30', 1, '2025-10-09', 'National Day and Mid-Autumn 2025: eight days'],
    ['2025-10-09', 1, '2025-10-10', ''],
    ['2025-10-10', 1, '2025-10-11', 'Saturday 11 October 2025 worked'],
    ['2026-02-13', 1, '2026-02-14', 'Saturday 14 February 2026 worked'],
    ['2026-02-14', 1, '2026-02-24', 'Spring Festival 2026: nine days'],
    ['2026-06-18', 1, '2026-06-22', '端午 2026'],
    ['2026-09-30', 5, '2026-10-13', 'National Day 2026, Saturday 10 October worked'],
    ['2026-05-04', 0, '2026-05-06', 'zero days from a holiday: the next working day'],
    ['2026-05-06', 0, '2026-05-06', 'zero days from a working day: that day'],
    ['2024-05-16', -10, '2024-04-30', 'backwards'],
  ])('%s + %i working days → %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(from, n, CN_WORK_CALENDAR)).toBe(expected);
  });

  it('Monday to Friday only, without the calendar', () => {
    expect(addWorkingDays('2024-04-30', 10)).toBe('2024-05-14');
    expect(addWorkingDays('2024-05-03', 1, WEEKDAYS_ONLY)).toBe('2024-05-06');
    expect(isWorkingDay('2024-05-01')).toBe(true);
    expect(isWorkingDay('2024-05-01', CN_WORK_CALENDAR)).toBe(false);
  });

  it.each([
    ['2025-10-08', false],
    ['2025-10-11', true],
    ['2025-10-12', false],
    ['2024-06-10', false],
    ['2026-01-04', true],
    ['2026-01-02', false],
    ['2026-12-31', true],
  ])('isWorkingDay(%s) = %s', (date, expected) => {
    expect(isWorkingDay(date, CN_WORK_CALENDAR)).toBe(expected);
  });

  it('counts working days between dates', () => {
    expect(workingDaysBetween('2024-04-30', '2024-05-16', CN_WORK_CALENDAR)).toBe(10);
    expect(workingDaysBetween('2024-05-16', '2024-04-30', CN_WORK_CALENDAR)).toBe(-10);
    expect(workingDaysBetween('2024-05-16', '2024-05-16', CN_WORK_CALENDAR)).toBe(0);
  });

  it('a province adds its own days off by merging calendars', () => {
    const local = mergeCalendars(CN_WORK_CALENDAR, { holidays: ['2024-05-16'], workdays: [] });
    expect(addWorkingDays('2024-04-30', 10, local)).toBe('2024-05-17');
  });

  const date = fc.integer({ min: dayNumber({ year: 2024, month: 1, day: 1 }), max: dayNumber({ year: 2026, month: 12, day: 31 }) }).map((n) => formatIsoDate(fromDayNumber(n)));

  it('property: the n-th working day after a date is a working day, n working days away, and later for larger n', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const due = addWorkingDays(d, n, CN_WORK_CALENDAR);
        expect(isWorkingDay(due, CN_WORK_CALENDAR)).toBe(true);
        expect(workingDaysBetween(d, due, CN_WORK_CALENDAR)).toBe(n);
        expect(due > d).toBe(true);
        expect(addWorkingDays(d, n + 1, CN_WORK_CALENDAR) > due).toBe(true);
        // Adding in two steps is adding once.
        const k = Math.floor(n / 2);
        if (k > 0) expect(addWorkingDays(addWorkingDays(d, k, CN_WORK_CALENDAR), n - k, CN_WORK_CALENDAR)).toBe(due);
      }),
    );
  });

  it('property: a holiday calendar never gives an earlier due date than weekdays alone would, beyond its workdays', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 30 }), (d, n) => {
        const plain = addWorkingDays(d, n);
        const official = addWorkingDays(d, n, CN_WORK_CALENDAR);
        const extra = CN_WORK_CALENDAR.workdays.filter((w) => w > d && w <= official).length;
        if (extra === 0) expect(official >= plain).toBe(true);
      }),
    );
  });
});

describe('the 2024–2026 holiday data', () => {
  it('covers 2024, 2025 and 2026 with every notice cited', () => {
    expect(CN_CALENDAR_YEARS).toEqual([2024, 2025, 2026]);
    for (const h of CN_PUBLIC_HOLIDAYS) {
      expect(h.source).toMatch(new RegExp(`关于${h.year}年部分节假日安排的通知`));
      for (const x of [...h.days, ...h.workdays]) expect(parseIsoDate(x)).toBeDefined();
    }
  });

  it.each([
    [2024, 28, 4 + 2 + 1 + 1],
    [2025, 28, 2 + 1 + 2],
    [2026, 33, 1 + 2 + 1 + 2],
  ])('%i: %i days off, %i weekend days worked', (year, off, worked) => {
    const list = CN_PUBLIC_HOLIDAYS.filter((h) => h.year === year);
    expect(list.flatMap((h) => h.days)).toHaveLength(off);
    expect(list.flatMap((h) => h.workdays)).toHaveLength(worked);
  });

  it('every adjusted working day is a weekend day, and no day is both off and worked', () => {
    for (const w of CN_WORK_CALENDAR.workdays) expect(isoWeekday(parseIsoDate(w)!)).toBeGreaterThanOrEqual(6);
    const off = new Set(CN_WORK_CALENDAR.holidays);
    for (const w of CN_WORK_CALENDAR.workdays) expect(off.has(w)).toBe(false);
    expect(new Set(CN_WORK_CALENDAR.holidays).size).toBe(CN_WORK_CALENDAR.holidays.length);
  });

  it.each([
    ['2024', '春节', '2024-02-10', '2024-02-17'],
    ['2025', '春节', '2025-01-28', '2025-02-04'],
    ['2025', '国庆节、中秋节', '2025-10-01', '2025-10-08'],
    ['2026', '春节', '2026-02-15', '2026-02-23'],
  ])('%s %s runs %s to %s', (year, name, first, last) => {
    const h = CN_PUBLIC_HOLIDAYS.find((x) => String(x.year) === year && x.name === name)!;
    expect([h.days[0], h.days[h.days.length - 1]]).toEqual([first, last]);
  });
});
