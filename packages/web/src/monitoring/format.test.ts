import { describe, expect, it } from 'vitest';
import { byLight, fractionPercent, percentText, wanText } from './format.js';

describe('monitoring figures', () => {
  it('shows fractions and percents with two decimals, exactly', () => {
    expect(fractionPercent('0.4523')).toBe('45.23%');
    expect(fractionPercent('1')).toBe('100.00%');
    expect(fractionPercent(undefined)).toBe('—');
    expect(percentText('49.7')).toBe('49.70%');
  });
  it('shows money in 万元', () => {
    expect(wanText('1234567', '元')).toBe('123.46');
    expect(wanText('1550', '万元')).toBe('1,550.00');
  });
  it('sorts red first', () => {
    const xs = [{ light: 'green', name: 'a' }, { light: 'red', name: 'b' }, { light: 'yellow', name: 'c' }];
    expect(xs.sort(byLight).map((x) => x.light)).toEqual(['red', 'yellow', 'green']);
  });
});
