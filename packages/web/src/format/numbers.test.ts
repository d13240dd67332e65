import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, formatScore, groupThousands, readDecimal, sumDecimals } from './numbers.js';

describe('money and scores', () => {
  it('shows two decimals with thousands separators', () => {
    expect(formatMoney('243.03')).toBe('243.03');
    expect(formatMoney('1550')).toBe('1,550.00');
    expect(formatMoney('-1234567.005')).toBe('-1,234,567.01');
    expect(formatMoney(undefined)).toBe('');
    expect(formatMoney('abc')).toBe('abc');
    expect(groupThousands('1234.5678')).toBe('1,234.5678');
  });

  it('shows scores without trailing zeros and rates with %', () => {
    expect(formatScore('19.333')).toBe('19.33');
    expect(formatScore('20.00')).toBe('20');
    expect(formatPercent('156.79')).toBe('156.79%');
    expect(formatPercent('95%')).toBe('95.00%');
  });
});

describe('readDecimal', () => {
  it('reads what people type', () => {
    expect(readDecimal('１２３．５')).toBe('123.5');
    expect(readDecimal(' 1,234.50 万元')).toBe('1234.50');
    expect(readDecimal('+7')).toBe('7');
    expect(readDecimal('.5')).toBe('0.5');
    expect(readDecimal('5.')).toBe('5');
    expect(readDecimal('007')).toBe('7');
    expect(readDecimal('20分')).toBe('20');
    expect(readDecimal('')).toBe('');
    expect(readDecimal('十')).toBeUndefined();
    expect(readDecimal('1,23')).toBeUndefined();
  });

  it('sums exactly', () => {
    expect(sumDecimals(['0.1', '0.2', undefined, 'x']).toString()).toBe('0.3');
  });
});
