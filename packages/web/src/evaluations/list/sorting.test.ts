import { describe, expect, it } from 'vitest';
import { activeClickFilters, compareDecimalText, sortOfColumnKey } from './sorting.js';

describe('compareDecimalText', () => {
  it('orders decimal strings exactly', () => {
    const xs = ['98.4', '100', '9.99', '-1', '0', '98.40', '98.41'];
    expect([...xs].sort(compareDecimalText)).toEqual(['-1', '0', '9.99', '98.4', '98.40', '98.41', '100']);
    expect(compareDecimalText('-2', '-10')).toBeGreaterThan(0);
  });
});

describe('list sorting and click-through filters', () => {
  it('maps table columns to the server\'s sort keys', () => {
    expect(sortOfColumnKey('updatedAt')).toBe('updated');
    expect(sortOfColumnKey('grade')).toBe('grade');
    expect(sortOfColumnKey('orgName')).toBeUndefined();
  });

  it('names the filters analytics links add, each removable', () => {
    const f = activeClickFilters({ execMin: '90', execMax: '100', family: 'quality', severity: 'error', scorable: false, reviewed: true, selfScored: true });
    expect(f.map((x) => x.label)).toEqual(['问题类别：指标质量（错误）', '预算执行率：90% 至 100%（不含）', '有自评分', '已录入复核分', '不可评分']);
    expect(f[0]!.clear).toEqual({ family: undefined, severity: undefined });
    expect(activeClickFilters({ totalMin: '90' })[0]!.label).toBe('总分：不低于 90分');
    expect(activeClickFilters({ year: 2023 })).toEqual([]);
  });
});
