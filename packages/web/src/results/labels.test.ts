import { describe, expect, it } from 'vitest';
import { deadlineNote, fractionToPercent, parseItems } from './labels.js';

describe('results labels', () => {
  it('prints a fraction as a percentage exactly', () => {
    expect(fractionToPercent('0.9567')).toBe('95.67%');
    expect(fractionToPercent('0.4')).toBe('40.00%');
    expect(fractionToPercent(undefined)).toBe('');
    expect(fractionToPercent('abc')).toBe('');
  });

  it('says how the deadline stands', () => {
    expect(deadlineNote({ status: 'open', daysLeft: -3 })).toBe('已逾期3天');
    expect(deadlineNote({ status: 'in-progress', daysLeft: 0 })).toBe('今天到期');
    expect(deadlineNote({ status: 'open', daysLeft: 5 })).toBe('还剩5天');
    expect(deadlineNote({ status: 'closed' })).toBe('');
  });

  it('reads the reviewer’s items one per line', () => {
    expect(parseItems('资金管理：补充拨付凭证\n\n  产出指标: 说明偏差原因 \n只写问题')).toEqual([
      { location: '资金管理', message: '补充拨付凭证' },
      { location: '产出指标', message: '说明偏差原因' },
      { location: '评价文档', message: '只写问题' },
    ]);
  });
});
