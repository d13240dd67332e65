import { describe, expect, it } from 'vitest';
import { chinaToday, defaultAsOf, defaultPeriod, periodLabel, periodRange, periodsOfYear } from './periods.js';

describe('periods', () => {
  it('lists months and quarters with Chinese labels', () => {
    expect(periodsOfYear(2024, 'quarter').map((p) => p.value)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(periodsOfYear(2024, 'month')[5]).toEqual({ value: '2024-06', label: '2024年6月' });
    expect(periodLabel('2024-Q2')).toBe('2024年第二季度');
  });
  it('knows the range and proposes an as-of date inside it', () => {
    expect(periodRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('2024-Q4')).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    expect(defaultAsOf('2024-Q2', '2024-05-10')).toBe('2024-05-10');
    expect(defaultAsOf('2024-Q2', '2024-08-10')).toBe('2024-06-30');
    expect(defaultPeriod(2024, '2024-05-10', 'quarter')).toBe('2024-Q2');
    expect(defaultPeriod(2024, '2025-01-03', 'month')).toBe('2024-12');
    expect(chinaToday(new Date('2024-06-30T17:00:00Z'))).toBe('2024-07-01');
  });
});
