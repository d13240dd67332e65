import { describe, expect, it } from 'vitest';
import { parseSnapshot, periodContains, periodEnd, periodMonths, periodOf } from './index.js';

describe('monitoring periods', () => {
  it.each([
    ['2024-Q2', { year: 2024, first: 4, last: 6 }, '2024-06-30'],
    ['2024-Q1', { year: 2024, first: 1, last: 3 }, '2024-03-31'],
    ['2024-02', { year: 2024, first: 2, last: 2 }, '2024-02-29'],
    ['2025-12', { year: 2025, first: 12, last: 12 }, '2025-12-31'],
    ['2024-Q5', undefined, undefined],
    ['2024-13', undefined, undefined],
    ['2024', undefined, undefined],
  ])('%s', (period, months, end) => {
    expect(periodMonths(period)).toEqual(months);
    expect(periodEnd(period)).toBe(end);
  });

  it('finds the period of a date and whether a period contains it', () => {
    expect(periodOf('2024-05-03', 'quarter')).toBe('2024-Q2');
    expect(periodOf('2024-05-03', 'month')).toBe('2024-05');
    expect(periodOf('nope', 'month')).toBeUndefined();
    expect(periodContains('2024-Q2', '2024-06-30')).toBe(true);
    expect(periodContains('2024-Q2', '2024-07-01')).toBe(false);
    expect(periodContains('2024-06', '2023-06-30')).toBe(false);
  });
});

describe('parseSnapshot', () => {
  it('accepts a quarter snapshot and defaults the indicators', () => {
    expect(parseSnapshot({ project: 'p1', period: '2024-Q2', asOf: '2024-06-30', executed: '45.5' })).toEqual({
      ok: true,
      snapshot: { project: 'p1', period: '2024-Q2', asOf: '2024-06-30', executed: '45.5', indicators: [] },
    });
  });

  it.each([
    [{ period: '2024-Q2', asOf: '2024-07-01', executed: '1' }, 'asOf'],
    [{ period: '2024-Q2', asOf: '2024-06-31', executed: '1' }, 'asOf'],
    [{ period: 'Q2', asOf: '2024-06-30', executed: '1' }, 'period'],
    [{ period: '2024-Q2', asOf: '2024-06-30', executed: '1,000' }, 'executed'],
    [{ period: '2024-Q2', asOf: '2024-06-30', executed: '1', indicators: [{ id: '', progress: '1' }] }, 'indicators.0.id'],
  ])('refuses %j (%s)', (input, path) => {
    const r = parseSnapshot(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.some((i) => i.startsWith(`${path}:`))).toBe(true);
  });

  it('says in Chinese when the date is outside the period', () => {
    const r = parseSnapshot({ period: '2024-Q2', asOf: '2024-07-01', executed: '1' });
    expect(!r.ok && r.issues[0]).toContain('监控期间“2024-Q2”与截止日期2024-07-01不一致');
  });
});
